import type { Migration } from '../migrate'
import { migration001 } from './001-initial'
import { migration002 } from './002-article-documents'
import { migration003 } from './003-labels-and-soft-delete'
import { migration004 } from './004-highlight-tags'
import { migration005 } from './005-anchor-confidence'
import { migration006 } from './006-settings'
import { migration007 } from './007-notebooks-and-revisions'
import { migration008 } from './008-article-trash'
import { migration009 } from './009-search-index'
import { migration010 } from './010-library-facets'
import { migration011 } from './011-export-files'
import { migration012 } from './012-note-markdown'
import { migration013 } from './013-trash-index'
import { migration014 } from './014-export-renders'
import { migration015 } from './015-export-single-files'
import { migration016 } from './016-export-folders'
import { migration017 } from './017-cases-sources-provenance'
import { migration018 } from './018-document-formats'
import { migration019 } from './019-grade-renders'
import { migration020 } from './020-entities-timeline'
import { migration022 } from './022-browser-capture'
import { migration023 } from './023-entity-decision-undo'
import { migration025 } from './025-dateline-without-dash'
import { migration033 } from './033-entity-counts'
import { migration034 } from './034-export-renders-text'
import { migration035 } from './035-claim-evidence-index'
import { migration039 } from './039-case-notebook-revisions'
import { migration049 } from './049-verify-hash-index'
import { migration037 } from './037-ach-matrices'
import { migration050 } from './050-article-language'
import { migration051 } from './051-cjk-search-index'
import { migration063 } from './063-entity-live-counts'
import { migration066 } from './066-cjk-backfill-queue'
import { migration076 } from './076-import-lookups'
import { migration085 } from './085-brief-renders'
import { migration086 } from './086-cjk-triggers-coarse-test'

/** Ordered by version; a new migration is a new numbered file appended here. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration022,
  migration023,
  migration025,
  migration033,
  migration034,
  migration035,
  migration037,
  migration039,
  migration049,
  migration050,
  migration051,
  migration063,
  migration066,
  migration076,
  migration085,
  migration086
]
