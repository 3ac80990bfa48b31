/**
 * Which of several requests in flight was asked last. A slider moved by five quick key presses
 * sends five saves; their answers can come back while later presses are already shown, and an
 * older answer applied then would move the slider back (a step lost).
 */
export function latestRequest(): { begin(): number; isLatest(ticket: number): boolean } {
  let last = 0
  return {
    begin: () => ++last,
    isLatest: (ticket) => ticket === last
  }
}
