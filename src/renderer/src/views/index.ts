/**
 * Loads every view folder (views/<name>/index.tsx), each of which registers itself: a new view is
 * a new folder, and this glob picks it up at build time.
 */
import.meta.glob('./*/index.tsx', { eager: true })

export { registeredViews, viewById } from './registry'
