import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ErrorCode, isHeliokitError } from '@heliokit/core'
import { afterAll, describe, expect, test } from 'vitest'
import { parseVotable, readVotableFile, type VotableDocument, VotableError } from '../src/votable/node.ts'
import { READ_SIZE } from '../src/votable/read-votable-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'heliokit-vo-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const encoder = new TextEncoder()
let files = 0

/** Writes a file of the temporary folder; returns its path. */
function file(content: string | Uint8Array): string {
  const path = join(dir, `table-${files++}.vot`)
  writeFileSync(path, content)
  return path
}

const FIELDS = `<FIELD name="id" datatype="int"/><FIELD name="x" datatype="double"/>
<FIELD name="name" datatype="char" arraysize="*"/><FIELD name="label" datatype="unicodeChar" arraysize="*"/>
<FIELD name="big" datatype="long"><VALUES null="-1"/></FIELD>`

const row = (i: number): string =>
  `<TR><TD>${i}</TD><TD>${(i * Math.PI).toPrecision(17)}</TD><TD>${i % 7 === 0 ? '' : `J${i}+&amp;`}</TD>` +
  `<TD>é${i}ü</TD><TD>${i % 5 === 0 ? -1 : 2n ** 60n + BigInt(i)}</TD></TR>\n`

/** A TABLEDATA document of `count` rows (about 100 bytes each), with `pad` bytes in a comment before the table. */
function table(count: number, pad = 0, rows: (i: number) => string = row): string {
  return `<?xml version="1.0"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><!--${'p'.repeat(pad)}-->
<RESOURCE type="results"><TABLE name="big">${FIELDS}<DATA><TABLEDATA>
${Array.from({ length: count }, (_, i) => rows(i)).join('')}</TABLEDATA></DATA></TABLE></RESOURCE>
<INFO name="QUERY_STATUS" value="OK">done, ünïcode after the data</INFO></VOTABLE>`
}

/** Every column of every table, as values: what a reader of the file sees. */
const values = (doc: VotableDocument) =>
  doc.tables.map((t) => ({ rows: t.rowCount, columns: t.fields.map((f) => t.values(f.name)) }))

async function failure(promise: Promise<unknown>): Promise<Error & { code: string; provider?: string }> {
  try {
    await promise
  } catch (error) {
    expect(isHeliokitError(error)).toBe(true)
    return error as Error & { code: string; provider?: string }
  }
  throw new Error('read without error')
}

const openFiles = () => readdirSync('/proc/self/fd').length

