import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseVotable, readVotable, VotableError } from '../src/index.ts'
import { document } from './helpers/documents.ts'

const FIELDS =
  '<FIELD name="d" datatype="double"/><FIELD name="f" datatype="float"/>' +
  '<FIELD name="i" datatype="int"/><FIELD name="l" datatype="long"/>'

/** A TABLEDATA document with one row per [double, float, int, long] cell text. */
function table(rows: readonly (readonly string[])[]): string {
  const trs = rows.map((cells) => `<TR>${cells.map((c) => `<TD>${c}</TD>`).join('')}</TR>`).join('\n')
  return document(FIELDS, `<TABLEDATA>\n${trs}\n</TABLEDATA>`, 'numbers')
}

/** The same decimal written in the ways writers do: shortest, fixed digits, exponent, padded, signed. */
const decimalText = fc
  .tuple(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 1, max: 21 }),
    fc.constantFrom('string', 'precision', 'exponential', 'padded', 'plus'),
  )
  .map(([v, digits, style]) => {
    switch (style) {
      case 'precision':
        return v.toPrecision(digits)
      case 'exponential':
        return v.toExponential(Math.min(digits, 20)).replace('e+', 'E')
      case 'padded':
        return v < 0 ? `-00${-v}` : `00${v}`
      case 'plus':
        return v < 0 ? String(v) : `+${v}`
      default:
        return String(v)
    }
  })

/** Decimals of 16 to 19 significant digits near and at halfway points between doubles. */
const longDecimal = fc
  .tuple(fc.bigInt({ min: 10n ** 15n, max: 10n ** 19n - 1n }), fc.integer({ min: -30, max: 25 }))
  .map(([digits, scale]) => `${digits}e${scale}`)

const integerText = fc.oneof(
  fc.integer({ min: -2147483648, max: 2147483647 }).map(String),
  fc.integer({ min: 0, max: 99999 }).map((n) => `+000${n}`),
)

const longText = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
  fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }).map(String),
)

describe('TABLEDATA numbers read from the bytes', () => {
  test('doubles, floats, ints and longs equal what Number and BigInt make of the same text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(decimalText, longDecimal), decimalText, integerText, longText), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, size) => {
          const bytes = new TextEncoder().encode(table(rows))
          const pieces: Uint8Array[] = []
          for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size))
          for (const doc of [
            parseVotable(bytes),
            await readVotable(
              (async function* () {
                yield* pieces
              })(),
            ),
          ]) {
            const t = doc.tables[0]!
            expect(Array.from(t.column('d')!)).toEqual(rows.map((r) => Number(r[0])))
            expect(Array.from(t.column('f')!)).toEqual(rows.map((r) => Math.fround(Number(r[1]))))
            expect(Array.from(t.column('i')!)).toEqual(rows.map((r) => Number(r[2])))
            expect(Array.from(t.column('l')!)).toEqual(rows.map((r) => BigInt(r[3])))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  test('signed zeros, exact halfway cases and long digit strings round as Number does', () => {
    const texts = [
      '0',
      '-0',
      '-0.0',
      '.5',
      '-.5e1',
      '5.',
      '9007199254740993',
      '9007199254740993.0',
      '0.30000000000000004',
      '1.7976931348623157e308',
      '4.9406564584124654e-324',
      '123456789012345678901234567890',
      '0.000000000000000000000000001',
      '2.2250738585072011e-308',
      '1e22',
      '1e23',
      ' 7.25 ',
      'NaN',
      '-Infinity',
    ]
    const t = parseVotable(table(texts.map((d) => [d, '1', '1', '1']))).tables[0]!
    const read = Array.from(t.column('d')!)
    texts.forEach((text, r) => {
      const expected = text === 'NaN' ? Number.NaN : Number(text)
      expect([text, Object.is(read[r], expected)]).toEqual([text, true])
    })
  })

  test('a number followed by other text, or an int out of its range, is an error naming the column and row', () => {
    const garbage = table([
      ['1.5', '1', '1', '1'],
      ['2.5x', '1', '1', '1'],
    ])
    expect(() => parseVotable(garbage)).toThrow(VotableError)
    expect(() => parseVotable(garbage)).toThrow(/row 1.*column "d"|column "d".*row 1|"2\.5x"/)
    const outOfRange = table([['1', '1', '2147483648', '1']])
    expect(() => parseVotable(outOfRange)).toThrow(/2147483648 is out of range/)
  })
})

describe('TABLEDATA longer than a piece', () => {
  test('text input is read a piece at a time, a surrogate pair at a piece boundary kept whole', () => {
    const names = Array.from({ length: 1200 }, (_, r) => `${'😀'.repeat(r % 40)}r${r}é`)
    // Pads the first name until a surrogate pair straddles the first 64 KiB boundary of the data's text.
    for (let pad = 0; pad < 400; pad++) {
      const rows = [`${'x'.repeat(pad)}${names[0]}`, ...names.slice(1)]
      const text = document(
        '<FIELD name="s" datatype="unicodeChar" arraysize="*"/><FIELD name="n" datatype="int"/>',
        `<TABLEDATA>${rows.map((s, r) => `<TR><TD>${s}</TD><TD>${r}</TD></TR>`).join('\n')}</TABLEDATA>`,
      )
      const boundary = text.indexOf('<TABLEDATA>') + 11 + 65536
      const code = text.charCodeAt(boundary - 1)
      if (code < 0xd800 || code > 0xdbff) continue
      for (const input of [text, new TextEncoder().encode(text)]) {
        const table = parseVotable(input).tables[0]!
        expect(table.column('s')).toEqual(rows)
        expect(Array.from(table.column('n')!)).toEqual(rows.map((_, r) => r))
      }
      return
    }
    throw new Error('no padding put a surrogate pair on the boundary')
  })
})
