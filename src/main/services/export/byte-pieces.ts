/** How large the pieces of a file laid out in memory are: well under the size at which a buffer is mapped afresh from the system. */
export const PIECE_BYTES = 16 * 1024

/**
 * Bytes laid end to end as buffers of PIECE_BYTES (the last one shorter). Making one fresh
 * buffer of a brief's 160 KB (`Buffer.concat`) cost 0.5–0.7 ms on the shared machine, ten times
 * copying the same bytes into ten 16 KB ones: a file is written (writev) and hashed from these.
 */
export function inPieces(parts: readonly Uint8Array[]): Buffer[] {
  let left = 0
  for (const part of parts) left += part.length
  const out: Buffer[] = []
  let piece = Buffer.allocUnsafe(Math.min(PIECE_BYTES, left))
  let at = 0
  for (const part of parts) {
    let from = 0
    while (from < part.length) {
      const n = Math.min(part.length - from, piece.length - at)
      piece.set(n === part.length ? part : part.subarray(from, from + n), at)
      at += n
      from += n
      if (at === piece.length) {
        out.push(piece)
        left -= at
        piece = Buffer.allocUnsafe(Math.min(PIECE_BYTES, left))
        at = 0
      }
    }
  }
  return out
}
