import type { Progress } from '../progress.ts'
import type { DataFile } from '../records.ts'

/** How a command-line option's text is read: `time` accepts what `parseTime` accepts, `list` is comma-separated. */
export type OptionType = 'string' | 'number' | 'boolean' | 'time' | 'list'

/** A value a command receives for one option, after its text is read by `type`. */
export type OptionValue = string | number | boolean | Date | readonly string[]

export interface OptionSpec {
  /** camelCase key in `ctx.options`; the flag is its kebab-case form (`outDir` -> `--out-dir`). */
  readonly name: string
  readonly summary: string
  /** Default `string`. */
  readonly type?: OptionType
  /** One-letter alias, without the dash. */
  readonly short?: string
  readonly default?: string | number | boolean
  readonly choices?: readonly string[]
  readonly required?: boolean
  /** Placeholder shown in help, e.g. `DIR`. */
  readonly placeholder?: string
}

export interface ArgSpec {
  readonly name: string
  readonly summary: string
  /** Default true. */
  readonly required?: boolean
  /** Takes every remaining word; only the last argument may. */
  readonly variadic?: boolean
}

/** Progress a command reports; `unit` says whether a bar should count bytes or items. */
export interface CommandProgress extends Progress {
  readonly unit?: 'bytes' | 'items' | 'files'
  /** What is in progress, e.g. `searching`. */
  readonly label?: string
}

/** What a command's `run` receives: its parsed input, the provider's API, and the run's signal and progress. */
export interface CommandContext<Api = unknown> {
  /** The registered provider's own API, as `hk.provider(id)` returns it. */
  readonly api: Api
  readonly args: Readonly<Record<string, string | readonly string[] | undefined>>
  readonly options: Readonly<Record<string, OptionValue | undefined>>
  readonly signal: AbortSignal
  /** Drawn as a progress bar on a terminal, quiet otherwise. */
  readonly onProgress: (progress: CommandProgress) => void
  /** A JSON file's value (`--from-json query.json`); INVALID_INPUT naming the file when it is not JSON. */
  readJson(path: string): Promise<unknown>
  /** Records of a `.json` (array), `.ndjson` or `.csv` file (header row; cells as text), for uploads. */
  readRecords(path: string): Promise<Record<string, unknown>[]>
  /**
   * Downloads files as `heliokit download` does (its transports, settings, progress bar, one error line
   * per failed file); resolves to the summary record to return. Node only.
   */
  download(files: Iterable<DataFile> | AsyncIterable<DataFile>, options: DownloadSpec): Promise<Row>
}

export interface DownloadSpec {
  readonly outDir: string
  /** Files at once. Default 8 (or the config file's). */
  readonly concurrency?: number
  /** Download files again even when present with the right size. */
  readonly overwrite?: boolean
}

/** One output row or record: any plain object (interfaces included); tables read its own keys. */
export type Row = object

/**
 * What a command returns: rows (streamed when async; a table on a terminal, `--json`/`--ndjson` for
 * scripts), one record, raw bytes for stdout, or nothing.
 */
export type CommandResult =
  | {
      readonly kind: 'rows'
      readonly rows: Iterable<Row> | AsyncIterable<Row>
      readonly columns?: readonly string[]
    }
  | { readonly kind: 'record'; readonly record: Row }
  | { readonly kind: 'bytes'; readonly body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> }
  | undefined

/** A command, or a group of commands when it has `commands` and no `run`. Framework-free: the CLI maps it. */
export interface CommandSpec<Api = unknown> {
  /** One word, kebab-case. */
  readonly name: string
  readonly summary: string
  readonly args?: readonly ArgSpec[]
  readonly options?: readonly OptionSpec[]
  readonly commands?: readonly CommandSpec<Api>[]
  run?(ctx: CommandContext<Api>): CommandResult | Promise<CommandResult>
}
