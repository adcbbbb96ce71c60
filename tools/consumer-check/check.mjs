// A new user's first run, outside the workspace: pack the packages with `pnpm pack`, install the tarballs
// into a fresh app (from the local pnpm store; the registry only when the store lacks something), check
// that no s3rver came with them, type-check every package README snippet with NodeNext + strict, and run
// the UCalgary README's emulator example. Usage: node check.mjs [--keep]
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { readmeSnippets } from './readme-snippets.mjs'

const root = resolve(import.meta.dirname, '../..')
const keep = process.argv.includes('--keep')
// What an app using UCalgary installs; transport-s3 is added afterwards, only to type-check its README.
const LIGHT = ['core', 'transport-http', 'download', 'ucalgary', 'testkit']
const README_PACKAGES = [...LIGHT, 'transport-s3']

const work = mkdtempSync(join(tmpdir(), 'heliokit-consumer-'))
const tarballs = join(work, 'tarballs')
const app = join(work, 'app')
mkdirSync(tarballs)
mkdirSync(join(app, 'snippets'), { recursive: true })

// A user's shell, not a package script's: pnpm run sets NODE_PATH (which would find the workspace's
// s3rver) and npm_config_* settings of the workspace.
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key !== 'NODE_PATH' && !/^npm_/i.test(key)),
)
const sh = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...cleanEnv, ...env }, stdio: 'pipe' })

function step(text) {
  console.log(`consumer-check: ${text}`)
}

function pack(name) {
  sh('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', name))
  const file = readdirSync(tarballs).find((f) => f.startsWith(`heliokit-${name}-`) && f.endsWith('.tgz'))
  if (!file) throw new Error(`pnpm pack made no tarball for ${name}`)
  return `file:../tarballs/${basename(file)}`
}

/** pnpm install from the store alone, or with the registry when the store lacks a package. */
function install(args) {
  const base = ['--config.confirmModulesPurge=false', '--reporter=append-only']
  try {
    sh('pnpm', [...args, '--offline', ...base], app)
  } catch {
    sh('pnpm', [...args, '--prefer-offline', ...base], app)
  }
}

try {
  step(`packing ${README_PACKAGES.join(', ')} into ${tarballs}`)
  const specs = Object.fromEntries(README_PACKAGES.map((name) => [`@heliokit/${name}`, pack(name)]))
  const light = Object.fromEntries(LIGHT.map((name) => [`@heliokit/${name}`, specs[`@heliokit/${name}`]]))
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify(
      {
        name: 'heliokit-consumer',
        private: true,
        type: 'module',
        dependencies: { ...light, zod: '^4.1.0' },
        devDependencies: { '@types/node': '^20.19.0', typescript: '5.9.3' },
        // The tarballs depend on each other by version; nothing is on the registry yet.
        pnpm: { overrides: specs },
      },
      null,
      2,
    )}\n`,
  )
  step('installing the tarballs into a fresh app')
  install(['install'])

  const s3rver =
    existsSync(join(app, 'node_modules', 's3rver')) ||
    readdirSync(join(app, 'node_modules', '.pnpm')).some((d) => d.startsWith('s3rver@'))
  if (s3rver) throw new Error('s3rver was installed with @heliokit/testkit; it must be an optional peer')
  step('no s3rver installed')
  writeFileSync(
    join(app, 'no-s3rver.mjs'),
    `import { startS3Server } from '@heliokit/testkit'
const error = await startS3Server().then(() => undefined, (e) => e)
if (!/npm i -D s3rver/.test(String(error?.message))) throw new Error('no clear error without s3rver: ' + error)
`,
  )
  sh('node', ['no-s3rver.mjs'], app)
  step('startS3Server without s3rver names the package to install')

  step('adding @heliokit/transport-s3 to type-check its README')
  install(['add', specs['@heliokit/transport-s3']])

  const runnable = []
  const files = []
  for (const name of ['root', ...README_PACKAGES]) {
    const readme = name === 'root' ? join(root, 'README.md') : join(root, 'packages', name, 'README.md')
    for (const snippet of readmeSnippets(readme)) {
      const file = `${name}-readme-line-${snippet.line}.ts`
      writeFileSync(join(app, 'snippets', file), `${snippet.code}export {}\n`)
      files.push(file)
      if (snippet.prints) runnable.push({ file, prints: snippet.prints })
    }
  }
  writeFileSync(
    join(app, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          types: ['node'],
          rootDir: 'snippets',
          outDir: 'out',
        },
        include: ['snippets'],
      },
      null,
      2,
    )}\n`,
  )
  step(`type-checking ${files.length} README snippets (NodeNext, strict)`)
  try {
    sh(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], app)
  } catch (error) {
    throw new Error(`README snippets do not type-check:\n${error.stdout}${error.stderr}`)
  }
  if (runnable.length === 0) throw new Error('no README snippet is marked <!-- consumer-check: run, ... -->')
  for (const { file, prints } of runnable) {
    step(`running ${file}`)
    const out = sh('node', [join('out', file.replace(/\.ts$/, '.js'))], app, { HOME: work })
    process.stdout.write(`${out.trimEnd().replace(/^/gm, '  | ')}\n`)
    if (!out.includes(prints)) throw new Error(`${file} did not print "${prints}"`)
  }
  step('passed')
} catch (error) {
  console.error(`consumer-check failed: ${error.message}`)
  if (error.stdout || error.stderr) console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`)
  process.exitCode = 1
} finally {
  if (keep) console.log(`consumer-check: kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
