/** A device name, alone or before an extension or space: Windows opens the device, not a file. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=$|[. ])/i
const MAX_STEM = 120
/**
 * ext4 and APFS allow 255 bytes per name, and a CJK character takes three: the stem leaves room
 * for " (n).md", ".dossier-conflict" and the exporter's temporary name (a dot before it and
 * ".<16 hex digits>.tmp" after it).
 */
const MAX_STEM_BYTES = 200

/**
 * A file name that is valid on Windows, macOS and Linux and cannot leave the export folder:
 * path separators and reserved characters become spaces, invisible format characters (bidirectional
 * controls, zero-width characters) are dropped, and reserved device names get a suffix.
 */
export function safeFileStem(title: string): string {
  let stem = title
    .normalize('NFC')
    // Format characters are invisible: bidirectional overrides and isolates would show
    // "‮evil‭txt.exe.md" as something else, and zero-width ones hide inside a name.
    .replace(/\p{Cf}+/gu, '')
    // Lone surrogates are not valid UTF-8, so some file systems refuse them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\ud800-\udfff]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  stem = clip(stem.replace(RESERVED, '$1_')).replace(/[.\s]+$/g, '')
  return stem || 'Untitled'
}

/** Cuts at a whole code point, so a surrogate pair is never split. */
function clip(stem: string): string {
  // No UTF-16 unit takes more than three bytes in UTF-8 (a pair takes four for two): most titles need no count.
  if (stem.length <= MAX_STEM && stem.length * 3 <= MAX_STEM_BYTES) return stem
  let out = ''
  let bytes = 0
  for (const ch of stem) {
    const cp = ch.codePointAt(0)!
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
    if (out.length + ch.length > MAX_STEM || bytes + size > MAX_STEM_BYTES) break
    out += ch
    bytes += size
  }
  return out
}

/** Picks `stem.md`, then `stem (2).md`, … so two articles with one title never overwrite each other. */
export function uniqueFileName(stem: string, taken: Set<string>): string {
  let candidate = `${stem}.md`
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n}).md`
  taken.add(candidate.toLowerCase())
  return candidate
}
