import type { TimeInput } from '@heliokit/core'
import {
  type CommandContext,
  type CommandProgress,
  type CommandSpec,
  defineProviderCli,
  type OptionSpec,
  type ProviderCli,
} from '@heliokit/core/commands'
import { aurorax } from './aurorax.ts'
import type { AuroraxApi, AuroraxSearches } from './aurorax-api.ts'
import { dataProductInputs, ephemerisInputs } from './cli-upload-records.ts'
import type { AuroraxDataSourceInput } from './data-source-input.ts'
import type { AuroraxSourceFilter } from './data-sources.ts'
import type { AuroraxSourceType } from './records.ts'
import type { AuroraxSearchEvent } from './search.ts'

type Ctx = CommandContext<AuroraxApi>
type Kind = 'ephemeris' | 'data-products' | 'conjunctions'

const opt = <T>(ctx: Ctx, name: string): T | undefined => ctx.options[name] as T | undefined
const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))

const range: readonly OptionSpec[] = [
  { name: 'start', summary: 'start, UTC (inclusive)', type: 'time' },
  { name: 'end', summary: 'end, UTC (inclusive)', type: 'time' },
]
const sourceNames: readonly OptionSpec[] = [
  { name: 'program', summary: 'programs (comma-separated)', type: 'list' },
  { name: 'platform', summary: 'platforms (comma-separated)', type: 'list' },
  { name: 'instrumentType', summary: 'instrument types (comma-separated)', type: 'list' },
]
const fromJson: OptionSpec = {
  name: 'fromJson',
  summary: 'the query as JSON (the fields of the typed query); options given here override it',
  placeholder: 'FILE',
}
const queryOptions: Readonly<Record<Kind, readonly OptionSpec[]>> = {
  ephemeris: [...range, ...sourceNames, fromJson],
  'data-products': [
    ...range,
    ...sourceNames,
    {
      name: 'dataProductType',
      summary: 'keogram, montage, movie, summary_plot, ... (comma-separated)',
      type: 'list',
    },
    fromJson,
  ],
  conjunctions: [
    ...range,
    { name: 'ground', summary: 'ground platforms of one ground block (comma-separated)', type: 'list' },
    { name: 'space', summary: 'space platforms of one space block (comma-separated)', type: 'list' },
    { name: 'distance', summary: 'max distance between blocks, km', type: 'number' },
    { name: 'conjunctionType', summary: 'nbtrace, sbtrace, geographic (comma-separated)', type: 'list' },
    fromJson,
  ],
}
const columns: Readonly<Record<Kind, readonly string[]>> = {
  ephemeris: ['dataSource.platform', 'dataSource.instrumentType', 'epoch', 'nbtrace.lat', 'nbtrace.lon'],
  'data-products': [
    'dataSource.platform',
    'dataSource.instrumentType',
    'dataProductType',
    'start',
    'end',
    'url',
  ],
  conjunctions: ['conjunctionType', 'start', 'end', 'minDistance', 'maxDistance'],
}

function searches(api: AuroraxApi, kind: Kind): AuroraxSearches<never, unknown> {
  const by = { ephemeris: api.ephemeris, 'data-products': api.dataProducts, conjunctions: api.conjunctions }
  return by[kind] as unknown as AuroraxSearches<never, unknown>
}

/** The typed query from `--from-json` and the options, options winning. */
async function queryOf(ctx: Ctx, kind: Kind): Promise<never> {
  const path = opt<string>(ctx, 'fromJson')
  const base = path === undefined ? {} : ((await ctx.readJson(path)) as Record<string, unknown>)
  const common = { start: opt<Date>(ctx, 'start'), end: opt<Date>(ctx, 'end') }
  if (kind === 'conjunctions') {
    const ground = opt<string[]>(ctx, 'ground')
    const space = opt<string[]>(ctx, 'space')
    return {
      ...base,
      ...defined({
        ...common,
        ground: ground && [{ platforms: ground }],
        space: space && [{ platforms: space }],
        distance: opt<number>(ctx, 'distance'),
        conjunctionTypes: opt<string[]>(ctx, 'conjunctionType'),
      }),
    } as never
  }
  return {
    ...base,
    ...defined({
      ...common,
      programs: opt(ctx, 'program'),
      platforms: opt(ctx, 'platform'),
      instrumentTypes: opt(ctx, 'instrumentType'),
      dataProductTypes: opt(ctx, 'dataProductType'),
    }),
  } as never
}

