import type { Heliokit, Provider } from '@heliokit/core'
import type { ProviderCli } from '@heliokit/core/commands'
import { createHttpTransport } from '@heliokit/transport-http'
import type { S3ClientOptions } from '@heliokit/transport-s3'
import type { LoadedConfig } from './config-file.ts'
import { lazyTransport } from './lazy-transport.ts'
import { resolveSettings, type SettingSource, settingsOf } from './provider-settings.ts'

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
  const s3 = lazyTransport('s3', ['s3:'], async () =>
    (await import('@heliokit/transport-s3')).createS3Transport(s3Options(env)),
  )
  const heliokit = createHeliokit({ transports: [createHttpTransport(), s3] }) as Heliokit<Provider>
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

/** An S3-compatible endpoint and region from the standard AWS variables; anonymous unless keys are set. */
function s3Options(env: NodeJS.ProcessEnv): S3ClientOptions {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env
  const credentials =
    accessKeyId && secretAccessKey
      ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined }
      : undefined
  return { endpoint, region, credentials }
}
