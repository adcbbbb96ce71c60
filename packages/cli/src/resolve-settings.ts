import type { ProviderCli, Settings } from '@heliokit/core/commands'
import type { LoadedConfig } from './load-config-files.ts'

/** A resolved setting and where it came from, for `heliokit config`. */
export interface SettingSource {
  readonly provider: string
  readonly name: string
  readonly value: string | undefined
  /** `env NAME`, a config file path, or `default`. */
  readonly from: string
  readonly secret: boolean
}

/** Each setting of a provider: its environment variable, then config files in order, else unset. */
export function resolveSettings(
  cli: ProviderCli,
  configs: readonly LoadedConfig[],
  env: NodeJS.ProcessEnv,
): SettingSource[] {
  return (cli.settings ?? []).map((spec) => {
    const base = { provider: cli.id, name: spec.name, secret: spec.secret === true }
    const fromEnv = spec.env ? env[spec.env] : undefined
    if (spec.env && fromEnv !== undefined && fromEnv !== '')
      return { ...base, value: fromEnv, from: `env ${spec.env}` }
    for (const { path, config } of configs) {
      const value = config.providers?.[cli.id]?.[spec.name]
      if (value !== undefined) return { ...base, value, from: path }
    }
    return { ...base, value: undefined, from: 'default' }
  })
}

export function settingsOf(sources: readonly SettingSource[]): Settings {
  return Object.fromEntries(sources.map((s) => [s.name, s.value]))
}
