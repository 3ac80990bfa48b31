import { describe, expect, it } from 'vitest'
import { layoutPdf } from './pdf-layout'
import { canonicalToPage } from './page-text-map'
import { isRightToLeft, logicalFromVisual, readingOrder, unshapeArabic } from './right-to-left'
import { pageOf, type LineSpec } from './test-pages'

/** A line as a PDF draws it glyph by glyph, left to right: the letters of each word reversed, the words from the right. */
function drawn(words: string[]): string[] {
  const runs: string[] = []
  for (const word of [...words].reverse()) {
    if (runs.length) runs.push(' ')
    // Digits and Latin letters are drawn in their own order, right-to-left letters reversed.
    runs.push(...(/^[\p{N}A-Za-z.,]+$/u.test(word) ? [...word] : [...word].reverse()))
  }
  return runs
}

describe('right-to-left text in a PDF', () => {
  it('reads a line drawn left to right in its reading order, numbers and Latin words kept', () => {
    expect(logicalFromVisual(drawn(['أعلنت', 'سلطة', 'الميناء', 'يوم', 'الاثنين']))).toBe('أعلنت سلطة الميناء يوم الاثنين')
    expect(logicalFromVisual(drawn(['نقلت', '4.1', 'مليون', 'راكب', 'عبر', 'Klaipeda']))).toBe('نقلت 4.1 مليون راكب عبر Klaipeda')
    expect(logicalFromVisual(drawn(['הנמל', 'נפתח', 'מחדש', 'בשנת', '2025']))).toBe('הנמל נפתח מחדש בשנת 2025')
  })

  it('keeps a run pdf.js already put in reading order, and mirrors brackets between words', () => {
    // pdf.js orders the letters inside a run of several glyphs itself ("م ا" below).
    expect(logicalFromVisual(['ن', 'ي', 'ن', 'ث', 'ا', 'ل', 'م ا', 'و', 'ي'])).toBe('يوم الاثنين')
    // Drawn right to left, the opening bracket shows as ")" at the word's right: mirrored back.
    expect(logicalFromVisual(['(', 'ة', 'ر', 'ا', 'ز', 'و', 'ل', 'ا', ')', ' ', 'ن', 'ا', 'ي', 'ب'])).toBe('بيان (الوزارة)')
  })

  it('turns Arabic presentation forms into letters and knows a right-to-left line', () => {
    expect(unshapeArabic('\uFE97\uFED8\uFEAE\uFEF3\uFEAE')).toBe('تقرير')
    expect(unshapeArabic('\uFEFB')).toBe('لا')
    expect(isRightToLeft('تقرير عن حركة الموانئ 2025')).toBe(true)
    expect(isRightToLeft('Port report 2025, تقرير')).toBe(false)
  })

  it('lays out an Arabic page in two columns right column first, each line in reading order', () => {
    const right = ['أعلنت سلطة الميناء يوم الاثنين', 'أن شحنات الحبوب استؤنفت بعد', 'توقف دام نحو أسبوعين.']
    const left = ['وقال مسؤولون في العاصمة إن', 'القرار مؤقت وإن إجراءات أخرى', 'ستعتمد على الوضع الأمني.']
    const glyphs = (line: string, xRight: number, y: number): LineSpec[] => {
      const runs = drawn(line.split(' '))
      const width = runs.length * 5
      return runs.map((text, k) => ({ text, x: xRight - width + k * 5, y })).filter((r) => r.text !== ' ')
    }
    const lines = [
      ...right.flatMap((l, i) => glyphs(l, 520, 700 - i * 12)),
      ...left.flatMap((l, i) => glyphs(l, 280, 700 - i * 12)),
      ...right.flatMap((l, i) => glyphs(l, 520, 640 - i * 12)),
      ...left.flatMap((l, i) => glyphs(l, 280, 640 - i * 12))
    ]
    const text = layoutPdf([pageOf(1, lines)]).blocks.filter((b) => !b.removed).map((b) => b.text)
    const paragraph = (ls: string[]) => ls.join(' ')
    expect(text).toEqual([paragraph(right), paragraph(right), paragraph(left), paragraph(left)])
  })
  it('orders the Page view’s items as the line is read, so a highlight of the text finds its glyphs', () => {
    const line = ['نقلت', 'الموانئ', '4.1', 'مليون', 'راكب']
    const items = drawn(line).map((str) => ({ str, y: 700 }))
    items.push({ str: 'Page 2', y: 40 })
    const order = readingOrder(items)
    const pageText = order.map((i) => items[i]!.str).join('')
    expect(pageText).toBe('نقلت الموانئ 4.1 مليون راكبPage 2')
    const canonical = line.join(' ')
    const span = canonicalToPage(canonical, { start: 0, end: canonical.length }, pageText, canonical.indexOf('4.1'), canonical.indexOf('راكب'))
    expect(span && pageText.slice(span.start, span.end)).toBe('4.1 مليون')
  })
})
