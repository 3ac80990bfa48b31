import type { CitedPassage } from './citation'

/** A graded newspaper passage for the citation tests; override what a test is about. */
export const passage = (over: Partial<CitedPassage> = {}): CitedPassage => ({
  highlightId: '11111111-1111-4111-8111-111111111111',
  articleId: '22222222-2222-4222-8222-222222222222',
  title: 'Port closes after storm',
  author: 'Ana Silva and Tom Ek',
  source: 'Harbour Gazette',
  publishedAt: '2026-03-01T08:30:00+02:00',
  url: 'https://example.org/port',
  importedAt: '2026-03-02T10:00:00.000Z',
  originalSha256: 'ABCDEF0123456789'.repeat(4),
  reliability: 'B',
  credibility: 2,
  page: null,
  chapter: null,
  originalType: 'html',
  ...over
})

