import type { Provider } from '../provider.ts'
import type { CommandSpec, OptionSpec } from './command-spec.ts'

/** A setting a provider reads from the config file (`providers.<id>.<name>`) or the environment. */
export interface SettingSpec {
  readonly name: string
  readonly summary: string
  /** Environment variable that overrides the config file. */
  readonly env?: string
  /** Never printed: shown as `***` and scrubbed from error lines. */
  readonly secret?: boolean
}

export type Settings = Readonly<Record<string, string | undefined>>

/**
 * What a provider package exports from its `./cli` subpath (as `cli`) so the `heliokit` command can
 * build the provider from settings and offer its commands; third-party packages do the same.
 */
export interface ProviderCli<Api = unknown> {
  /** The provider's id, also the command group: `heliokit <id> <command>`. */
  readonly id: string
  readonly summary: string
  readonly settings?: readonly SettingSpec[]
  /** Extra file-query options for `heliokit files <id>` and `heliokit download <id>` (site, device, ...). */
  readonly fileOptions?: readonly OptionSpec[]
  /** Builds the provider from its resolved settings. */
  create(settings: Settings): Provider<string, Api>
  readonly commands: readonly CommandSpec<Api>[]
}

/** Types `ctx.api` in every command from the provider `create` returns. */
export function defineProviderCli<Api>(cli: ProviderCli<Api>): ProviderCli<Api> {
  return cli
}
