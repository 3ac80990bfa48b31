/**
 * Text reduced to its words for comparing two renderings of the same words: compatibility forms
 * folded (full-width letters, ligatures), lower case, every run of punctuation and space one space.
 * "Ports: the winter plan!" and "ports the winter plan" compare equal.
 */
export function comparableWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
