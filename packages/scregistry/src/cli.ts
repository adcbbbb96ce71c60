import { HeliokitError } from '@heliokit/core'
import {
  type CommandContext,
  defineProviderCli,
  type OptionSpec,
  type ProviderCli,
} from '@heliokit/core/commands'
import { scregistry } from './scregistry.ts'
import type { ScregistryApi } from './scregistry-api.ts'

type Ctx = CommandContext<ScregistryApi>

const fileOptions: readonly OptionSpec[] = [
  { name: 'start', summary: 'start, UTC', type: 'time', required: true },
  { name: 'end', summary: 'end, UTC (not included)', type: 'time', required: true },
  {
    name: 'bucket',
    summary: 'bucket name, s3:// URL or https:// folder (default: the one listing the dataset)',
  },
]

function files(ctx: Ctx) {
  return ctx.api.files({
    dataset: ctx.args.dataset as string,
    bucket: ctx.options.bucket as string | undefined,
    start: ctx.options.start as Date,
    stop: ctx.options.end as Date,
    signal: ctx.signal,
  })
}

/** The files' bytes one after another, in listing order, as one stream (for stdout). */
function concatenated(ctx: Ctx): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>()
  void (async () => {
    try {
      const result = await ctx.api.stream(
        files(ctx),
        (body) => body.pipeTo(writable, { preventClose: true }),
        {
          concurrency: 1,
          failFast: true,
        },
      )
      if (result.failed[0]) throw result.failed[0].error
      await writable.close()
    } catch (error) {
      await writable.abort(error).catch(() => {})
    }
  })()
  return readable
}

/** `heliokit scregistry ...`: the registry, catalogs, search, files and streaming to stdout. */
export const cli: ProviderCli<ScregistryApi> = defineProviderCli<ScregistryApi>({
  id: 'scregistry',
  summary: 'HelioCloud Shared Cloud Registry (CloudCatalog): buckets, catalogs, file indexes on S3',
  settings: [
    {
      name: 'registryUrl',
      summary: 'the global registry (HelioDataRegistry.json)',
      env: 'ROOT_CATALOG_REGISTRY_URL',
    },
  ],
  fileOptions: [{ name: 'bucket', summary: 'bucket name, s3:// URL or https:// folder' }],
  create: (settings) => scregistry({ registryUrl: settings.registryUrl }),
  commands: [
    {
      name: 'registry',
      summary: 'the buckets the registry lists',
      run: async (ctx) => ({
        kind: 'rows',
        columns: ['name', 'endpoint', 'region', 'provider'],
        rows: await ctx.api.buckets({ signal: ctx.signal }),
      }),
    },
    {
      name: 'catalog',
      summary: "a bucket's catalog of datasets",
      args: [{ name: 'bucket', summary: 'bucket name, s3:// URL or https:// folder' }],
      run: async (ctx) => {
        const catalog = await ctx.api.catalog(ctx.args.bucket as string, { signal: ctx.signal })
        if (catalog.status.code !== 1200) {
          throw new HeliokitError(
            'UNAVAILABLE',
            `${catalog.endpoint} is unavailable: ${catalog.status.message}`,
            {
              provider: 'scregistry',
            },
          )
        }
        return { kind: 'rows', columns: ['id', 'title', 'start', 'stop', 'filetype'], rows: catalog.entries }
      },
    },
    {
      name: 'search',
      summary: 'datasets of every catalog by keywords, ranked as the Python client does',
      args: [{ name: 'keywords', summary: 'words', variadic: true }],
      options: [
        { name: 'id', summary: 'part of the dataset id' },
        { name: 'title', summary: 'part of the title' },
      ],
      run: async (ctx) => {
        const result = await ctx.api.search(
          {
            keywords: ctx.args.keywords as string[],
            id: ctx.options.id as string | undefined,
            title: ctx.options.title as string | undefined,
          },
          { signal: ctx.signal },
        )
        return {
          kind: 'rows',
          columns: ['bucket.name', 'entry.id', 'entry.title', 'score'],
          rows: result.hits,
        }
      },
    },
    {
      name: 'files',
      summary: "a dataset's files over a time range, from its yearly indexes",
      args: [{ name: 'dataset', summary: 'catalog entry id' }],
      options: fileOptions,
      run: async (ctx) => ({ kind: 'rows', columns: ['path', 'size', 'start', 'url'], rows: files(ctx) }),
    },
    {
      name: 'stream',
      summary: "a dataset's files over a time range, one after another, to stdout",
      args: [{ name: 'dataset', summary: 'catalog entry id' }],
      options: fileOptions,
      run: (ctx) => ({ kind: 'bytes', body: concatenated(ctx) }),
    },
  ],
})
