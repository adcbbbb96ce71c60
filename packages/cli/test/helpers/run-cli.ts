import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The built binary, as users run it. */
export const BIN: string = fileURLToPath(new URL('../../dist/bin.js', import.meta.url))

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  /** stdout as bytes, for binary output. */
  readonly bytes: Buffer
  readonly stderr: string
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly cwd?: string
}

// Variables of the test machine that would change what the command reads.
const CLEAN = [
  'HELIOKIT_PLUGINS',
  'HELIOKIT_SHARD',
  'HELIOKIT_SHARDS',
  'AWS_BATCH_JOB_ARRAY_INDEX',
  'JOB_COMPLETION_INDEX',
]

export function startCli(args: readonly string[], options: RunOptions = {}): ChildProcess {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' }
  for (const name of CLEAN) delete env[name]
  Object.assign(env, options.env)
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Runs `heliokit ...args` in a new process and collects its output. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const child = startCli(args, options)
  const chunks: Buffer[] = []
  let stderr = ''
  child.stdout!.on('data', (d: Buffer) => {
    chunks.push(d)
  })
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      const bytes = Buffer.concat(chunks)
      resolve({ code, stdout: bytes.toString('utf8'), bytes, stderr })
    })
  })
}
