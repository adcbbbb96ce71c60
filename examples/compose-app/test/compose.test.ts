import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startUcalgaryEmulator } from '@heliokit/testkit'
import { expect, test } from 'vitest'
import { startAutoindexServer } from '../../provider-plugin/test/autoindex-server.ts'
import { startHapiServer } from '../../third-party-provider/test/hapi-server.ts'
import { findListDownload } from '../src/index.ts'

test('three providers in one flow: datasets from all, files from two, one download', async () => {
  const [uc, archive, hapiServer] = await Promise.all([
    startUcalgaryEmulator(),
    startAutoindexServer(),
    startHapiServer(),
  ])
  const outDir = await mkdtemp(join(tmpdir(), 'compose-app-'))
  try {
    const report = await findListDownload({
      ucalgaryUrl: uc.apiUrl,
      archiveUrl: archive.url,
      hapiUrl: `${hapiServer.url}/hapi`,
      outDir,
      start: '2022-01-01T06:00',
      end: '2022-01-01T06:10',
    })
    expect(report.failedProviders).toEqual([])
    expect(report.datasets).toEqual(
      expect.arrayContaining(['ucalgary:THEMIS_ASI_RAW', 'autoindex:THEMIS', 'hapi:THA_L2_FGM']),
    )
    expect(report.files.filter((f) => f.provider === 'ucalgary')).toHaveLength(10)
    expect(report.files.filter((f) => f.provider === 'autoindex')).toHaveLength(3)
    expect(report.download.files).toMatchObject({ total: 13, downloaded: 13, failed: 0 })
    const first = report.files.find((f) => f.provider === 'ucalgary')!
    expect(new Uint8Array(await readFile(join(outDir, first.path)))).toEqual(uc.expectedBytes(first.url))
  } finally {
    await Promise.all([
      uc.close(),
      archive.close(),
      hapiServer.close(),
      rm(outDir, { recursive: true, force: true }),
    ])
  }
})
