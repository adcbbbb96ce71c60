// The UCalgary emulator in its own process for the benchmark; prints its API URL on stdout.
import { startUcalgaryEmulator } from '@heliokit/testkit'

const emulator = await startUcalgaryEmulator()
console.log(emulator.apiUrl)
process.on('SIGTERM', () => emulator.close().then(() => process.exit(0)))
