import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ndjson } from './helpers/ndjson.ts'
import { runCli } from './helpers/run-cli.ts'
import { PLUGIN_DIR, useServices } from './helpers/services.ts'
import { tempDir } from './helpers/temp-dir.ts'

const services = useServices()
let cwd: { path: string; remove: () => Promise<void> }
beforeAll(async () => {
  cwd = await tempDir()
})
afterAll(() => cwd.remove())

const CLI_DIR = fileURLToPath(new URL('..', import.meta.url))

test('a plugin loads by folder path, by package name, from HELIOKIT_PLUGINS and from the config file', async () => {
  const env = { AUTOINDEX_BASE_URL: services.archive.url, XDG_CONFIG_HOME: cwd.path }
  const expected = [{ name: '01', type: 'directory', mtime: 'Sat, 01 Jan 2022 00:00:00 GMT' }]
  const byPath = await runCli(['--plugin', PLUGIN_DIR, 'autoindex', 'ls', 'THEMIS/2022', '--ndjson'], {
    env,
    cwd: cwd.path,
  })
  expect(byPath.code).toBe(0)
  expect(ndjson(byPath.stdout)).toEqual(expected)
  // By name, resolved from the working directory's node_modules.
  const byName = await runCli(
    ['--plugin', 'heliokit-provider-autoindex', 'autoindex', 'ls', 'THEMIS/2022', '--ndjson'],
    {
      env,
      cwd: CLI_DIR,
    },
  )
  expect(ndjson(byName.stdout)).toEqual(expected)
  const fromEnv = await runCli(['autoindex', 'ls', 'THEMIS/2022', '--ndjson'], {
    env: { ...env, HELIOKIT_PLUGINS: PLUGIN_DIR },
    cwd: cwd.path,
  })
  expect(ndjson(fromEnv.stdout)).toEqual(expected)
  const project = join(cwd.path, 'project')
  await mkdir(project, { recursive: true })
  await writeFile(
    join(project, 'heliokit.config.json'),
    JSON.stringify({ plugins: [PLUGIN_DIR], providers: { autoindex: { baseUrl: services.archive.url } } }),
  )
  const fromConfig = await runCli(['autoindex', 'ls', 'THEMIS/2022', '--ndjson'], {
    env: { XDG_CONFIG_HOME: cwd.path },
    cwd: project,
  })
  expect(ndjson(fromConfig.stdout)).toEqual(expected)
})

test('a plugin that is missing or exports no provider CLI is a usage error naming it', async () => {
  const missing = await runCli(['--plugin', 'heliokit-provider-nope', 'providers'], { cwd: cwd.path })
  expect(missing.code).toBe(2)
  expect(missing.stderr).toMatch(/^heliokit: INVALID_INPUT --plugin heliokit-provider-nope: not found from /)
  const module = join(cwd.path, 'not-a-plugin.mjs')
  await writeFile(module, 'export const cli = { id: "Bad Id", commands: [] }\n')
  const bad = await runCli(['--plugin', module, 'providers'], { cwd: cwd.path })
  expect(bad.code).toBe(2)
  expect(bad.stderr).toMatch(/does not export a heliokit provider CLI .*id .*summary/)
})

test('settings: environment over ./heliokit.config.json over ~/.config/heliokit; --config alone replaces both', async () => {
  const home = join(cwd.path, 'xdg')
  const project = join(cwd.path, 'precedence')
  await mkdir(join(home, 'heliokit'), { recursive: true })
  await mkdir(project, { recursive: true })
  const config = (baseUrl: string) => JSON.stringify({ providers: { ucalgary: { baseUrl } } })
  await writeFile(join(home, 'heliokit', 'heliokit.config.json'), config('http://user.example'))
  const show = async (env: Record<string, string>, args: string[] = []) => {
    const run = await runCli([...args, 'config', '--ndjson'], {
      env: { XDG_CONFIG_HOME: home, ...env },
      cwd: project,
    })
    expect(run.code).toBe(0)
    return ndjson(run.stdout).find((r) => r.provider === 'ucalgary' && r.name === 'baseUrl')
  }
  expect(await show({})).toMatchObject({
    value: 'http://user.example',
    from: join(home, 'heliokit', 'heliokit.config.json'),
  })
  await writeFile(join(project, 'heliokit.config.json'), config('http://project.example'))
  expect(await show({})).toMatchObject({
    value: 'http://project.example',
    from: join(project, 'heliokit.config.json'),
  })
  expect(await show({ UCALGARY_BASE_URL: 'http://env.example' })).toMatchObject({
    value: 'http://env.example',
    from: 'env UCALGARY_BASE_URL',
  })
  const explicit = join(cwd.path, 'explicit.json')
  await writeFile(explicit, JSON.stringify({ concurrency: 2 }))
  expect(await show({}, ['--config', explicit])).toEqual({
    provider: 'ucalgary',
    name: 'baseUrl',
    from: 'default',
  })
  // The setting is used: the project's config points ucalgary at the emulator.
  await writeFile(join(project, 'heliokit.config.json'), config(services.ucalgary.apiUrl))
  const used = await runCli(['ucalgary', 'datasets', '--name', 'REGO_RAW', '--ndjson'], {
    env: { XDG_CONFIG_HOME: home },
    cwd: project,
  })
  expect(ndjson(used.stdout).map((d) => d.name)).toEqual(['REGO_RAW'])
})

test('a config file that is not valid is a usage error naming the file and field', async () => {
  const project = join(cwd.path, 'broken')
  await mkdir(project, { recursive: true })
  await writeFile(join(project, 'heliokit.config.json'), JSON.stringify({ concurrency: 'lots' }))
  const run = await runCli(['providers'], { cwd: project, env: { XDG_CONFIG_HOME: cwd.path } })
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(/^heliokit: INVALID_INPUT .*broken\/heliokit\.config\.json: concurrency: /)
})
