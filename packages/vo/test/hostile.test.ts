import { ErrorCode } from '@heliokit/core'
import { describe, expect, test } from 'vitest'
import { parseVotable, readVotable, VotableError, writeVotable } from '../src/index.ts'
import { document, TWO_FIELDS } from './helpers/documents.ts'

function failure(input: string): VotableError {
  try {
    parseVotable(input)
  } catch (error) {
    expect(error).toBeInstanceOf(VotableError)
    const e = error as VotableError
    expect(e.code).toBe(ErrorCode.BAD_RESPONSE)
    expect(e.provider).toBe('vo')
    expect(e.message.startsWith('[heliokit] [vo] VOTable')).toBe(true)
    // The same document as bytes (base64 read without making text of it) fails the same way.
    expect(() => parseVotable(new TextEncoder().encode(input))).toThrow(e.message)
    return e
  }
  throw new Error('parsed without error')
}

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `<TR><TD>${i}</TD><TD>r${i}</TD></TR>`).join('')
const binary2 = writeVotable(
  {
    name: 'bin',
    fields: [
      { name: 'a', datatype: 'int' },
      { name: 'b', datatype: 'char', arraysize: '*' },
    ],
    columns: [
      [1, 2, 3],
      ['x', 'yy', 'zzz'],
    ],
  },
  { encoding: 'BINARY2' },
)

describe('hostile and broken documents raise VotableError naming the table and row', () => {
  test('an entity bomb (DOCTYPE with ENTITY declarations) is refused before any expansion', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE VOTABLE [<!ENTITY a "aaaaaaaaaa">${Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`,
    ).join('')}]>${document(TWO_FIELDS, '<TABLEDATA><TR><TD>1</TD><TD>&j;</TD></TR></TABLEDATA>')}`
    expect(failure(bomb).message).toMatch(/declares entities/)
  })

  test('an entity that is not one of the five XML ones is refused', () => {
    const e = failure(
      document(TWO_FIELDS, `<TABLEDATA>${rows(3)}<TR><TD>1</TD><TD>&nbsp;</TD></TR></TABLEDATA>`),
    )
    expect([e.table, e.row]).toEqual(['sample', 3])
    expect(e.message).toMatch(/unknown entity &nbsp;/)
  })

  test('a document cut inside TABLEDATA names the table and the row reached', () => {
    const full = document(TWO_FIELDS, `<TABLEDATA>${rows(5)}</TABLEDATA>`)
    const e = failure(full.slice(0, full.indexOf('<TR><TD>3')))
    expect([e.table, e.row]).toEqual(['sample', 3])
    expect(e.message).toMatch(/truncated/)
  })

  test('a document cut inside BINARY2 data names the table', () => {
    const cut = binary2.slice(0, binary2.indexOf('</STREAM>') - 4)
    const e = failure(cut)
    expect(e.table).toBe('bin')
    expect(e.message).toMatch(/truncated/)
  })

  test('a BINARY2 stream ending part-way through a row names the row', () => {
    const data = binary2.match(/<STREAM encoding="base64">([^<]*)</)![1]!.trim()
    const short = binary2.replace(data, btoa(atob(data).slice(0, -2)))
    const e = failure(short)
    expect([e.table, e.row]).toEqual(['bin', 2])
    expect(e.message).toMatch(/part-way through a row/)
  })

  test('a document cut outside the data is malformed XML', () => {
    const full = document(TWO_FIELDS, `<TABLEDATA>${rows(2)}</TABLEDATA>`)
    expect(failure(full.slice(0, full.indexOf('</RESOURCE>'))).message).toMatch(/not well-formed XML/)
  })

  test('wrong base64 names the table and row', () => {
    const bad = binary2.replace(/<STREAM encoding="base64">\s*(.{8})/, '<STREAM encoding="base64">$1!')
    const e = failure(bad)
    expect([e.table, e.row]).toEqual(['bin', 0])
    expect(e.message).toMatch(/invalid base64 character "!"/)
  })

  test('more or fewer TDs than FIELDs name the table and row', () => {
    const extra = failure(
      document(TWO_FIELDS, `<TABLEDATA>${rows(2)}<TR><TD>1</TD><TD>x</TD><TD>y</TD></TR></TABLEDATA>`),
    )
    expect([extra.table, extra.row]).toEqual(['sample', 2])
    expect(extra.message).toMatch(/more TD cells than the 2 FIELDs/)
    const fewer = failure(document(TWO_FIELDS, `<TABLEDATA><TR><TD>1</TD></TR></TABLEDATA>`, 'short'))
    expect([fewer.table, fewer.row]).toEqual(['short', 0])
    expect(fewer.message).toMatch(/1 TD cells but 2 FIELDs/)
  })

  test('a cell that does not fit its datatype names table, row and column', () => {
    const e = failure(
      document(TWO_FIELDS, `<TABLEDATA>${rows(4)}<TR><TD>4.5</TD><TD>x</TD></TR></TABLEDATA>`),
    )
    expect([e.table, e.row]).toEqual(['sample', 4])
    expect(e.message).toMatch(/column "a": "4.5" is not an integer/)
  })

  test('a STREAM with an href says external data is not supported', () => {
    const e = failure(document(TWO_FIELDS, '<BINARY2><STREAM href="http://example.com/data.bin"/></BINARY2>'))
    expect(e.table).toBe('sample')
    expect(e.message).toMatch(/STREAM href="http:\/\/example.com\/data.bin".*not supported/)
  })

  test('FITS data, unknown datatypes and non-VOTable documents are refused', () => {
    expect(failure(document(TWO_FIELDS, '<FITS><STREAM href="x.fits"/></FITS>')).message).toMatch(/FITS/)
    expect(failure(document('<FIELD name="a" datatype="int128"/>', '')).message).toMatch(/datatype "int128"/)
    expect(failure('<html><body>Service down</body></html>').message).toMatch(/root element is html/)
  })
})

describe('errors outside the document carry provider vo', () => {
  test('a row index out of range is INVALID_INPUT; a failing source is a HeliokitError', async () => {
    const table = parseVotable(document(TWO_FIELDS, `<TABLEDATA>${rows(2)}</TABLEDATA>`)).tables[0]!
    expect(() => table.row(2)).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT, provider: 'vo' }),
    )
    const failing = (async function* () {
      yield new TextEncoder().encode('<VOTABLE>')
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })
    })()
    await expect(readVotable(failing)).rejects.toMatchObject({ code: ErrorCode.INTERNAL, provider: 'vo' })
  })
})
