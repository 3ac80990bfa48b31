import { describe, expect, it } from 'vitest'
import type { Block } from '../document/article-document'
import { TOC_REASON } from '../import/document-metadata'
import { setAsidePrintedContents } from './contents-lines'

const heading = (text: string): Block => ({ kind: 'heading', text, level: 2 })
const para = (text: string): Block => ({ kind: 'paragraph', text })
const reasons = (blocks: Block[]) => blocks.map((b) => b.removed?.reason ?? null)

describe('setAsidePrintedContents', () => {
  it('sets aside a report’s contents read as a table, across a running head between its pages', () => {
    const blocks: Block[] = [
      heading('Contents'),
      { kind: 'table', text: 'Executive summary ..........\t3\n1. Condition of the defences .......\t4' },
      { kind: 'paragraph', text: 'Coastal Review Panel · Page 2', removed: { reason: 'running footer (on 6 pages)' } },
      { kind: 'table', text: '2. Recommendations ..........\t6' },
      heading('Executive summary'),
      para('The panel inspected 1,240 structures along the eastern coast between March and October 2025.'),
      heading('1. Condition of the defences'),
      para('Of the structures inspected, 61 per cent were rated good or fair.')
    ]
    setAsidePrintedContents(blocks)
    expect(reasons(blocks)).toEqual([TOC_REASON, TOC_REASON, 'running footer (on 6 pages)', TOC_REASON, null, null, null, null])
  })

  it('reads entries without leaders when each names a heading further on', () => {
    const blocks = [heading('Table of contents'), para('1 History'), para('2 Operation'), heading('History'), para('Plans were drawn up in 1953.'), heading('Operation'), para('The gates close about seven times a year.')]
    setAsidePrintedContents(blocks)
    expect(reasons(blocks)).toEqual([TOC_REASON, TOC_REASON, TOC_REASON, null, null, null, null])
  })

  it('sets aside a block of dot-leader lines with no label', () => {
    const blocks = [para('Summary ........ 2\nFindings ........ 5\nAnnex ........ 9'), para('The findings follow.')]
    setAsidePrintedContents(blocks)
    expect(reasons(blocks)).toEqual([TOC_REASON, null])
  })

  it('keeps a "Contents" heading over text that is no list of the headings', () => {
    const blocks = [heading('Contents'), para('The crates held machine parts and paper, the agent said, and nothing else.'), heading('Cargo'), para('Four crates.')]
    setAsidePrintedContents(blocks)
    expect(reasons(blocks)).toEqual([null, null, null, null])
  })
})
