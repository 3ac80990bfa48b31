/**
 * The Content Security Policy every Dossier page runs under, in Electron and in the loopback web
 * shell alike. Nothing remote may load and nothing inline may run: imported articles are hostile
 * text, and a policy this strict keeps a sanitizer slip from becoming code execution.
 *
 * style-src needs no 'unsafe-inline': React and Lexical set styles through the CSSOM, which CSP
 * does not restrict; only `style="…"` in markup and `<style>` elements would be blocked.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"]
} as const satisfies Record<string, readonly string[]>

export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}

/** For an HTTP header. frame-ancestors works only there: browsers ignore it in a <meta> tag. */
export const CONTENT_SECURITY_POLICY = serializeCsp(CSP_DIRECTIVES)

/** For the <meta> tag in the built page: the same policy less the directive a meta tag cannot carry. */
export const CONTENT_SECURITY_POLICY_META = serializeCsp(
  Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => name !== 'frame-ancestors'))
)
