import type { z } from 'zod'
import { CHANNEL_NAMES, type ChannelName } from '../channel-names'
import { achContract } from './ach'
import { appContract } from './app'
import { articlesContract } from './articles'
import { backupContract } from './backup'
import { briefContract } from './brief'
import { captureContract } from './capture'
import { casesContract } from './cases'
import { entitiesContract } from './entities'
import { BytesOutput, type ChannelSpec } from './common'
import { exportContract } from './export'
import { highlightsContract } from './highlights'
import { importContract } from './import'
import { labelsContract } from './labels'
import { libraryContract } from './library'
import { notesContract } from './notes'
import { searchContract } from './search'
import { settingsContract } from './settings'
import { trashContract } from './trash'

export { AppEvent } from './events'

/**
 * The one contract between renderer and main, assembled from one part per domain. Every channel
 * maps to the schema its input must pass and the schema its output promises. Main validates both;
 * the preload exposes only these names; the renderer's client is typed from it.
 *
 * A new domain adds its file here and its names to channel-names.ts; the checks below refuse to
 * compile when the two lists drift or two parts declare the same channel.
 */
const parts = [
  appContract,
  libraryContract,
  articlesContract,
  importContract,
  highlightsContract,
  labelsContract,
  notesContract,
  settingsContract,
  exportContract,
  searchContract,
  trashContract,
  backupContract,
  casesContract,
  entitiesContract,
  captureContract,
  achContract,
  briefContract
] as const

type Parts = typeof parts
type Merge<P extends readonly unknown[]> = P extends readonly [infer Head, ...infer Tail] ? Head & Merge<Tail> : unknown
type KeysOf<P extends readonly unknown[]> = P extends readonly [infer Head, ...infer Tail] ? [keyof Head, ...KeysOf<Tail>] : []
/** The channels declared by more than one part (never, when every name is unique). */
type Overlaps<K extends readonly unknown[]> = K extends readonly [infer Head, ...infer Tail]
  ? (Head & Tail[number]) | Overlaps<Tail>
  : never

export const contract = Object.assign({}, ...parts) as { [C in keyof Merge<Parts>]: Merge<Parts>[C] }
void (contract satisfies Record<ChannelName, ChannelSpec>)

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller may pass: defaults may be left out. */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives after validation: defaults filled in. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

/** Every transport (Electron IPC, loopback HTTP, in-process) implements this one signature. */
export type CallFn = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>
export type Handlers = { [C in Channel]: Handler<C> }
/** The handlers of one domain's part of the contract, e.g. `HandlersFor<typeof trashContract>`. */
export type HandlersFor<Part> = { [C in keyof Part & Channel]: Handler<C> }

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name)
}

/** A channel whose answer is bytes alone (BytesOutput): transports that cannot clone send them as a body of their own. */
export function answersBytes(channel: Channel): boolean {
  return contract[channel].output === BytesOutput
}

// The zod-free list and the contract must name the same channels, and no two parts the same one;
// each line fails to compile when that stops being true.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const channelListsAgree: Same<Channel, ChannelName> = true
const partsAreDisjoint: Same<Overlaps<KeysOf<Parts>>, never> = true
void channelListsAgree
void partsAreDisjoint
