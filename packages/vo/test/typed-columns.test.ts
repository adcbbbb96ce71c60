import { describe, expect, test } from 'vitest'
import {
  parseVotable,
  readVotable,
  type VotableEncoding,
  VotableError,
  type VotableFieldInit,
  type VotableValue,
  writeVotable,
} from '../src/index.ts'

const encodings: VotableEncoding[] = ['TABLEDATA', 'BINARY', 'BINARY2']

// More rows than the store starts with, so the columns and their null flags grow while nulls arrive.
const rows = 5000
const fields: VotableFieldInit[] = [
  { name: 'd', datatype: 'double' },
  { name: 'f', datatype: 'float' },
  { name: 'i', datatype: 'int', nullValue: '-1' },
  { name: 's', datatype: 'short', nullValue: '-1' },
  { name: 'b', datatype: 'unsignedByte', nullValue: '255' },
  { name: 'l', datatype: 'long', nullValue: '-9223372036854775808' },
  { name: 'flag', datatype: 'boolean' },
  { name: 'name', datatype: 'char', arraysize: '*' },
]
const isNullRow = (r: number) => r % 1777 === 1500
const columns: VotableValue[][] = [
  Array.from({ length: rows }, (_, r) => (isNullRow(r) ? null : r / 8 - 100)),
  Array.from({ length: rows }, (_, r) => (isNullRow(r) ? null : Math.fround(r / 3))),
  Array.from({ length: rows }, (_, r) => (isNullRow(r) ? null : r * 400_000 - 2_000_000_000)),
  Array.from({ length: rows }, (_, r) => (isNullRow(r) ? null : r * 7 - 20001)),
  Array.from({ length: rows }, (_, r) => (isNullRow(r) ? null : r % 255)),
  Array.from({ length: rows }, (_, r) =>
    isNullRow(r) ? null : r % 2 ? BigInt(r) * 1_000_000_000_000_001n : -BigInt(r) * 1_000_000_007n,
  ),
  Array.from({ length: rows }, (_, r) => (isNullRow(r) ? null : r % 3 === 0)),
  Array.from({ length: rows }, (_, r) => (isNullRow(r) ? null : `n${r}`)),
]
const nullRows = Array.from({ length: rows }, (_, r) => r).filter(isNullRow)

describe('typed columns', () => {
  test.each(encodings)(
    '%s: numeric scalars are typed arrays, integer nulls flagged, float nulls NaN',
    async (encoding) => {
      const bytes = new TextEncoder().encode(writeVotable({ name: 't', fields, columns }, { encoding }))
      const pieces = Array.from({ length: Math.ceil(bytes.length / 997) }, (_, i) =>
        bytes.subarray(i * 997, (i + 1) * 997),
      )
      const table = (
        await readVotable(
          (async function* () {
            yield* pieces
          })(),
        )
      ).tables[0]!
      expect(table.rowCount).toBe(rows)
      const [d, f, i, s, b, l, flag, name] = table.columns
      expect(d).toBeInstanceOf(Float64Array)
      expect(f).toBeInstanceOf(Float32Array)
      expect(i).toBeInstanceOf(Int32Array)
      expect(s).toBeInstanceOf(Int16Array)
      expect(b).toBeInstanceOf(Uint8Array)
      expect(l).toBeInstanceOf(BigInt64Array)
      expect(Array.isArray(flag) && Array.isArray(name)).toBe(true)
      for (const column of table.columns) expect(column.length).toBe(rows)
      for (const r of nullRows) {
        expect(d![r]).toBeNaN()
        expect(f![r]).toBeNaN()
        for (const c of [2, 3, 4, 5]) {
          expect(table.nulls[c]![r]).toBe(1)
          expect(table.columns[c]![r]).toBe(c === 5 ? 0n : 0)
        }
        expect(Object.values(table.row(r)).every((v) => v === null)).toBe(true)
      }
      for (const c of [2, 3, 4, 5])
        expect([c, table.nulls[c]!.reduce((a, v) => a + v, 0)]).toEqual([c, nullRows.length])
      expect(table.nulls[0]).toBeUndefined()
      expect(table.nulls[6]).toBeUndefined()
      expect(l![4999]).toBe(4999n * 1_000_000_000_000_001n)
      expect(l![4998]).toBe(-4998n * 1_000_000_007n)
      fields.forEach((field, c) => {
        expect(table.values(field.name)).toEqual(columns[c])
      })
    },
  )

  test('a table without data has empty typed columns', () => {
    const doc = parseVotable(`<VOTABLE version="1.4"><RESOURCE><TABLE><FIELD name="x" datatype="int"/>
      <FIELD name="y" datatype="char" arraysize="*"/></TABLE></RESOURCE></VOTABLE>`)
    expect(doc.tables[0]!.columns).toEqual([new Int32Array(0), []])
    expect(doc.tables[0]!.nulls).toEqual([undefined, undefined])
  })

  test.each([
    ['short', '40000'],
    ['unsignedByte', '-1'],
    ['int', '3000000000'],
  ])(
    'a TABLEDATA %s of %s is out of range: a VotableError naming the table, row and column',
    (datatype, text) => {
      const doc = `<VOTABLE version="1.4"><RESOURCE><TABLE name="t"><FIELD name="x" datatype="${datatype}"/>
      <DATA><TABLEDATA><TR><TD>1</TD></TR><TR><TD>${text}</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>`
      expect(() => parseVotable(doc)).toThrow(VotableError)
      expect(() => parseVotable(doc)).toThrow(/t.*row 1.*"x".*out of range/s)
    },
  )
})
