// The benchmark's data host, run in its own process so clients do not share its event loop.
// Serves N files of SIZE bytes at /data/file-<i>.bin and prints its URL on stdout.
import { deterministicBytes, startFileServer } from '@heliokit/testkit'

const count = Number(process.argv[2] ?? 2000)
const size = Number(process.argv[3] ?? 262_144)
const files = new Map()
for (let i = 0; i < count; i++) files.set(`/data/file-${i}.bin`, deterministicBytes(`file-${i}`, size))
const server = await startFileServer({ files })
console.log(server.url)
process.on('SIGTERM', () => server.close().then(() => process.exit(0)))
