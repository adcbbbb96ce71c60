import { resolve } from 'node:path'
import { HeliokitError } from '@heliokit/core'
import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from '../cli-run.ts'
import { writeText } from '../output/write-text.ts'
import { startEmulators } from '../start-emulators.ts'

/** The tour: each step is a heliokit command line (words, or 'quoted words'); `{out}` is the output folder. */
const STEPS: readonly string[] = [
  'providers',
  'datasets --search THEMIS_ASI',
  'aurorax sources list --program trex',
  "aurorax search data-products --start 2020-02-01T00:00 --end 2020-02-01T23:59 --program trex --instrument-type 'RGB ASI'",
  'ucalgary observatories themis_asi --uid g',
  'files ucalgary THEMIS_ASI_RAW --start 2022-01-01T06:00 --end 2022-01-01T06:05 --site gill',
  'ucalgary download THEMIS_ASI_RAW --start 2022-01-01T06:00 --end 2022-01-01T06:59 --site gill --out {out}',
  'scregistry search solar wind',
  'scregistry files AIA_0094 --start 2010-01-01 --end 2012-01-01',
  'download scregistry AIA_0094 --start 2010-01-01 --end 2012-01-01 --out {out}',
  "vo sia --pos 'Cas A' --size 0.2 --verbosity 0",
  "vo datalink --pos 'Cas A' --size 0.2 --sources",
  "vo download --pos 'Cas A' --size 0.2 --source aws:us-east1 --out {out}",
]

const words = (step: string, out: string): string[] =>
  (step.match(/'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^'(.*)'$/, '$1').replace('{out}', out))

export const demoCommand: CommandSpec<CliRun> = {
  name: 'demo',
  summary: 'start the emulators on loopback and tour every provider through the real commands',
  options: [
    {
      name: 'out',
      summary: 'folder for downloaded files',
      placeholder: 'DIR',
      default: 'heliokit_demo_data',
    },
  ],
  run: async ({ api, options }) => {
    const out = resolve(api.io.cwd, options.out as string)
    const set = await startEmulators()
    const env = { ...api.io.env, ...set.env }
    try {
      await writeText(
        api.io.stdout,
        `Emulators on loopback:\n${set.emulators.map((e) => `  ${e.name.padEnd(34)} ${e.url}`).join('\n')}\n`,
      )
      for (const step of STEPS) {
        const argv = words(step, out)
        await writeText(api.io.stdout, `\n$ heliokit ${argv.map(quote).join(' ')}\n`)
        const code = await api.main(argv, env)
        if (code !== 0)
          throw new HeliokitError('INTERNAL', `demo step \`heliokit ${argv.join(' ')}\` exited with ${code}`)
      }
      await writeText(
        api.io.stdout,
        `\nDone. Files are under ${out}; \`heliokit emulators\` keeps the emulators running for your own tests.\n`,
      )
    } finally {
      await set.close()
    }
    return undefined
  },
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`
}
