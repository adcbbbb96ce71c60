import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, type Rollup } from 'vite'
import { expect, test } from 'vitest'

const builtins = new Set(builtinModules)

/** Bundles a source entry for the browser; returns the node: imports met, the modules bundled and the code. */
async function bundle(path: string): Promise<{ nodeImports: string[]; modules: string[]; code: string }> {
  const nodeImports: string[] = []
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@heliokit/source', 'browser', 'module', 'import', 'default'] },
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL(path, import.meta.url)), formats: ['es'], fileName: 'vo' },
      rollupOptions: { external: () => false },
    },
    plugins: [
      {
        name: 'refuse-node-modules',
        enforce: 'pre',
        resolveId(source, importer) {
          if (source.startsWith('node:') || builtins.has(source.split('/')[0]!)) {
            nodeImports.push(`${source} from ${importer}`)
          }
          return null
        },
      },
    ],
  })) as Rollup.RollupOutput[]
  const chunks = output.flatMap((o) => o.output).filter((c) => c.type === 'chunk')
  return {
    nodeImports,
    modules: chunks.flatMap((c) => Object.keys(c.modules)),
    code: chunks.map((c) => c.code).join('\n'),
  }
}

test('the package entry bundles for the browser with no node: module reachable', async () => {
  const { nodeImports, code } = await bundle('../src/index.ts')
  expect(nodeImports).toEqual([])
  expect(code).toContain('VotableError')
  expect(code).not.toMatch(/from\s+["']node:|require\(["']node:/)
})

test('the votable subpath bundles the parser without zod or the SIA/DataLink client', async () => {
  const { nodeImports, modules, code } = await bundle('../src/votable/index.ts')
  expect(nodeImports).toEqual([])
  expect(modules.some((m) => m.includes('/votable/tabledata-rows.ts'))).toBe(true)
  expect(modules.filter((m) => /[\\/]zod[\\/]|[\\/]sia|[\\/]datalink|[\\/]records\.ts/.test(m))).toEqual([])
  expect(code).toContain('VotableError')
})
