import type { Heliokit, Provider } from '@heliokit/core'
import type { ProviderCli } from '@heliokit/core/commands'
import { createHttpTransport } from '@heliokit/transport-http'
import type { LoadedConfig } from './load-config-files.ts'
import { resolveSettings, type SettingSource, settingsOf } from './resolve-settings.ts'
import { s3Transport } from './s3-transport.ts'

/** What one run of the command works with: the loaded provider CLIs, their settings and one client. */
export interface Session {
  readonly clis: readonly ProviderCli[]
  readonly configs: readonly LoadedConfig[]
  readonly settings: readonly SettingSource[]
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  /** Providers that could not be built from their settings, with why. */
  readonly unavailable: ReadonlyMap<string, unknown>
  readonly heliokit: Heliokit<Provider>
  cli(id: string): ProviderCli | undefined
  close(): Promise<void>
}

export async function createSession(
  clis: readonly ProviderCli[],
  configs: readonly LoadedConfig[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Session> {
  const { createHeliokit } = await import('@heliokit/core')
  const heliokit = createHeliokit({
    transports: [createHttpTransport(), s3Transport(env)],
  }) as Heliokit<Provider>
  const settings: SettingSource[] = []
  const unavailable = new Map<string, unknown>()
  for (const cli of clis) {
    const own = resolveSettings(cli, configs, env)
    settings.push(...own)
    try {
      heliokit.use(cli.create(settingsOf(own)))
    } catch (error) {
      unavailable.set(cli.id, error)
    }
  }
  return {
    clis,
    configs,
    settings,
    env,
    cwd,
    unavailable,
    heliokit,
    cli: (id) => clis.find((c) => c.id === id),
    close: () => heliokit.close(),
  }
}
