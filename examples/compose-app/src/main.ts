// Usage: AUTOINDEX_BASE_URL=... HAPI_BASE_URL=... [UCALGARY_BASE_URL=...] node dist/main.js [outDir]
import { findListDownload } from './compose.ts'

const { AUTOINDEX_BASE_URL, HAPI_BASE_URL, UCALGARY_BASE_URL } = process.env
if (!AUTOINDEX_BASE_URL || !HAPI_BASE_URL) {
  console.error('set AUTOINDEX_BASE_URL and HAPI_BASE_URL (and UCALGARY_BASE_URL for a local emulator)')
  process.exit(2)
}
const report = await findListDownload({
  ucalgaryUrl: UCALGARY_BASE_URL,
  archiveUrl: AUTOINDEX_BASE_URL,
  hapiUrl: HAPI_BASE_URL,
  outDir: process.argv[2] ?? 'compose-data',
  start: '2022-01-01T06:00',
  end: '2022-01-01T06:10',
  log: console.log,
})
process.exitCode = report.download.failed.length > 0 ? 1 : 0
