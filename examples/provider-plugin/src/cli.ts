import { InvalidInputError } from '@heliokit/core'
import { defineProviderCli, type ProviderCli } from '@heliokit/core/commands'
import { type AutoindexApi, autoindex } from './autoindex.ts'

/** `heliokit --plugin heliokit-provider-autoindex autoindex ls [path]`, and `files`/`download` through it. */
export const cli: ProviderCli<AutoindexApi> = defineProviderCli<AutoindexApi>({
  id: 'autoindex',
  summary: 'an archive served as nginx JSON directory listings (example plugin)',
  settings: [{ name: 'baseUrl', summary: 'root URL of the archive', env: 'AUTOINDEX_BASE_URL' }],
  create: (settings) => {
    if (!settings.baseUrl) {
      throw new InvalidInputError('no archive URL: set AUTOINDEX_BASE_URL or providers.autoindex.baseUrl', {
        provider: 'autoindex',
      })
    }
    return autoindex({ baseUrl: settings.baseUrl })
  },
  commands: [
    {
      name: 'ls',
      summary: 'entries of a folder of the archive',
      args: [{ name: 'path', summary: 'folder, e.g. THEMIS/2022/01/01', required: false }],
      run: async (ctx) => ({
        kind: 'rows',
        columns: ['name', 'type', 'size', 'mtime'],
        rows: await ctx.api.list((ctx.args.path as string | undefined) ?? '', ctx.signal),
      }),
    },
  ],
})
