import { z } from 'zod'

// The CSP forbids eval; without this zod probes for it with `Function('')` on its first parse,
// which the policy blocks and reports as a violation. Nothing is lost: zod validates without JIT.
// Imported first by main.tsx, so it runs before any module parses a schema at load time.
z.config({ jitless: true })
