/** What a field holds, in words, by its last path segment; anything else is named by its path. */
export const FIELD_WORDS: Readonly<Record<string, string>> = {
  query: 'the search',
  title: 'the title',
  author: 'the author',
  source: 'the source',
  dateline: 'the dateline',
  content: 'the note',
  text: 'the text',
  tags: 'the tags',
  tag: 'the tag',
  name: 'the name',
  url: 'the address',
  outDir: 'the export folder',
  defaultExportDir: 'the export folder',
  template: 'the template',
  quote: 'the quote',
  files: 'the files',
  'files.name': 'the file name',
  'files.dataBase64': 'the file data'
}
