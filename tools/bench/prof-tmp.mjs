import { spawnSync } from 'node:child_process'
import { startS3Server } from '@heliokit/testkit'
const s3 = await startS3Server({ seedDir: '.bench-tmp/scregistry' })
const out = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/scr-prof', 'scregistry-heliokit.mjs', s3.endpoint, 'aia-bench', 'AIA_BENCH', '2010-01-01T00:00:00Z', '2014-01-01T00:00:00Z'], { encoding: 'utf8' })
console.log(out.stdout, out.stderr.slice(-300))
await s3.close()
