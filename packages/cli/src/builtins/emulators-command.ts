import { once } from 'node:events'
import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'
import { writeText } from '../output/write-text.ts'
import { startEmulators } from '../start-emulators.ts'

export const emulatorsCommand: CommandSpec<CliRun> = {
  name: 'emulators',
  summary: 'start every service emulator on loopback and keep them running until Ctrl-C, for your own tests',
  run: async ({ api, signal }) => {
    const set = await startEmulators()
    try {
      await api.print({ kind: 'rows', columns: ['name', 'url', 'env'], rows: set.emulators })
      if (api.io.stdout.isTTY) {
        const exports = Object.entries(set.env).map(([k, v]) => `export ${k}=${v}`)
        await writeText(
          api.io.stderr,
          `\nPoint heliokit at them:\n${exports.join('\n')}\n\nCtrl-C stops them.\n`,
        )
      }
      if (!signal.aborted) await once(signal, 'abort')
    } finally {
      await set.close()
    }
    return undefined
  },
}
