import fc from 'fast-check'
import { z } from 'zod'

/**
 * Payload generators for fuzzing the contract. Random values (`fc.anything()`) mostly fail a
 * schema at its first check; the interesting rejections are near misses: a valid payload with
 * one key dropped, one extra, one value of the wrong type or just out of range.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** What the loopback transport delivers: JSON, so undefined keys vanish and NaN becomes null. */
export function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value)
  return text === undefined ? undefined : (JSON.parse(text) as unknown)
}

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  minLength?: number
  minimum?: number
  exclusiveMinimum?: number
  enum?: unknown[]
  const?: unknown
  format?: string
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  default?: unknown
}

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000'

/** The simplest value a JSON schema describes, as a starting point for mutations. */
function sampleJsonSchema(schema: JsonSchema, depth = 0): Json {
  if (depth > 8) return null
  if (schema.const !== undefined) return schema.const as Json
  if (schema.enum?.length) return schema.enum[0] as Json
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives?.length) return sampleJsonSchema(alternatives.find((s) => s.type !== 'null') ?? alternatives[0]!, depth + 1)
  if (schema.allOf?.length) return sampleJsonSchema(schema.allOf[0]!, depth + 1)
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {}
      for (const key of schema.required ?? []) out[key] = sampleJsonSchema(schema.properties?.[key] ?? {}, depth + 1)
      return out
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleJsonSchema(schema.items ?? {}, depth + 1))
    case 'string':
      if (schema.format === 'uuid') return SAMPLE_UUID
      return 'a'.repeat(Math.max(schema.minLength ?? 0, 1))
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0)
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return {}
  }
}

/**
 * A payload the schema accepts: the hand-written one when given, else one sampled from the
 * schema, else `{}`. New channels get fuzzed without anyone writing a seed; a seed only makes
 * the near misses nearer (real ids, real tags).
 */
export function seedFor(schema: z.ZodType, handWritten?: unknown): unknown {
  if (handWritten !== undefined && schema.safeParse(handWritten).success) return handWritten
  try {
    const sampled = sampleJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
    if (schema.safeParse(sampled).success) return sampled
  } catch {
    // A schema JSON Schema cannot describe: fall through.
  }
  return {}
}

/** Values of the wrong type, or of the right type at its edges. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    -0.5,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    ' ',
    '\u0000',
    'x'.repeat(5000),
    '../../../etc/passwd',
    '00000000-0000-0000-0000-00000000000g',
    '<img src=x onerror=alert(1)>',
    [],
    [null],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { polluted: true } } }
  ),
  fc.anything({ maxDepth: 2 })
)

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key]
      out.push(path)
      paths(child, path, out)
    }
  }
  return out
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value
  const copy = clone(root) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1)
    else delete node[last]
  } else {
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true })
  }
  return copy
}

/** One mutation of a valid payload: a key dropped, replaced, or added; or the whole thing swapped. */
export function nearValid(seed: unknown): fc.Arbitrary<unknown> {
  const keyPaths = paths(seed)
  const mutations: fc.Arbitrary<unknown>[] = [
    // An extra key: every input schema is strict.
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), oddValue).map(([key, value]) =>
      seed !== null && typeof seed === 'object' && !Array.isArray(seed) ? { ...(seed as object), [key]: value } : [seed, value]
    ),
    // The payload wrapped or replaced whole.
    fc.constantFrom<unknown>([seed], null, 'payload', 42, { input: seed }),
    oddValue
  ]
  if (keyPaths.length > 0) {
    const path = fc.constantFrom(...keyPaths)
    mutations.push(
      path.map((p) => setAt(seed, p, undefined, true)),
      fc.tuple(path, oddValue).map(([p, value]) => setAt(seed, p, value))
    )
  }
  return fc.oneof(...mutations)
}

/** Payloads the schema must refuse, as the transport will deliver them. */
export function rejectedPayloads(schema: z.ZodType, seed: unknown): fc.Arbitrary<unknown> {
  return fc
    .oneof({ arbitrary: fc.anything(), weight: 1 }, { arbitrary: nearValid(seed), weight: 2 })
    .map(overTheWire)
    .filter((payload) => payload !== undefined && !schema.safeParse(payload).success)
}
