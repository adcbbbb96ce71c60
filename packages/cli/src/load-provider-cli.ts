import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { InvalidInputError } from '@heliokit/core'
import type { ProviderCli } from '@heliokit/core/commands'
import { z } from 'zod'
import { knownProviders } from './known-providers.ts'

const commandShape: z.ZodType = z.lazy(() =>
  z.looseObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    summary: z.string(),
    commands: z.array(commandShape).optional(),
  }),
)

const providerCliShape = z.looseObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  summary: z.string(),
  create: z.function(),
  commands: z.array(commandShape),
})

/** A first-party provider's CLI by id, imported on first use. */
export async function loadKnownProvider(id: string): Promise<ProviderCli> {
  const known = knownProviders[id]
  if (!known) throw new InvalidInputError(`unknown provider ${id}`)
  return checkedCli(await import(known.specifier), known.specifier)
}

/**
 * A plugin's CLI: a package name resolved from the working directory (its `./cli` export, else its main
 * export's `cli`), or a path to a package folder or module.
 */
export async function loadPlugin(specifier: string, cwd: string): Promise<ProviderCli> {
  if (knownProviders[specifier]) return loadKnownProvider(specifier)
  const file = await resolvePlugin(specifier, cwd)
  let module: unknown
  try {
    module = await import(pathToFileURL(file).href)
  } catch (cause) {
    throw new InvalidInputError(`--plugin ${specifier}: cannot load ${file}`, { cause })
  }
  return checkedCli(module, specifier)
}

async function resolvePlugin(specifier: string, cwd: string): Promise<string> {
  const isPath = specifier.startsWith('.') || isAbsolute(specifier)
  const require = createRequire(join(cwd, 'package.json'))
  const candidates: string[] = []
  if (isPath) {
    const target = resolve(cwd, specifier)
    const name = await packageName(target)
    if (!name) return target
    // A package folder resolves its own name (self-reference through its exports).
    const own = createRequire(join(target, 'package.json'))
    for (const id of [`${name}/cli`, name]) candidates.push(tryResolve(own, id) ?? '')
  } else {
    for (const id of [`${specifier}/cli`, specifier]) candidates.push(tryResolve(require, id) ?? '')
  }
  const found = candidates.find(Boolean)
  if (!found) {
    throw new InvalidInputError(`--plugin ${specifier}: not found from ${cwd} (install it, or give a path)`)
  }
  return found
}

function tryResolve(require: NodeJS.Require, id: string): string | undefined {
  try {
    return require.resolve(id)
  } catch {
    return undefined
  }
}

async function packageName(folder: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { name?: string }).name
  } catch {
    return undefined
  }
}

function checkedCli(module: unknown, specifier: string): ProviderCli {
  const exported = module as { cli?: unknown; default?: unknown }
  const candidate = exported.cli ?? exported.default
  const parsed = providerCliShape.safeParse(candidate)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new InvalidInputError(
      `${specifier} does not export a heliokit provider CLI (\`export const cli = defineProviderCli({...})\`): ${issues
        .map((i) => `${i.path || 'cli'} ${i.message}`)
        .join('; ')}`,
      { issues },
    )
  }
  return candidate as ProviderCli
}
