import type { SearchHit } from '../../../shared/search/search-types'
import { dirAttribute } from '../../../shared/text/direction'

/** A snippet as text with its matched words in <mark>: React escapes every part, so no markup gets through. */
export function SnippetText({ snippet }: { snippet: SearchHit['snippet'] }) {
  return (
    <span className="snippet" dir={dirAttribute(snippet.parts.map((p) => p.text).join(''))}>
      {snippet.cutBefore && '…'}
      {snippet.parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
      {snippet.cutAfter && '…'}
    </span>
  )
}
