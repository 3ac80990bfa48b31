/** Pasted text is HTML when it looks like markup, else plain text. */
export function pastedFileName(text: string): string {
  return /^\s*<(!doctype|html|body|article|div|p|h[1-6])[\s>]/i.test(text) ? 'Pasted text.html' : 'Pasted text.txt'
}
