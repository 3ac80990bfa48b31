import { forwardRef, useImperativeHandle, useRef } from 'react'
import { filesInFolder } from './dropped-files'

// .json: W3C annotations (a Hypothesis or Dossier export), placed on the articles they belong to.
const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.pdf,.docx,.epub,.json'

export interface ImportPickersHandle {
  pickFiles(): void
  pickFolder(): void
}

/** The browser's file and folder pickers, hidden: the toolbar, menus and palette open them. */
export const ImportPickers = forwardRef<ImportPickersHandle, { onFiles(files: File[]): void }>(function ImportPickers({ onFiles }, ref) {
  const files = useRef<HTMLInputElement>(null)
  const folder = useRef<HTMLInputElement>(null)
  useImperativeHandle(ref, () => ({ pickFiles: () => files.current?.click(), pickFolder: () => folder.current?.click() }))
  return (
    <>
      <input
        ref={files}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])])
          e.target.value = ''
        }}
      />
      <input
        ref={folder}
        type="file"
        hidden
        data-testid="import-folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          onFiles(filesInFolder([...(e.target.files ?? [])]))
          e.target.value = ''
        }}
      />
    </>
  )
})
