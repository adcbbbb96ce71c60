import type { CommandSpec } from '@heliokit/core/commands'
import type { CliRun } from './cli-run.ts'

/** A built-in command: its summary for the top-level help, and its spec, imported only when chosen. */
export interface BuiltinCommand {
  readonly summary: string
  /** Whether it works on the providers (so every known provider is loaded first), given the command line. */
  usesProviders(argv: readonly string[]): boolean
  load(): Promise<CommandSpec<CliRun>>
}

export const builtinCommands: Readonly<Record<string, BuiltinCommand>> = {
  providers: {
    summary: 'providers available, their capabilities and commands',
    usesProviders: () => true,
    load: async () => (await import('./builtins/providers-command.ts')).providersCommand,
  },
  datasets: {
    summary: 'datasets across every provider',
    usesProviders: () => true,
    load: async () => (await import('./builtins/datasets-command.ts')).datasetsCommand,
  },
  files: {
    summary: 'files of a dataset over a time range from any provider (--ndjson makes a manifest)',
    usesProviders: () => true,
    load: async () => (await import('./builtins/files-command.ts')).filesCommand,
  },
  download: {
    summary: 'download a dataset time range, or a manifest, into a folder (--shard i/N splits the work)',
    usesProviders: (argv) => !argv.some((a) => a === '--manifest' || a.startsWith('--manifest=')),
    load: async () => (await import('./builtins/download-command.ts')).downloadCommand,
  },
  config: {
    summary: 'the settings in effect and where each comes from',
    usesProviders: () => true,
    load: async () => (await import('./builtins/config-command.ts')).configCommand,
  },
  demo: {
    summary: 'start the emulators and tour every provider through the real commands',
    usesProviders: () => false,
    load: async () => (await import('./builtins/demo-command.ts')).demoCommand,
  },
  emulators: {
    summary: 'keep every service emulator running on loopback and print their URLs',
    usesProviders: () => false,
    load: async () => (await import('./builtins/emulators-command.ts')).emulatorsCommand,
  },
}
