import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, type Rollup } from 'vite'
import { expect, test } from 'vitest'

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url))
const builtins = new Set(builtinModules)

test('the package entry bundles for the browser with no node: module reachable', async () => {
  const nodeImports: string[] = []
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@heliokit/source', 'browser', 'module', 'import', 'default'] },
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'vo' },
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
  expect(nodeImports).toEqual([])
  const code = output
    .flatMap((o) => o.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n')
  expect(code).toContain('VotableError')
  expect(code).not.toMatch(/from\s+["']node:|require\(["']node:/)
})
