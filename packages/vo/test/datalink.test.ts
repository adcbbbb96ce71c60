import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ErrorCode, isHeliokitError } from '@heliokit/core'
import { download } from '@heliokit/download'
import { createHttpTransport } from '@heliokit/transport-http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parseCloudAccess, type SiaResults } from '../src/index.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

let h: Harness
let results: SiaResults
let outDir: string
beforeAll(async () => {
  h = await startHarness()
  results = await h.api.sia2({ collection: 'chanmaster' })
  outDir = await mkdtemp(join(tmpdir(), 'heliokit-vo-'))
})
afterAll(async () => {
  await h.close()
  await rm(outDir, { recursive: true, force: true })
})

const ivoid = (row: number) => `ivo://nasa.heasarc/chanmaster?${results.table.row(row).obsid}`

describe('DataLink service descriptor', () => {
  test('found by standardID, with accessURL, inputParams and the source options', () => {
    const descriptor = results.datalink!
    expect(descriptor.accessUrl).toBe(`${h.emu.url}/datalink`)
    expect(descriptor.inputParams.map((p) => [p.name, p.ref ?? p.rawValue])).toEqual([
      ['ID', 'obsid_ivoid'],
      ['REQUEST', 'getLinks'],
      ['source', ''],
    ])
    expect(h.api.sourceOptions(results)).toEqual([
      { value: 'main-server', name: 'HEASARC main server' },
      { value: 'aws:us-east1', name: 'AWS S3, us-east-1' },
      { value: 'gc', name: 'Google Cloud' },
    ])
  })

  test('one row: ID from the FIELD whose ID the PARAM refs (not its name), fixed PARAMs sent, extra ones added', async () => {
    const links = await h.api.datalinks(results, 3, { params: { RESPONSEFORMAT: 'votable' } })
    const sent = h.requests('/datalink').at(-1)!
    expect(sent.method).toBe('GET')
    expect(Object.fromEntries(sent.params)).toEqual({
      ID: ivoid(3),
      REQUEST: 'getLinks',
      RESPONSEFORMAT: 'votable',
    })
    expect(links.links.map((l) => l.semantics)).toEqual(['#this', '#preview'])
    const [self] = links.bySemantics('this')
    expect(self).toMatchObject({
      id: ivoid(3),
      accessUrl: `${h.emu.url}/data/${h.emu.rows[3]!.key}`,
      contentType: 'application/fits',
      contentLength: h.emu.expectedBytes(h.emu.rows[3]!.key).length,
      description: 'Event file',
    })
    expect(links.bySemantics('http://www.ivoa.net/rdf/datalink/core#preview')).toHaveLength(1)
    expect(links.fellBack).toBe(false)
  })

  test.each([
    ['main-server', /^http:\/\/127\.0\.0\.1:\d+\/data\//, false],
    ['aws:us-east1', /^s3:\/\/nasa-heasarc\/chandra\//, false],
    ['gc', /^http:\/\/127\.0\.0\.1:\d+\/data\//, true],
  ])('source %s: #this links match %s, fell back: %s', async (source, pattern, fellBack) => {
    const links = await h.api.datalinks(results, 0, { source })
    expect(h.requests('/datalink').at(-1)!.params.get('source')).toBe(source)
    expect(links.bySemantics('#this')[0]!.accessUrl).toMatch(pattern)
    expect(links.source).toBe(source)
    expect(links.fellBack).toBe(fellBack)
  })

  test('a source the descriptor does not offer is INVALID_INPUT before any request', async () => {
    const before = h.emu.server.requests.length
    const e = await h.api.datalinks(results, 0, { source: 'azure' }).catch((x: unknown) => x)
    expect(isHeliokitError(e) && [e.code, e.provider]).toEqual([ErrorCode.INVALID_INPUT, 'vo'])
    expect((e as Error).message).toContain('main-server, aws:us-east1, gc')
    expect(h.emu.server.requests.length).toBe(before)
  })

  test('a per-link error_message is surfaced', async () => {
    const links = await h.api.datalinks(results, 0, {
      params: { ID: ['ivo://nasa.heasarc/chanmaster?999999', ivoid(0)] },
    })
    expect(links.errors).toEqual([
      expect.objectContaining({
        id: 'ivo://nasa.heasarc/chanmaster?999999',
        errorMessage: expect.stringContaining('NotFoundFault'),
      }),
    ])
    expect(links.byId.get(ivoid(0))).toHaveLength(2)
  })

  test('batch for 200 rows: POSTed 50 IDs at a time, links grouped by ID', async () => {
    const before = h.requests('/datalink').length
    const progress: number[] = []
    const rows = Array.from({ length: 200 }, (_, i) => i)
    const batch = await h.api.datalinksBatch(results, rows, {
      source: 'aws:us-east1',
      onProgress: (p) => progress.push(p.done),
    })
    const calls = h.requests('/datalink').slice(before)
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'POST', 'POST'])
    expect(progress).toEqual([50, 100, 150, 200])
    expect(batch.byId.size).toBe(200)
    for (const row of rows) {
      const links = batch.byId.get(ivoid(row))!
      expect(links.map((l) => l.semantics)).toEqual(['#this', '#preview'])
      expect(links[0]!.accessUrl).toBe(`s3://nasa-heasarc/${h.emu.rows[row]!.key}`)
    }
    expect(batch.errors).toEqual([])
    expect(batch.missing).toEqual([])
    expect(batch.fellBack).toBe(false)
  })
})

test('a service that answers fewer IDs than asked is asked again for the rest', async () => {
  const limited = await startHarness({ rows: 120, datalinkLimit: 30 })
  try {
    const all = await limited.api.sia2({ collection: 'chanmaster' })
    const batch = await limited.api.datalinksBatch(all, undefined, { batchSize: 50 })
    expect(batch.byId.size).toBe(120)
    expect(batch.missing).toEqual([])
    expect(batch.responses.map((r) => r.byId.size)).toEqual([30, 30, 30, 30])
  } finally {
    await limited.close()
  }
})

describe('cloud access and downloads', () => {
  test('cloud_access cells: objects, lists, keys with a leading slash, empty cells', () => {
    const cells = results.table.values('cloud_access')!
    const parsed = cells.map(parseCloudAccess)
    expect(parsed.filter((p) => p.length === 0)).toHaveLength(cells.filter((c) => c === null).length)
    for (const [i, locations] of parsed.entries()) {
      if (!locations.length) continue
      expect(locations).toEqual([
        {
          cloud: 'aws',
          bucket: 'nasa-heasarc',
          key: h.emu.rows[i]!.key,
          region: 'us-east-1',
          access: 'open',
          url: `s3://nasa-heasarc/${h.emu.rows[i]!.key}`,
        },
      ])
    }
    expect(cells.some((c) => typeof c === 'string' && c.startsWith('['))).toBe(true)
    expect(cells.some((c) => typeof c === 'string' && c.includes('"key":"/'))).toBe(true)
    expect(parseCloudAccess('not json')).toEqual([])
  })

  test('#this links download from S3 (aws:us-east1) and from https (main-server), bytes as served', async () => {
    for (const source of ['aws:us-east1', 'main-server']) {
      const batch = await h.api.datalinksBatch(results, [0, 1, 2], { source })
      const files = h.api.linkFiles(batch, { dataset: 'chanmaster' })
      expect(files.map((f) => new URL(f.url).protocol)).toEqual(
        Array(3).fill(source === 'main-server' ? 'http:' : 's3:'),
      )
      const run = await download(files, { outDir: join(outDir, source), context: h.hk.context })
      expect(run.failed).toEqual([])
      expect(run.downloaded).toHaveLength(3)
      for (const outcome of run.downloaded) {
        const key = h.emu.rows.find((r) => outcome.file.url.endsWith(r.key))!.key
        expect(new Uint8Array(await readFile(outcome.localPath))).toEqual(h.emu.expectedBytes(key))
      }
    }
  })

  test('rows as DataFiles: cloud_access s3:// preferred, https kept as the mirror', async () => {
    const files = h.api.files(results, { preferCloud: true }).slice(0, 10)
    const first = files[0]!
    expect(first).toMatchObject({
      provider: 'vo',
      dataset: 'chanmaster',
      url: `s3://nasa-heasarc/${h.emu.rows[0]!.key}`,
      path: `nasa-heasarc/${h.emu.rows[0]!.key}`,
      size: h.emu.expectedBytes(h.emu.rows[0]!.key).length,
      start: new Date(Date.UTC(2000, 0, 1, 6)),
    })
    expect(first.mirrors).toEqual([`${h.emu.url}/data/${h.emu.rows[0]!.key}`])
    expect(files[4]!.url.startsWith('http:')).toBe(true)
    const run = await download(files, { outDir: join(outDir, 'rows'), context: h.hk.context })
    expect(run.files.downloaded).toBe(10)
    expect(run.downloaded.every((o) => o.mirror === undefined)).toBe(true)
  })

  test('without an S3 transport, cloud_access s3:// files download from their https mirror', async () => {
    const files = h.api
      .files(results, { preferCloud: true })
      .filter((f) => f.url.startsWith('s3:'))
      .slice(0, 3)
    expect(files).toHaveLength(3)
    expect(files.every((f) => f.mirrors?.[0]?.startsWith('http:'))).toBe(true)
    const run = await download(files, {
      outDir: join(outDir, 'https-only'),
      transports: [createHttpTransport()],
    })
    expect(run.failed).toEqual([])
    for (const outcome of run.downloaded) {
      expect(outcome.mirror).toBe(outcome.file.mirrors![0])
      const key = h.emu.rows.find((r) => outcome.file.url.endsWith(r.key))!.key
      expect(new Uint8Array(await readFile(outcome.localPath))).toEqual(h.emu.expectedBytes(key))
    }
  })
})
