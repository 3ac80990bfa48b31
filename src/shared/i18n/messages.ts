import en from './catalogs/en'

/**
 * English is the source catalog: its keys are the keys of every locale, and the type of every
 * key the code may ask for, so a misspelt key fails the typecheck.
 */
export const SOURCE_CATALOGS = en
export type Catalogs = typeof en
export type Namespace = keyof Catalogs
export const NAMESPACES = Object.keys(en) as Namespace[]

/** `namespace:key`, e.g. `settings:theme.legend`. Keys are flat: dots are part of the name. */
export type MessageKey = { [N in Namespace]: `${N}:${Extract<keyof Catalogs[N], string>}` }[Namespace]

/** Values for an ICU message's arguments: `{count, plural, …}`, `{when, date, medium}`, `{name}`. */
export type MessageValues = Readonly<Record<string, string | number | Date>>

export type Translate = (key: MessageKey, values?: MessageValues) => string

/** A catalog as loaded: one flat record of messages per namespace. */
export type LocaleCatalogs = Readonly<Record<Namespace, Readonly<Record<string, string>>>>
