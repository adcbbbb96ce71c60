import { describe, expect, test } from 'vitest'
import { runCli } from './helpers/run-cli.ts'
import { useServices } from './helpers/services.ts'

const services = useServices()

describe('help and usage errors', () => {
  test('--help lists the built-in commands and every known provider, exit 0', async () => {
    const run = await runCli(['--help'])
    expect(run.code).toBe(0)
    for (const word of [
      'providers',
      'datasets',
      'files',
      'download',
      'config',
      'demo',
      'emulators',
      'ucalgary',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${word} `, 'm'))
    }
  })

  test('a provider group lists its commands', async () => {
    const run = await runCli(['ucalgary', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/observatories \[options\] <instrument-array>/)
  })

  test('an unknown command or option is one USAGE line and exit 2', async () => {
    const unknown = await runCli(['fetch-everything'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe("heliokit: USAGE unknown command 'fetch-everything' (see --help)\n")
    const option = await runCli(['datasets', '--colour'], { env: services.env })
    expect(option.code).toBe(2)
    expect(option.stderr).toMatch(/^heliokit: USAGE unknown option '--colour'/)
  })

  test('a missing required option or a bad time is a usage error (exit 2) before any request', async () => {
    const before = services.ucalgary.api.requests.length
    const missing = await runCli(['ucalgary', 'urls', 'THEMIS_ASI_RAW', '--start', '2022-01-01'], {
      env: services.env,
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/required option '--end <time>' not specified/)
    const badTime = await runCli(
      ['files', 'ucalgary', 'THEMIS_ASI_RAW', '--start', 'yesterday', '--end', '2022-01-02'],
      {
        env: services.env,
      },
    )
    expect(badTime.code).toBe(2)
    expect(badTime.stderr).toBe(
      'heliokit: INVALID_INPUT --start must be a UTC time such as 2022-01-01T06:00, got "yesterday" (check the command line; see --help)\n',
    )
    expect(services.ucalgary.api.requests.length).toBe(before)
  })

  test('a failure is one line with the code, provider and a hint, exit 1; --verbose adds the cause chain', async () => {
    const args = ['ucalgary', 'urls', 'NO_SUCH_DATASET', '--start', '2022-01-01', '--end', '2022-01-01T00:10']
    const run = await runCli(args, { env: services.env })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      'heliokit: NOT_FOUND [ucalgary] dataset NO_SUCH_DATASET does not exist (list what exists with `heliokit ucalgary --help` or `heliokit datasets --provider ucalgary`)\n',
    )
    const down = await runCli(['ucalgary', 'datasets', '--verbose'], {
      env: { UCALGARY_BASE_URL: 'http://127.0.0.1:9' },
    })
    expect(down.code).toBe(1)
    const lines = down.stderr.trim().split('\n')
    expect(lines[0]).toMatch(
      /^heliokit: NETWORK \[ucalgary\] .* \(check the network and the endpoint in providers\.ucalgary in heliokit\.config\.json \(UCALGARY_BASE_URL\)/,
    )
    expect(lines.slice(1).some((l) => l.startsWith('  caused by '))).toBe(true)
  })
})
