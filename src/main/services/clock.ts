/** Injected so tests can fix time; everything stored is ISO 8601 UTC. */
export type Clock = () => string
export const systemClock: Clock = () => new Date().toISOString()
