/** The text a note template holds where each autosave puts its own words. */
export const NOTE_TEXT_PLACEHOLDER = '__CRASH_NOTE_TEXT__'

/** Every memo the harness imports carries these tags; an article stored without them was half imported. */
export const MEMO_TAGS = ['crash-harness', 'memo'] as const

/**
 * A short Markdown memo, different for every sequence number so each import is new. Its front
 * matter tags exercise the one transaction that stores an article with its tags.
 */
export function crashMemo(seq: number): { name: string; title: string; text: string } {
  const title = `Crash memo ${seq}`
  const body = [
    `Harbour traffic report number ${seq}. The ferries ran on time and the ice held off.`,
    `Freight volumes moved by ${seq % 97} percent against the week before.`,
    `Port officials said talks would continue on ${['Monday', 'Tuesday', 'Friday'][seq % 3]}.`
  ].join('\n\n')
  const front = `---\ntitle: "${title}"\ntags: [${MEMO_TAGS.join(', ')}]\n---\n`
  return { name: `crash-memo-${seq}.md`, title, text: `${front}# ${title}\n\n${body}\n` }
}
