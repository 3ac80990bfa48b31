/**
 * How precise a timeline date is. Its own module so the contract (and with it the renderer)
 * names the precisions without importing the date parser (chrono-node, ≈ 370 KB).
 */
export const PRECISIONS = ['day', 'month', 'year'] as const
export type Precision = (typeof PRECISIONS)[number]
