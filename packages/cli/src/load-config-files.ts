import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { InvalidInputError } from '@heliokit/core'
import { z } from 'zod'

export const CONFIG_FILE = 'heliokit.config.json'

/** `heliokit.config.json`: provider settings, plugins, download defaults. */
export interface HeliokitConfig {
  readonly plugins?: readonly string[]
  readonly providers?: Readonly<Record<string, Readonly<Record<string, string>>>>
  readonly concurrency?: number
}

const configSchema = z.looseObject({
  plugins: z.array(z.string().min(1)).optional(),
  providers: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  concurrency: z.number().int().min(1).max(1024).optional(),
})

/** One config file that was read, for precedence and for `heliokit config`. */
export interface LoadedConfig {
  readonly path: string
  readonly config: HeliokitConfig
}

/**
 * The config files in effect, strongest first: `--config FILE` alone when given, else
 * `./heliokit.config.json` then `$XDG_CONFIG_HOME/heliokit/heliokit.config.json` (`~/.config`).
 */
export async function loadConfigFiles(
  explicit: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<LoadedConfig[]> {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit)
    const found = await readConfig(path)
    if (!found) throw new InvalidInputError(`--config ${path}: no such file`)
    return [found]
  }
  const userDir = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config')
  const candidates = [join(cwd, CONFIG_FILE), join(userDir, 'heliokit', CONFIG_FILE)]
  const found = await Promise.all(candidates.map(readConfig))
  return found.filter((c): c is LoadedConfig => c !== undefined)
}

async function readConfig(path: string): Promise<LoadedConfig | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new InvalidInputError(`cannot read ${path}`, { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new InvalidInputError(`${path} is not valid JSON`, { cause })
  }
  const parsed = configSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ')
    throw new InvalidInputError(`${path}: ${list}`, { issues })
  }
  return { path, config: parsed.data }
}
