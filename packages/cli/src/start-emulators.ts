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
    const [aurorax, ucalgary, network, vo] = await Promise.all([
      testkit.startAuroraxEmulator(),
      testkit.startUcalgaryEmulator(),
      testkit.startScregistryNetwork(),
      testkit.startVoEmulator(),
    ])
    closers.push(
      () => aurorax.close(),
      () => ucalgary.close(),
      () => network.close(),
      () => vo.close(),
    )
    emulators.push(
      { name: 'AuroraX search API', url: aurorax.url, env: 'AURORAX_BASE_URL' },
      { name: 'UCalgary data distribution API', url: ucalgary.apiUrl, env: 'UCALGARY_BASE_URL' },
      { name: 'UCalgary data host', url: ucalgary.dataUrl, env: '' },
      { name: 'HelioCloud buckets (s3rver)', url: network.endpoint, env: 'AWS_ENDPOINT_URL_S3' },
      { name: 'HelioCloud registry', url: network.registryUrl, env: 'ROOT_CATALOG_REGISTRY_URL' },
      { name: 'VO SIA v1 (HEASARC chanmaster)', url: vo.siaUrl, env: 'VO_SIA_URL' },
      { name: 'VO SIA v2', url: vo.sia2Url, env: 'VO_SIA2_URL' },
      { name: 'VO Sesame name resolver', url: vo.sesameUrl, env: 'VO_SESAME_URL' },
      {
        name: 'VO cloud bucket nasa-heasarc (s3rver)',
        url: vo.s3.endpoint,
        env: 'HELIOKIT_S3_ENDPOINTS',
        value: `nasa-heasarc=${vo.s3.endpoint}`,
      },
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
