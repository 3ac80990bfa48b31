import { z } from 'zod'
import { Article, Highlight, Id, MetadataPatch } from '../domain-types'
import { BytesOutput, TagName, type ContractPart } from './common'

/** One article: read it, correct its metadata and tags, hide or restore its blocks. */
export const articlesContract = {
  'article.get': {
    input: z.object({ id: Id }).strict(),
    output: Article
  },
  'article.setBlockRemoved': {
    input: z
      .object({
        articleId: Id,
        blockIndex: z.number().int().min(0).max(1_000_000),
        removed: z.boolean()
      })
      .strict(),
    output: z.object({ article: Article, highlights: z.array(Highlight) })
  },
  'article.updateMetadata': {
    input: z.object({ id: Id, patch: MetadataPatch }).strict(),
    output: Article
  },
  /**
   * The file as it was imported, for the Page view to draw: only PDFs, whose pages have a layout
   * of their own. Bytes, not base64 (BytesOutput), capped like an import (50 MB) on the way out.
   */
  'article.originalPdf': {
    input: z.object({ id: Id }).strict(),
    output: BytesOutput
  },
  'article.setTags': {
    input: z.object({ id: Id, tags: z.array(TagName).max(50) }).strict(),
    output: Article
  }
} as const satisfies ContractPart
