/** One running emulator: what it stands in for, its URL, and the variable that points the CLI at it. */
export interface RunningEmulator {
  readonly name: string
  readonly url: string
  /** Environment variable to set (empty when none is needed), and its value when not the URL. */
  readonly env: string
  readonly value?: string
}

export interface EmulatorSet {
  readonly emulators: readonly RunningEmulator[]
  /** Variables that point every provider at the emulators. */
  readonly env: Readonly<Record<string, string>>
  close(): Promise<void>
}

/** Starts every service emulator of @heliokit/testkit on loopback. */
export async function startEmulators(): Promise<EmulatorSet> {
  const testkit = await import('@heliokit/testkit')
  const closers: (() => Promise<void>)[] = []
  const emulators: RunningEmulator[] = []
  try {
    const [ucalgary, network] = await Promise.all([
      testkit.startUcalgaryEmulator(),
      testkit.startScregistryNetwork(),
    ])
    closers.push(
      () => ucalgary.close(),
      () => network.close(),
    )
    emulators.push(
      { name: 'UCalgary data distribution API', url: ucalgary.apiUrl, env: 'UCALGARY_BASE_URL' },
      { name: 'UCalgary data host', url: ucalgary.dataUrl, env: '' },
      { name: 'HelioCloud buckets (s3rver)', url: network.endpoint, env: 'AWS_ENDPOINT_URL_S3' },
      { name: 'HelioCloud registry', url: network.registryUrl, env: 'ROOT_CATALOG_REGISTRY_URL' },
    )
  } catch (error) {
    await Promise.allSettled(closers.map((close) => close()))
    throw error
  }
  const env: Record<string, string> = { AWS_REGION: 'us-east-1' }
  for (const e of emulators) if (e.env) env[e.env] = e.value ?? e.url
  return {
    emulators,
    env,
    close: async () => {
      await Promise.allSettled(closers.map((close) => close()))
    },
  }
}
