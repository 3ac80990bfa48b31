import type { DetectLanguage } from '../../../shared/text/article-language'

let loading: Promise<DetectLanguage> | null = null

/**
 * eld (decision 0027), its smallest n-gram table: 47 of 48 short news sentences in 16 languages
 * right where franc-min got 36 (it has no Hebrew). Loading it takes about half a second and
 * 37 MB, so it loads on first use, and only in the worker or process that detects.
 */
export function eldDetector(): Promise<DetectLanguage> {
  loading ??= import('eld/extrasmall').then(({ eld }) => (sample: string) => eld.detect(sample).language || null)
  return loading
}
