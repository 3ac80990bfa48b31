import fc from 'fast-check'

// CI must not fail on a case no one can reproduce: there, property tests use one fixed seed.
// Everywhere else each run explores new cases, and a failure prints its seed to replay.
if (process.env.CI) fc.configureGlobal({ seed: 20261125 })