describe('readVotableFile', () => {
  test('reads a file of several pieces: the values equal parseVotable of its bytes', async () => {
    const text = table(30_000)
    const bytes = encoder.encode(text)
    expect(bytes.length).toBeGreaterThan(2 * READ_SIZE)
    const doc = await readVotableFile(file(text))
    const t = doc.tables[0]!
    expect(t.rowCount).toBe(30_000)
    expect(t.row(29_999)).toEqual({
      id: 29_999,
      x: Number((29_999 * Math.PI).toPrecision(17)),
      name: 'J29999+&',
      label: 'é29999ü',
      big: 2n ** 60n + 29_999n,
    })
    expect(t.row(35)).toMatchObject({ name: null, big: null })
    expect(t.column('x')).toBeInstanceOf(Float64Array)
    expect(doc.infos.at(-1)?.content).toBe('done, ünïcode after the data')
    expect(values(doc)).toEqual(values(parseVotable(bytes)))
  })

  test('the columns are sized once from the file size, not grown by doubling', async () => {
    const t = (await readVotableFile(file(table(20_000)))).tables[0]!
    // Doubling from 1,024 rows would leave room for 32,768; a column is a view of at most its buffer.
    expect((t.column('x') as Float64Array).buffer.byteLength).toBeLessThan(1.2 * 20_000 * 8)
    expect((t.column('big') as BigInt64Array).buffer.byteLength).toBeLessThan(1.2 * 20_000 * 8)
  })

  test('a small table, then two large ones: each read whole, the first sized from the file it does not fill', async () => {
    const data = (name: string, count: number) =>
      `<TABLE name="${name}">${FIELDS}<DATA><TABLEDATA>\n${Array.from({ length: count }, (_, i) => row(i)).join('')}</TABLEDATA></DATA></TABLE>`
    const text = `<?xml version="1.0"?>
<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
${data('small', 100)}${data('first', 20_000)}${data('second', 15_000)}</RESOURCE></VOTABLE>`
    const bytes = encoder.encode(text)
    const doc = await readVotableFile(file(bytes))
    expect(doc.tables.map((t) => [t.name, t.rowCount])).toEqual([
      ['small', 100],
      ['first', 20_000],
      ['second', 15_000],
    ])
    expect(doc.tables[2]!.row(14_999)).toMatchObject({ id: 14_999, label: 'é14999ü' })
    expect(values(doc)).toEqual(values(parseVotable(bytes)))
  })

  test('reads a shared fixture from disk, by path and by file: URL', async () => {
    const path = fileURLToPath(new URL('./fixtures/pyvo-sia2-dataset.xml', import.meta.url))
    const doc = await readVotableFile(path)
    expect(doc.tables[0]!.row(0).s_ra).toBe(253.0637009871805)
    expect(values(await readVotableFile(pathToFileURL(path)))).toEqual(values(doc))
  })

  // The first piece ends READ_SIZE bytes in; a comment before the table moves that place into each token.
  const base = Buffer.from(table(12_000))
  test.each([
    ['a number', '<TD>3', 5],
    ['a two-byte UTF-8 character', '<TD>é', 5],
    ['a closing </TD>', '</TD><TD>é', 3],
    ['a closing </TR>', '</TR>', 2],
    ['an opening <TR>', '<TR>', 2],
  ])('a piece that ends inside %s', async (_, token, into) => {
    const pad = READ_SIZE - base.lastIndexOf(token, READ_SIZE - 200) - into
    const text = table(12_000, pad)
    const bytes = encoder.encode(text)
    // The piece's last byte and the next one are both inside the token.
    const cut = new TextDecoder().decode(
      bytes.subarray(READ_SIZE - into, READ_SIZE - into + token.length + 2),
    )
    expect(cut.startsWith(token)).toBe(true)
    expect(values(await readVotableFile(file(bytes)))).toEqual(values(parseVotable(bytes)))
  })

  test('a BINARY2 file of several pieces (base64 cut between them) reads as its TABLEDATA twin', async () => {
    const doc = parseVotable(table(20_000))
    const { writeVotable } = await import('../src/votable/node.ts')
    const t = doc.tables[0]!
    const binary = writeVotable(
      {
        name: 'big',
        fields: t.fields.map((f) => ({
          name: f.name,
          datatype: f.datatype,
          ...(f.arraysize ? { arraysize: f.arraysize } : {}),
          ...(f.name === 'big' ? { nullValue: '-1' } : {}),
        })),
        columns: t.fields.map((f) => t.values(f.name)!),
      },
      { encoding: 'BINARY2' },
    )
    expect(binary.length).toBeGreaterThan(READ_SIZE)
    expect(values(await readVotableFile(file(binary)))).toEqual(values(doc))
  })

  test('a bad cell far into the file is a VotableError naming the table, row and column', async () => {
    const text = table(20_000, 0, (i) =>
      i === 15_000 ? row(i).replace('<TD>15000</TD>', '<TD>x15</TD>') : row(i),
    )
    const error = await failure(readVotableFile(file(text)))
    expect(error).toBeInstanceOf(VotableError)
    expect(error).toMatchObject({ code: ErrorCode.BAD_RESPONSE, provider: 'vo', table: 'big', row: 15_000 })
    expect(error.message).toMatch(/^\[heliokit\] \[vo\] VOTable table big row 15000: column "id"/)
  })

  test('a file cut inside the data is a VotableError for a truncated document', async () => {
    const bytes = encoder.encode(table(20_000))
    const error = await failure(readVotableFile(file(bytes.subarray(0, READ_SIZE + 1234))))
    expect(error).toBeInstanceOf(VotableError)
    expect(error.message).toContain('truncated')
  })

  test('an aborted signal stops the read with ABORTED; the file is closed', async () => {
    const path = file(table(30_000))
    const before = openFiles()
    const controller = new AbortController()
    const reading = readVotableFile(path, { signal: controller.signal })
    // Aborted once the file is open and its first piece on the way.
    controller.abort()
    const error = await failure(reading)
    expect(error).toMatchObject({ code: ErrorCode.ABORTED, provider: 'vo' })
    expect(openFiles()).toBe(before)

    const already = await failure(readVotableFile(path, { signal: AbortSignal.abort() }))
    expect(already.code).toBe(ErrorCode.ABORTED)
  })

  test('a missing file is NOT_FOUND naming the path; a folder or an empty path is INVALID_INPUT', async () => {
    const missing = join(dir, 'nope.vot')
    const error = await failure(readVotableFile(missing))
    expect(error).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'vo' })
    expect(error.message).toBe(`[heliokit] [vo] no VOTable file at ${JSON.stringify(missing)}`)

    const folder = join(dir, 'folder')
    mkdirSync(folder)
    expect(await failure(readVotableFile(folder))).toMatchObject({
      code: ErrorCode.INVALID_INPUT,
      provider: 'vo',
    })
    expect(await failure(readVotableFile(''))).toMatchObject({
      code: ErrorCode.INVALID_INPUT,
      provider: 'vo',
    })
  })
})
