import { InvalidInputError } from '@heliokit/core'
import {
  type CommandContext,
  defineProviderCli,
  type OptionSpec,
  type ProviderCli,
} from '@heliokit/core/commands'
import type { PositionInput } from './position.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { SiaResults } from './sia-results.ts'
import { vo } from './vo.ts'
import type { VoApi } from './vo-api.ts'

type Ctx = CommandContext<VoApi>

const region: readonly OptionSpec[] = [
  { name: 'pos', summary: 'centre: "ra,dec" in ICRS degrees, or an object name', required: true },
  { name: 'size', summary: 'size in degrees: one value, or "ra,dec" widths', required: true },
  { name: 'url', summary: 'SIA v1 service URL (default the siaUrl setting)' },
]
const rowsOption: OptionSpec = {
  name: 'row',
  summary: 'result rows, from 0 (comma-separated; default all)',
  type: 'list',
}
const sourceOption: OptionSpec = {
  name: 'source',
  summary: 'DataLink `source` (cloud access); see `vo datalink --sources`',
}

function position(text: string): PositionInput {
  const parts = text.split(',').map((p) => p.trim())
  if (parts.length === 2 && parts.every((p) => p !== '' && Number.isFinite(Number(p)))) {
    return { ra: Number(parts[0]), dec: Number(parts[1]) }
  }
  return text
}

function size(text: string): number | [number, number] {
  const parts = text.split(',').map(Number)
  if (parts.length > 2 || parts.some((n) => !Number.isFinite(n))) {
    throw new InvalidInputError(
      `--size must be degrees, one value or "ra,dec", got ${JSON.stringify(text)}`,
      {
        provider: PROVIDER_ID,
      },
    )
  }
  return parts.length === 2 ? [parts[0]!, parts[1]!] : parts[0]!
}

function sia(
  ctx: Ctx,
  extra: { format?: string; intersect?: string; verbosity?: number } = {},
): Promise<SiaResults> {
  const query = {
    pos: position(ctx.options.pos as string),
    size: size(ctx.options.size as string),
    ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  }
  return ctx.api.sia(query as never, { url: ctx.options.url as string | undefined, signal: ctx.signal })
}

function rowsOf(ctx: Ctx, results: SiaResults): number[] | undefined {
  const rows = (ctx.options.row as string[] | undefined)?.map(Number)
  if (rows?.some((r) => !Number.isInteger(r) || r < 0 || r >= results.table.rowCount)) {
    throw new InvalidInputError(`--row must be row numbers from 0 to ${results.table.rowCount - 1}`, {
      provider: PROVIDER_ID,
    })
  }
  return rows
}

/** `heliokit vo ...`: name resolution, SIA, DataLink with cloud-access sources, and downloads. */
export const cli: ProviderCli<VoApi> = defineProviderCli<VoApi>({
  id: 'vo',
  summary: 'IVOA services: SIA, DataLink (with cloud access), VOTable',
  settings: [
    { name: 'siaUrl', summary: 'SIA v1 service URL', env: 'VO_SIA_URL' },
    { name: 'sia2Url', summary: 'SIA v2 query URL (for `files`)', env: 'VO_SIA2_URL' },
    { name: 'sesameUrl', summary: 'CDS Sesame base URL', env: 'VO_SESAME_URL' },
  ],
  fileOptions: [
    { name: 'maxrec', summary: 'most SIA v2 rows', type: 'number' },
    { name: 'datalink', summary: "list each row's DataLink #this links", type: 'boolean' },
    sourceOption,
    { name: 'preferCloud', summary: "use the rows' cloud_access (s3://) when present", type: 'boolean' },
  ],
  create: (settings) =>
    vo({ siaUrl: settings.siaUrl, sia2Url: settings.sia2Url, sesameUrl: settings.sesameUrl }),
  commands: [
    {
      name: 'resolve',
      summary: 'an object name to ICRS degrees (CDS Sesame)',
      args: [{ name: 'name', summary: 'object name, e.g. "Cas A"' }],
      run: async (ctx) => ({
        kind: 'record',
        record: await ctx.api.resolve(ctx.args.name as string, { signal: ctx.signal }),
      }),
    },
    {
      name: 'sia',
      summary: 'SIA v1 image search around a position',
      options: [
        ...region,
        { name: 'format', summary: 'MIME type, or all, graphic, metadata' },
        { name: 'intersect', summary: 'covers, enclosed, center, overlaps' },
        { name: 'verbosity', summary: 'VERB, 0 to 3', type: 'number' },
      ],
      run: async (ctx) => {
        const results = await sia(ctx, {
          format: ctx.options.format as string | undefined,
          intersect: ctx.options.intersect as string | undefined,
          verbosity: ctx.options.verbosity as number | undefined,
        })
        return { kind: 'rows', rows: results.table.rows() }
      },
    },
    {
      name: 'datalink',
      summary: "DataLink links of SIA result rows; --sources lists the descriptor's cloud-access sources",
      options: [
        ...region,
        rowsOption,
        sourceOption,
        { name: 'sources', summary: 'list the `source` options instead of links', type: 'boolean' },
      ],
      run: async (ctx) => {
        const results = await sia(ctx)
        if (ctx.options.sources === true) {
          return { kind: 'rows', columns: ['value', 'name'], rows: ctx.api.sourceOptions(results) }
        }
        const batch = await ctx.api.datalinksBatch(results, rowsOf(ctx, results), {
          source: ctx.options.source as string | undefined,
          signal: ctx.signal,
          onProgress: ({ done, total }) =>
            ctx.onProgress({
              label: 'datalink',
              transferredBytes: 0,
              completedItems: done,
              totalItems: total,
              unit: 'items',
            }),
        })
        return {
          kind: 'rows',
          columns: ['id', 'semantics', 'contentType', 'contentLength', 'accessUrl', 'errorMessage'],
          rows: batch.links.map(({ row: _row, ...link }) => link),
        }
      },
    },
    {
      name: 'download',
      summary: 'download the files of SIA result rows (through DataLink with --source) into --out',
      options: [
        ...region,
        rowsOption,
        sourceOption,
        { name: 'preferCloud', summary: "use the rows' cloud_access (s3://) when present", type: 'boolean' },
        { name: 'out', summary: 'output folder', placeholder: 'DIR', required: true },
        { name: 'concurrency', summary: 'files at once', type: 'number' },
        { name: 'overwrite', summary: 'download files again even when present', type: 'boolean' },
      ],
      run: async (ctx) => {
        const results = await sia(ctx)
        const rows = rowsOf(ctx, results)
        const source = ctx.options.source as string | undefined
        const files =
          source === undefined
            ? ctx.api
                .files(results, { preferCloud: ctx.options.preferCloud === true })
                .filter((_, i) => rows === undefined || rows.includes(i))
            : ctx.api.linkFiles(await ctx.api.datalinksBatch(results, rows, { source, signal: ctx.signal }))
        const summary = await ctx.download(files, {
          outDir: ctx.options.out as string,
          concurrency: ctx.options.concurrency as number | undefined,
          overwrite: ctx.options.overwrite === true,
        })
        return { kind: 'record', record: summary }
      },
    },
  ],
})
