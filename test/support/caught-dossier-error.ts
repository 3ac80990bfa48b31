import { DossierError } from '../../src/shared/errors'

/** Runs fn and returns the DossierError it throws; fails the test if it throws nothing or anything else. */
export function caughtDossierError(fn: () => unknown): DossierError {
  try {
    fn()
  } catch (err) {
    if (err instanceof DossierError) return err
    throw err
  }
  throw new Error('expected a DossierError')
}
