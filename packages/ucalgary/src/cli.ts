import { HeliokitError, type TimeInput } from '@heliokit/core'
import {
  type CommandContext,
  defineProviderCli,
  type OptionSpec,
  type ProviderCli,
} from '@heliokit/core/commands'
import { ucalgary } from './ucalgary.ts'
import type { UcalgaryApi } from './ucalgary-api.ts'

const range: readonly OptionSpec[] = [
  { name: 'start', summary: 'first time, UTC (2022-01-01T06:00)', type: 'time', required: true },
  { name: 'end', summary: 'last time, UTC, inclusive (2022-01-01T06:59)', type: 'time', required: true },
]
const where: readonly OptionSpec[] = [
  { name: 'site', summary: 'site uid, e.g. gill' },
  { name: 'device', summary: 'device uid, e.g. themis19' },
]

type Ctx = CommandContext<UcalgaryApi>
const text = (ctx: Ctx, name: string): string | undefined => ctx.options[name] as string | undefined
const time = (ctx: Ctx, name: string): TimeInput => ctx.options[name] as Date

/** `heliokit ucalgary ...`: datasets, observatories, urls and download, as in pyucalgarysrs. */
export const cli: ProviderCli<UcalgaryApi> = defineProviderCli<UcalgaryApi>({
  id: 'ucalgary',
  summary: 'University of Calgary Space Remote Sensing data distribution',
  settings: [{ name: 'baseUrl', summary: 'API host', env: 'UCALGARY_BASE_URL' }],
  fileOptions: where,
  create: (settings) => ucalgary({ baseUrl: settings.baseUrl }),
  commands: [
    {
      name: 'datasets',
      summary: 'datasets whose name contains --name',
      options: [
        { name: 'name', summary: 'part of the dataset name' },
        { name: 'level', summary: 'processing level, e.g. L0' },
      ],
      run: async (ctx) => ({
        kind: 'rows',
        columns: ['name', 'level', 'fileTimeResolution', 'shortDescription'],
        rows: await ctx.api.datasets({
          name: text(ctx, 'name'),
          level: text(ctx, 'level'),
          signal: ctx.signal,
        }),
      }),
    },
    {
      name: 'observatories',
      summary: 'observatories of an instrument array',
      args: [{ name: 'instrumentArray', summary: 'themis_asi, rego, trex_rgb, ...' }],
      options: [{ name: 'uid', summary: 'part of the observatory uid' }],
      run: async (ctx) => ({
        kind: 'rows',
        rows: await ctx.api.observatories(ctx.args.instrumentArray as string, {
          uid: text(ctx, 'uid'),
          signal: ctx.signal,
        }),
      }),
    },
    {
      name: 'urls',
      summary: 'file URLs of a dataset over a time range',
      args: [{ name: 'dataset', summary: 'dataset name, e.g. THEMIS_ASI_RAW' }],
      options: [...range, ...where],
      run: async (ctx) => {
        const listing = await ctx.api.urls(ctx.args.dataset as string, time(ctx, 'start'), time(ctx, 'end'), {
          site: text(ctx, 'site'),
          device: text(ctx, 'device'),
          signal: ctx.signal,
          onProgress: (p) => ctx.onProgress({ ...p, unit: 'items', label: 'listing' }),
        })
        return { kind: 'rows', columns: ['url'], rows: listing.urls.map((url) => ({ url })) }
      },
    },
    {
      name: 'download',
      summary: 'download a time range into <out>/<DATASET>/, skipping files already there',
      args: [{ name: 'dataset', summary: 'dataset name, e.g. THEMIS_ASI_RAW' }],
      options: [
        ...range,
        ...where,
        { name: 'out', summary: 'output folder', placeholder: 'DIR', default: 'heliokit_data' },
        { name: 'concurrency', summary: 'files at once', type: 'number', default: 8 },
        { name: 'overwrite', summary: 'download files again even when present', type: 'boolean' },
      ],
      run: async (ctx) => {
        const result = await ctx.api.download(
          ctx.args.dataset as string,
          time(ctx, 'start'),
          time(ctx, 'end'),
          {
            site: text(ctx, 'site'),
            device: text(ctx, 'device'),
            outDir: text(ctx, 'out'),
            concurrency: ctx.options.concurrency as number,
            overwrite: ctx.options.overwrite === true,
            signal: ctx.signal,
            onProgress: ctx.onProgress,
          },
        )
        const first = result.failed[0]
        if (first) {
          const why = first.error.message.replace(/^\[heliokit\] \[ucalgary\] /, '')
          throw new HeliokitError(
            first.error.code,
            `${result.failed.length} of ${result.count} files failed, first ${first.path}: ${why}; run again to resume`,
            { provider: 'ucalgary', cause: first.error },
          )
        }
        const { dataset, datasetDir, count, downloaded, skipped, bytes, totalBytes, warnings } = result
        return {
          kind: 'record',
          record: { dataset, datasetDir, count, downloaded, skipped, failed: 0, bytes, totalBytes, warnings },
        }
      },
    },
  ],
})
