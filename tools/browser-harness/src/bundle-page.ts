import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build, type Rollup } from 'vite'

/** A page built for the browser: its folder, and every module that went into it. */
export interface BundledPage {
  readonly dir: string
  readonly modules: readonly string[]
}

/**
 * Bundles `entry` (a module whose default export is `async (input) => result`) into a page with vite,
 * as an app would: browser conditions, no configuration. The page exposes the function as
 * `window.__heliokitRun`.
 */
export async function bundlePage(entry: string): Promise<BundledPage> {
  const root = await mkdtemp(join(tmpdir(), 'heliokit-page-'))
  const outDir = join(root, 'dist')
  const from = relative(root, entry).split('\\').join('/')
  await writeFile(
    join(root, 'main.js'),
    `import run from ${JSON.stringify(from.startsWith('.') ? from : `./${from}`)}\nwindow.__heliokitRun = run\n`,
  )
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>heliokit</title><link rel="icon" href="data:,"></head><body><script type="module" src="./main.js"></script></body></html>\n',
  )
  const output = (await build({
    configFile: false,
    root,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: false, target: 'es2022' },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  const chunks = [output].flat().flatMap((o) => o.output)
  const modules = chunks.flatMap((c) => (c.type === 'chunk' ? c.moduleIds : []))
  return { dir: outDir, modules }
}