/** A search's story as progress: submitted, polls while the server works, records retrieved. */
function searchProgress(ctx: Ctx): (event: AuroraxSearchEvent) => void {
  return (event) => {
    const p: CommandProgress =
      event.stage === 'retrieved'
        ? { label: 'retrieved', transferredBytes: event.bytes, completedItems: event.records, unit: 'items' }
        : event.stage === 'available'
          ? { label: 'fetching', transferredBytes: 0, totalBytes: event.fileSize ?? undefined, unit: 'items' }
          : {
              label: 'searching',
              transferredBytes: 0,
              completedItems: event.stage === 'waiting' ? event.polls : 0,
              unit: 'items',
            }
    ctx.onProgress(p)
  }
}

const perKind = (
  make: (kind: Kind) => CommandSpec<AuroraxApi>,
  kinds: readonly Kind[],
): CommandSpec<AuroraxApi>[] => kinds.map(make)

const sourceFields: readonly OptionSpec[] = [
  { name: 'program', summary: 'program name' },
  { name: 'platform', summary: 'platform name' },
  { name: 'instrumentType', summary: 'instrument type' },
  { name: 'sourceType', summary: 'ground, leo, heo, lunar, event_list, not_applicable' },
  { name: 'displayName', summary: 'display name' },
  { name: 'owner', summary: 'owner e-mail' },
  {
    name: 'fromJson',
    summary: 'the source as JSON (AuroraxDataSourceInput); options override it',
    placeholder: 'FILE',
  },
]

async function sourceInput(ctx: Ctx): Promise<AuroraxDataSourceInput> {
  const path = opt<string>(ctx, 'fromJson')
  const base = path === undefined ? {} : ((await ctx.readJson(path)) as AuroraxDataSourceInput)
  const fields = ['program', 'platform', 'instrumentType', 'sourceType', 'displayName', 'owner']
  return { ...base, ...defined(Object.fromEntries(fields.map((f) => [f, ctx.options[f]]))) }
}

const identifierArg = { name: 'identifier', summary: 'data source identifier' }
const identifierOf = (ctx: Ctx): number => Number(ctx.args.identifier)
const sourceColumns = ['identifier', 'program', 'platform', 'instrumentType', 'sourceType', 'displayName']
const time = (ctx: Ctx, name: string): TimeInput => ctx.options[name] as Date

