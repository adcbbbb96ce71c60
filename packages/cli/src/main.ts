import { createRequire } from 'node:module'
import type { CommandSpec, ProviderCli } from '@heliokit/core/commands'
import { Command, CommanderError } from 'commander'
import { addSpec } from './add-spec.ts'
import { builtinCommands } from './builtin-commands.ts'
import type { CliRun } from './cli-run.ts'
import type { Io } from './io.ts'
import { knownProviders } from './known-providers.ts'
import type { LoadedConfig } from './load-config-files.ts'
import { scanArgv } from './scan-argv.ts'
import type { Session } from './session.ts'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

// Environment variables whose values are never printed, whatever provider reads them.
const SECRET_NAME = /KEY|SECRET|TOKEN|PASSWORD/i

/**
 * Runs one `heliokit` command line and resolves to its exit status: 0, 1 for a failure, 2 for a usage
 * error. Only the providers a command needs are imported, so `heliokit --help` loads none.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const scan = scanArgv(argv)
  let failures = 0
  let clis: ProviderCli[] = []
  let configs: LoadedConfig[] = []
  let verbose = argv.includes('--verbose') || argv.includes('-v')
  let session: Promise<Session> | undefined
  const openSession = (): Promise<Session> => {
    session ??= import('./session.ts').then((m) => m.createSession(clis, configs, io.env, io.cwd))
    return session
  }
  const report = async (error: unknown): Promise<1 | 2> => {
    const [{ errorReport }, { secretScrubber }, { resolveSettings }] = await Promise.all([
      import('./error-report.ts'),
      import('./secret-scrubber.ts'),
      import('./resolve-settings.ts'),
    ])
    const settings = clis.flatMap((c) => resolveSettings(c, configs, io.env))
    const secrets = [
      ...settings.filter((s) => s.secret).map((s) => s.value),
      ...Object.entries(io.env)
        .filter(([name]) => SECRET_NAME.test(name))
        .map(([, v]) => v),
    ]
    const envOf = (provider: string | undefined): string[] =>
      (clis.find((c) => c.id === provider)?.settings ?? []).flatMap((s) => (s.env ? [s.env] : []))
    const { lines, exitCode } = errorReport(error, { verbose, scrub: secretScrubber(secrets), envOf })
    io.stderr.write(`${lines.join('\n')}\n`)
    return exitCode
  }

  const program = new Command('heliokit')
    .description('Find, list and download space-physics and astronomy data from every heliokit provider')
    .version(version)
    .option('--json', 'print JSON')
    .option('--ndjson', 'print one JSON object per line, as results arrive')
    .option('-v, --verbose', 'print the cause chain of errors')
    .option(
      '--config <file>',
      'read settings from this file only (default ./heliokit.config.json, ~/.config/heliokit/)',
    )
    .option(
      '--plugin <package>',
      'load a provider plugin package or folder (repeatable; also HELIOKIT_PLUGINS)',
      collect,
      [],
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) =>
        write(`heliokit: USAGE ${text.replace(/^error: /, '').trim()} (see --help)\n`),
    })

  try {
    const builtin = scan.command === undefined ? undefined : builtinCommands[scan.command]
    const envPlugins = (io.env.HELIOKIT_PLUGINS ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
    if (scan.command !== undefined || scan.plugins.length > 0 || envPlugins.length > 0) {
      const { loadConfigFiles } = await import('./load-config-files.ts')
      configs = await loadConfigFiles(scan.config, io.cwd, io.env)
      const { loadKnownProvider, loadPlugin } = await import('./load-provider-cli.ts')
      const plugins = [
        ...new Set([...scan.plugins, ...envPlugins, ...configs.flatMap((c) => c.config.plugins ?? [])]),
      ]
      const known =
        builtin?.usesProviders(argv) === true
          ? Object.keys(knownProviders)
          : scan.command !== undefined && knownProviders[scan.command]
            ? [scan.command]
            : []
      clis = await Promise.all([
        ...known.map(loadKnownProvider),
        ...plugins.filter((p) => !known.includes(p)).map((p) => loadPlugin(p, io.cwd)),
      ])
    }

    const reportFailure = async (error: unknown): Promise<void> => {
      failures++
      await report(error)
    }
    const services = { session: openSession, report: reportFailure }
    const runBuiltin = async (spec: CommandSpec<CliRun>, command: Command): Promise<void> => {
      const { runSpec, outputFormat } = await import('./run-spec.ts')
      const { renderResult } = await import('./output/render-result.ts')
      const run: CliRun = {
        ...services,
        io,
        print: (result) => renderResult(result, outputFormat(command), io.stdout),
        main: (nested, env) => main(nested, { ...io, env }),
      }
      await runSpec(spec, command, run, io, services)
    }
    for (const [name, entry] of Object.entries(builtinCommands)) {
      if (name !== scan.command) program.command(name).description(entry.summary)
      else addSpec(program, withFileOptions(await entry.load(), clis, scan.words), runBuiltin)
    }
    for (const [id, known] of Object.entries(knownProviders)) {
      if (!clis.some((c) => c.id === id)) program.command(id).description(known.summary)
    }
    for (const cli of clis) {
      const group = program.command(cli.id).description(cli.summary)
      for (const spec of cli.commands) {
        addSpec(group, spec, async (chosen, command) => {
          const current = await openSession()
          const problem = current.unavailable.get(cli.id)
          if (problem) throw problem
          const { runSpec } = await import('./run-spec.ts')
          await runSpec(chosen, command, current.heliokit.provider(cli.id as never), io, services)
        })
      }
    }
    await program.parseAsync([...argv], { from: 'user' })
    verbose = program.opts().verbose === true
    return failures > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2
    }
    return report(error)
  } finally {
    if (session) await (await session).close()
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** `files` and `download` take the file options of the provider named on the command line (site, ...). */
function withFileOptions(
  spec: CommandSpec<CliRun>,
  clis: readonly ProviderCli[],
  words: readonly string[],
): CommandSpec<CliRun> {
  if (spec.name !== 'files' && spec.name !== 'download') return spec
  const extra = clis.find((c) => words.includes(c.id))?.fileOptions ?? []
  return { ...spec, options: [...(spec.options ?? []), ...extra] }
}
