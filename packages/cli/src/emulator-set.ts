/** One running emulator: what it stands in for, its URL, and the variable that points the CLI at it. */
export interface RunningEmulator {
  readonly name: string
  readonly url: string
  readonly env: string
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
    const ucalgary = await testkit.startUcalgaryEmulator()
    closers.push(() => ucalgary.close())
    emulators.push(
      { name: 'UCalgary data distribution API', url: ucalgary.apiUrl, env: 'UCALGARY_BASE_URL' },
      { name: 'UCalgary data host', url: ucalgary.dataUrl, env: '' },
    )
  } catch (error) {
    await Promise.allSettled(closers.map((close) => close()))
    throw error
  }
  const env = Object.fromEntries(emulators.filter((e) => e.env).map((e) => [e.env, e.url]))
  return {
    emulators,
    env,
    close: async () => {
      await Promise.allSettled(closers.map((close) => close()))
    },
  }
}