const sources: CommandSpec<AuroraxApi> = {
  name: 'sources',
  summary: 'data sources: list, get, add, update, delete',
  commands: [
    {
      name: 'list',
      summary: 'data sources matching every filter given',
      options: [
        { name: 'program', summary: 'program' },
        { name: 'platform', summary: 'platform' },
        { name: 'instrumentType', summary: 'instrument type' },
        { name: 'sourceType', summary: 'ground, leo, heo, lunar, event_list, not_applicable' },
        { name: 'owner', summary: 'owner e-mail' },
        { name: 'stats', summary: 'include record counts and loaded ranges', type: 'boolean' },
      ],
      run: async (ctx) => {
        const filter: AuroraxSourceFilter = {
          program: opt(ctx, 'program'),
          platform: opt(ctx, 'platform'),
          instrumentType: opt(ctx, 'instrumentType'),
          sourceType: opt<AuroraxSourceType>(ctx, 'sourceType'),
          owner: opt(ctx, 'owner'),
          includeStats: opt<boolean>(ctx, 'stats'),
          signal: ctx.signal,
        }
        return { kind: 'rows', columns: sourceColumns, rows: await ctx.api.sources.list(filter) }
      },
    },
    {
      name: 'get',
      summary: 'one data source',
      args: [identifierArg],
      run: async (ctx) => ({
        kind: 'record',
        record: await ctx.api.sources.get(identifierOf(ctx), { signal: ctx.signal }),
      }),
    },
    {
      name: 'add',
      summary: 'create a data source (needs an API key)',
      options: sourceFields,
      run: async (ctx) => ({
        kind: 'record',
        record: await ctx.api.sources.add(await sourceInput(ctx), { signal: ctx.signal }),
      }),
    },
    {
      name: 'update',
      summary: 'change the fields given of a data source (needs an API key)',
      args: [identifierArg],
      options: sourceFields,
      run: async (ctx) => ({
        kind: 'record',
        record: await ctx.api.sources.update(identifierOf(ctx), await sourceInput(ctx), {
          signal: ctx.signal,
        }),
      }),
    },
    {
      name: 'delete',
      summary: 'delete a data source without records (administrators)',
      args: [identifierArg],
      run: async (ctx) => {
        await ctx.api.sources.delete(identifierOf(ctx), { signal: ctx.signal })
        return { kind: 'record', record: { deleted: identifierOf(ctx) } }
      },
    },
  ],
}

const search: CommandSpec<AuroraxApi> = {
  name: 'search',
  summary: 'search ephemeris, data products or conjunctions, with live progress',
  commands: perKind(
    (kind) => ({
      name: kind,
      summary: `${kind} search`,
      options: [
        ...queryOptions[kind],
        { name: 'timeout', summary: 'seconds to wait for the result', type: 'number' },
      ],
      run: async (ctx) => {
        const timeout = opt<number>(ctx, 'timeout')
        const result = await searches(ctx.api, kind).run(await queryOf(ctx, kind), {
          signal: ctx.signal,
          timeout: timeout === undefined ? undefined : timeout * 1000,
          onProgress: searchProgress(ctx),
        })
        return { kind: 'rows', columns: columns[kind], rows: result.records as object[] }
      },
    }),
    ['ephemeris', 'data-products', 'conjunctions'],
  ),
}

const describe: CommandSpec<AuroraxApi> = {
  name: 'describe',
  summary: "the API's SQL-like description of a search",
  commands: perKind(
    (kind) => ({
      name: kind,
      summary: `describe a ${kind} search`,
      options: queryOptions[kind],
      run: async (ctx) => ({
        kind: 'record',
        record: {
          description: await searches(ctx.api, kind).describe(await queryOf(ctx, kind), {
            signal: ctx.signal,
          }),
        },
      }),
    }),
    ['ephemeris', 'data-products', 'conjunctions'],
  ),
}

const availability: CommandSpec<AuroraxApi> = {
  name: 'availability',
  summary: 'records per UTC day per data source',
  commands: perKind(
    (kind) => ({
      name: kind,
      summary: `${kind} records per day`,
      options: [
        { ...range[0]!, required: true },
        { ...range[1]!, required: true },
        { name: 'program', summary: 'program' },
        { name: 'platform', summary: 'platform' },
        { name: 'instrumentType', summary: 'instrument type' },
      ],
      run: async (ctx) => {
        const api = kind === 'ephemeris' ? ctx.api.ephemeris : ctx.api.dataProducts
        const found = await api.availability(time(ctx, 'start'), time(ctx, 'end'), {
          program: opt(ctx, 'program'),
          platform: opt(ctx, 'platform'),
          instrumentType: opt(ctx, 'instrumentType'),
          signal: ctx.signal,
        })
        const rows = found.flatMap(({ dataSource: s, days }) =>
          Object.entries(days).map(([day, records]) => ({
            identifier: s.identifier,
            platform: s.platform,
            instrumentType: s.instrumentType,
            day,
            records,
          })),
        )
        return { kind: 'rows', rows }
      },
    }),
    ['ephemeris', 'data-products'],
  ),
}

