import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { directionVotes, languageDirection, rtlScriptLanguage, textDirection } from './direction'

describe('textDirection', () => {
  it('reads an Arabic paragraph that opens with an English name as right to left (dir="auto" would not)', () => {
    expect(textDirection('John Smith قال إن العبّارة ستعود إلى العمل يوم الاثنين بعد العاصفة.')).toBe('rtl')
    expect(textDirection('BBC: أعلنت الوزارة استئناف الرحلات.')).toBe('rtl')
  })

  it('reads Hebrew with numbers, and Persian and Urdu, as right to left', () => {
    expect(textDirection('ב-2024 עלו המחירים ב-15% לעומת 2023.')).toBe('rtl')
    expect(textDirection('قیمت‌ها پس از طوفان ۲۰ درصد افزایش یافت.')).toBe('rtl')
    expect(textDirection('وزارت نے کہا کہ سروس پیر کو بحال ہو گی۔')).toBe('rtl')
  })

  it('reads an English paragraph quoting a few Arabic words as left to right', () => {
    expect(textDirection('The minister said “الوضع مستقر” before leaving the harbour on Monday.')).toBe('ltr')
  })

  it('reads Cyrillic, CJK and Devanagari as left to right', () => {
    expect(textDirection('Цены резко выросли после шторма.')).toBe('ltr')
    expect(textDirection('风暴过后价格大幅上涨。')).toBe('ltr')
    expect(textDirection('तूफान के बाद कीमतें बढ़ीं।')).toBe('ltr')
  })

  it('gives a block without letters (a date, figures) the fallback: the article’s direction', () => {
    expect(textDirection('12/03/2024 — 15%', 'rtl')).toBe('rtl')
    expect(textDirection('١٢٣٤٥', 'ltr')).toBe('ltr')
    expect(textDirection('', null)).toBeNull()
  })
})

describe('languageDirection', () => {
  it('knows right-to-left languages by their tag, and a script subtag overrides the language', () => {
    expect(languageDirection('ar-EG')).toBe('rtl')
    expect(languageDirection('he')).toBe('rtl')
    expect(languageDirection('fa_IR')).toBe('rtl')
    expect(languageDirection('en-GB')).toBe('ltr')
    expect(languageDirection('az-Arab')).toBe('rtl')
    expect(languageDirection('ku-Latn')).toBe('ltr')
    expect(languageDirection('und')).toBeNull()
    expect(languageDirection(null)).toBeNull()
  })
})

describe('rtlScriptLanguage', () => {
  it('tells Hebrew, Persian and Urdu from Arabic by their letters, and has nothing to say of left-to-right text', () => {
    expect(rtlScriptLanguage('המחירים עלו ב-15%')).toBe('he')
    expect(rtlScriptLanguage('قیمت‌ها پس از طوفان افزایش یافت')).toBe('fa')
    expect(rtlScriptLanguage('وزارت نے کہا کہ سروس پیر کو بحال ہو گی۔')).toBe('ur')
    expect(rtlScriptLanguage('ارتفعت الأسعار بعد العاصفة')).toBe('ar')
    expect(rtlScriptLanguage('Prices rose')).toBeNull()
  })
})

describe('textDirection agrees with the letters\' vote', () => {
  // The shortcut for text without right-to-left letters must give what counting gives.
  const pieces = fc.constantFrom('a', 'Z', 'é', 'ж', '中', '7', '٣', ' ', '.', 'ب', 'ש', '—', '\n')
  it('for any mix of scripts, digits and punctuation', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), fc.constantFrom<'ltr' | 'rtl' | null>('ltr', 'rtl', null), (text, fallback) => {
        const { rtl, ltr } = directionVotes(text)
        expect(textDirection(text, fallback)).toBe(rtl > ltr ? 'rtl' : ltr > rtl ? 'ltr' : fallback)
      })
    )
  })
})
