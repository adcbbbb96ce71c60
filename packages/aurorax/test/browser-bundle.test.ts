import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, defaultClientConditions, type Rollup } from 'vite'
import { describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtins = new Set(builtinModules)

/** Bundles an entry for the browser, as a stock Vite library build does, and lists Node built-ins it reaches. */
async function bundle(entry: string): Promise<{ nodeImports: string[]; code: string }> {
  const nodeImports: string[] = []
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { conditions: ['@heliokit/source', ...defaultClientConditions] },
    plugins: [
      {
        name: 'record-node-imports',
        enforce: 'pre',
        resolveId(id, importer) {
          if (id.startsWith('node:') || builtins.has(id.split('/')[0]!)) {
            nodeImports.push(`${id} <- ${importer?.replace(root, '')}`)
            return { id, external: true }
          }
          return null
        },
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
    },
  })) as Rollup.RollupOutput[]
  const code = output
    .flatMap((o) => o.output)
    .map((c) => ('code' in c ? c.code : ''))
    .join('\n')
  return { nodeImports, code }
}

describe('browser bundle', () => {
  test('the package entry bundles for the browser with no node: module reachable', async () => {
    const { nodeImports, code } = await bundle('src/index.ts')
    expect(nodeImports).toEqual([])
    expect(code).toContain('x-aurorax-api-key')
    expect(code).not.toMatch(/from ['"]node:/)
  }, 180_000)

  test('the check catches an entry that reaches a Node built-in', async () => {
    const { nodeImports } = await bundle('test/fixtures/node-entry.ts')
    expect(nodeImports).toEqual(['node:path <- test/fixtures/node-entry.ts'])
  }, 180_000)
})