const upload: CommandSpec<AuroraxApi> = {
  name: 'upload',
  summary: 'upload ephemeris or data product records from a JSON, NDJSON or CSV file (needs an API key)',
  commands: perKind(
    (kind) => ({
      name: kind,
      summary: `upload ${kind} records to a data source`,
      args: [identifierArg, { name: 'file', summary: '.json (array), .ndjson or .csv' }],
      options: [{ name: 'chunkSize', summary: 'records per request', type: 'number' }],
      run: async (ctx) => {
        const identifier = identifierOf(ctx)
        const [rows, source] = await Promise.all([
          ctx.readRecords(ctx.args.file as string),
          ctx.api.sources.get(identifier, { format: 'basic_info', signal: ctx.signal }),
        ])
        const options = {
          chunkSize: opt<number>(ctx, 'chunkSize'),
          signal: ctx.signal,
          onProgress: (p: CommandProgress) => ctx.onProgress({ ...p, unit: 'items', label: 'uploading' }),
        }
        const result =
          kind === 'ephemeris'
            ? await ctx.api.ephemeris.upload(identifier, ephemerisInputs(rows, source), options)
            : await ctx.api.dataProducts.upload(identifier, dataProductInputs(rows, source), options)
        return { kind: 'record', record: { identifier, ...result } }
      },
    }),
    ['ephemeris', 'data-products'],
  ),
}

const remove: CommandSpec<AuroraxApi> = {
  name: 'delete',
  summary: "delete a data source's ephemeris or data products (administrators)",
  commands: [
    {
      name: 'ephemeris',
      summary: 'delete ephemeris from --start to --end, both inclusive',
      args: [identifierArg],
      options: [
        { ...range[0]!, required: true },
        { ...range[1]!, required: true },
      ],
      run: async (ctx) => {
        await ctx.api.ephemeris.delete(identifierOf(ctx), time(ctx, 'start'), time(ctx, 'end'), {
          signal: ctx.signal,
        })
        return { kind: 'record', record: { identifier: identifierOf(ctx), deleted: 'ephemeris' } }
      },
    },
    {
      name: 'data-products',
      summary: 'delete data products by --url, or found from --start to --end',
      args: [identifierArg],
      options: [...range, { name: 'url', summary: 'URLs to delete (comma-separated)', type: 'list' }],
      run: async (ctx) => {
        const urls = opt<string[]>(ctx, 'url')
        if (urls) {
          await ctx.api.dataProducts.deleteUrls(identifierOf(ctx), urls, { signal: ctx.signal })
          return { kind: 'record', record: { identifier: identifierOf(ctx), deleted: urls.length } }
        }
        const deleted = await ctx.api.dataProducts.delete(
          identifierOf(ctx),
          time(ctx, 'start'),
          time(ctx, 'end'),
          {
            signal: ctx.signal,
            onProgress: searchProgress(ctx),
          },
        )
        return { kind: 'record', record: { identifier: identifierOf(ctx), deleted } }
      },
    },
  ],
}

/** `heliokit aurorax ...`: sources, searches with progress, describe, availability, upload and delete. */
export const cli: ProviderCli<AuroraxApi> = defineProviderCli<AuroraxApi>({
  id: 'aurorax',
  summary: 'AuroraX search engine: data sources, ephemeris, data products, conjunctions',
  settings: [
    {
      name: 'apiKey',
      summary: 'API key, for uploads, deletes and source changes',
      env: 'AURORAX_API_KEY',
      secret: true,
    },
    { name: 'baseUrl', summary: 'API host', env: 'AURORAX_BASE_URL' },
  ],
  create: (settings) => aurorax({ apiKey: settings.apiKey, baseUrl: settings.baseUrl }),
  commands: [sources, search, describe, availability, upload, remove],
})
