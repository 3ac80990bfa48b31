import { englishNumber, refusal } from './refusal'

type Id = { id: string }
type File = { file: string }

/** Articles, highlights, notes, labels, exports' scope, briefs, CSL styles and browser pairing. */
export const LIBRARY_REFUSALS = {
  'article.no_block': refusal('invalid_input', 'refusals:article.no_block', (v: { index: number }) => `blockIndex: the article has no block ${v.index}.`),
  'article.url_scheme': refusal('invalid_input', 'refusals:article.url_scheme', () => 'url: only http and https addresses can be stored as the source URL.'),
  'article.language_tag': refusal(
    'invalid_input',
    'refusals:article.language_tag',
    (v: { language: string }) => `language: “${v.language}” is not a language tag (write it as ar, fa, he, ru, zh-Hant or en-GB).`
  ),
  'article.not_pdf': refusal('invalid_input', 'refusals:article.not_pdf', () => 'This article was not imported from a PDF, so it has no pages to show.'),
  'highlight.twin': refusal('duplicate', 'refusals:highlight.twin', () => 'This passage already has a highlight with this label.'),
  'highlight.past_end': refusal('invalid_input', 'refusals:highlight.past_end', (v: { end: number; length: number }) => `end: ${v.end} is past the end of the article (${v.length} characters).`),
  'highlight.blank': refusal('invalid_input', 'refusals:highlight.blank', () => 'The selection holds only white space; select some words to highlight.'),
  'note.highlight_missing': refusal('not_found', 'refusals:note.highlight_missing', (v: Id) => `No highlight with id ${v.id}; the note was not saved.`),
  'note.article_missing': refusal('not_found', 'refusals:note.article_missing', (v: Id) => `No article with id ${v.id}; the notebook was not saved.`),
  'note.revision_missing': refusal('not_found', 'refusals:note.revision_missing', (v: { id: number; max: number }) => `No note revision ${v.id}; it may be older than the last ${v.max}.`),
  'note.case_notebook_missing': refusal('not_found', 'refusals:note.case_notebook_missing', (v: { id: number }) => `No case notebook for revision ${v.id}.`),
  'note.too_large': refusal(
    'too_large',
    'refusals:note.too_large',
    (v: { kb: number; limitKb: number }) => `The note is ${englishNumber(v.kb)} KB; a note holds at most ${englishNumber(v.limitKb)} KB. Split it, or keep the long text as an article.`
  ),
  'label.move_to_itself': refusal('invalid_input', 'refusals:label.move_to_itself', () => 'moveTo: a label cannot take its own highlights when it is deleted.'),
  'label.name_taken': refusal('invalid_input', 'refusals:label.name_taken', (v: { name: string }) => `name: a label called “${v.name}” already exists.`),
  'export.no_tag': refusal('not_found', 'refusals:export.no_tag', (v: { tag: string }) => `No article or highlight has the tag "${v.tag}".`),
  'export.case_missing': refusal('not_found', 'refusals:export.case_missing', (v: Id) => `No case with id ${v.id}; nothing was exported.`),
  'export.article_missing': refusal('not_found', 'refusals:export.article_missing', (v: Id) => `No article with id ${v.id}; nothing was exported.`),
  'export.article_in_trash': refusal('not_found', 'refusals:export.article_in_trash', (v: Id) => `The article ${v.id} is in the Trash; restore it to export it. Nothing was exported.`),
  'brief.pdf_desktop_only': refusal(
    'invalid_input',
    'refusals:brief.pdf_desktop_only',
    () => 'PDF is written by the desktop app; in the browser, open the brief’s print view (Print / Save as PDF) and save it as PDF from the print dialog.'
  ),
  'csl.too_large': refusal('too_large', 'refusals:csl.too_large', (v: { file: string; limitMb: number }) => `${v.file}: a CSL style is at most ${v.limitMb} MB.`),
  'csl.cannot_read': refusal('not_found', 'refusals:csl.cannot_read', (v: { file: string; code: string }) => `${v.file}: cannot read the CSL style (${v.code}).`),
  'csl.doctype': refusal('invalid_input', 'refusals:csl.doctype', (v: File) => `${v.file}: a CSL style may not declare a DOCTYPE or entities (no style needs one).`),
  'csl.stray_lt': refusal('invalid_input', 'refusals:csl.stray_lt', (v: File) => `${v.file}: not well-formed XML (a “<” that starts no tag).`),
  'csl.too_deep': refusal('invalid_input', 'refusals:csl.too_deep', (v: { file: string; limit: number }) => `${v.file}: the style nests deeper than ${v.limit} elements.`),
  'csl.not_xml': refusal('invalid_input', 'refusals:csl.not_xml', (v: { file: string; detail: string }) => `${v.file}: not well-formed XML (${v.detail}).`),
  'csl.not_csl': refusal('invalid_input', 'refusals:csl.not_csl', (v: File) => `${v.file}: not a CSL style (no <style> element in the CSL namespace).`),
  'csl.foreign_element': refusal(
    'invalid_input',
    'refusals:csl.foreign_element',
    (v: { file: string; element: string }) => `${v.file}: the style holds a <${v.element}> element, which is not CSL; a style holds CSL elements only.`
  ),
  'csl.dependent': refusal('invalid_input', 'refusals:csl.dependent', (v: File) => `${v.file}: a dependent CSL style, which only names its parent; pick the parent style’s file instead.`),
  'csl.no_citation': refusal('invalid_input', 'refusals:csl.no_citation', (v: File) => `${v.file}: the style has no <citation> layout, so it cannot write footnotes.`),
  'csl.processor': refusal('invalid_input', 'refusals:csl.processor', (v: { file: string; detail: string }) => `${v.file}: the CSL processor cannot use this style: ${v.detail}.`),
  'capture.code_wrong': refusal('unauthorized', 'refusals:capture.code_wrong', () => 'That code is not the one Dossier shows. Check it and try again.'),
  'capture.code_locked': refusal('unauthorized', 'refusals:capture.code_locked', () => 'Too many wrong codes: press Connect browser in Dossier again for a new code.'),
  'capture.code_expired': refusal('unauthorized', 'refusals:capture.code_expired', () => 'That code has expired: press Connect browser in Dossier again for a new code.'),
  'capture.code_none': refusal('unauthorized', 'refusals:capture.code_none', () => 'Dossier is not showing a code: press Connect browser in Dossier first.')
}
