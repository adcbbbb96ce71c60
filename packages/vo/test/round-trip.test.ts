import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  parseVotable,
  readVotable,
  type VotableEncoding,
  type VotableFieldInit,
  type VotableValue,
  writeVotable,
} from '../src/index.ts'

interface Column {
  readonly field: VotableFieldInit
  readonly value: fc.Arbitrary<VotableValue>
}

const nullable = <T extends VotableValue>(arb: fc.Arbitrary<T>): fc.Arbitrary<VotableValue> =>
  fc.option(arb, { nil: null, freq: 5 })
const f32 = fc.float({ noNaN: true, noDefaultInfinity: false }).filter((v) => !Object.is(v, -0))
const f64 = fc.double({ noNaN: true }).filter((v) => !Object.is(v, -0))
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() === s && !s.includes('\0'))

// Every datatype, scalar and array, fixed and variable; ints carry a VALUES null so BINARY can hold nulls.
const columns: readonly Column[] = [
  { field: { name: 'flag', datatype: 'boolean' }, value: nullable(fc.boolean()) },
  {
    field: { name: 'bits', datatype: 'bit', arraysize: '*' },
    value: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
  },
  {
    field: { name: 'byte', datatype: 'unsignedByte', nullValue: '255' },
    value: nullable(fc.integer({ min: 0, max: 254 })),
  },
  {
    field: { name: 'short', datatype: 'short', nullValue: '-32768' },
    value: nullable(fc.integer({ min: -32767, max: 32767 })),
  },
  {
    field: { name: 'int', datatype: 'int', nullValue: '-2147483648' },
    value: nullable(fc.integer({ min: -2147483647 })),
  },
  {
    field: { name: 'long', id: 'long_id', datatype: 'long', nullValue: '-9223372036854775808' },
    value: nullable(fc.bigInt({ min: -(2n ** 63n) + 1n, max: 2n ** 63n - 1n })),
  },
  { field: { name: 'float', datatype: 'float' }, value: nullable(f32) },
  { field: { name: 'double', datatype: 'double', unit: 'deg', ucd: 'pos.eq.ra' }, value: nullable(f64) },
  {
    field: { name: 'cplx', datatype: 'doubleComplex' },
    value: fc.record({ re: f64, im: f64 }),
  },
  {
    field: { name: 'text', datatype: 'char', arraysize: '*' },
    value: nullable(text.filter((s) => /^[\x20-\x7e]+$/.test(s))),
  },
  {
    field: { name: 'utf', datatype: 'unicodeChar', arraysize: '*' },
    value: nullable(text.filter((s) => /^[\u0020-\ud7ff]+$/.test(s))),
  },
  {
    field: { name: 'ints3', datatype: 'int', arraysize: '3' },
    value: fc.array(fc.integer(), { minLength: 3, maxLength: 3 }).map((a) => Int32Array.from(a)),
  },
  {
    field: { name: 'doubles', datatype: 'double', arraysize: '2x*' },
    value: fc
      .array(f64, { minLength: 2, maxLength: 8 })
      .map((a) => Float64Array.from(a.slice(0, a.length & ~1))),
  },
  {
    field: { name: 'shorts', datatype: 'short', arraysize: '*' },
    value: fc
      .array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 5 })
      .map((a) => Int16Array.from(a)),
  },
  {
    field: { name: 'floats', datatype: 'float', arraysize: '*' },
    value: fc.array(f32, { minLength: 1, maxLength: 5 }).map((a) => Float32Array.from(a)),
  },
  {
    field: { name: 'longs', datatype: 'long', arraysize: '2' },
    value: fc
      .array(fc.bigInt64Array({ minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 1 })
      .map((a) => a[0]!),
  },
]

const table = fc
  .tuple(fc.subarray([...columns], { minLength: 1 }), fc.integer({ min: 0, max: 12 }))
  .chain(([chosen, rows]) =>
    fc
      .tuple(...chosen.map((c) => fc.array(c.value, { minLength: rows, maxLength: rows })))
      .map((values) => ({ fields: chosen.map((c) => c.field), columns: values })),
  )

const encodings: VotableEncoding[] = ['TABLEDATA', 'BINARY', 'BINARY2']

describe('round trip through the writers', () => {
  test.each(encodings)('%s: every generated table reads back value for value', (encoding) => {
    fc.assert(
      fc.property(table, (t) => {
        // BINARY has no null for booleans-as-bytes other than '?', nor for chars other than empty: same as null here.
        const doc = parseVotable(writeVotable({ name: 'generated', ...t }, { encoding }))
        const parsed = doc.tables[0]!
        expect(parsed.name).toBe('generated')
        expect(parsed.encoding).toBe(encoding)
        expect(parsed.fields.map((f) => f.name)).toEqual(t.fields.map((f) => f.name))
        expect(t.fields.map((f) => parsed.values(f.name))).toEqual(t.columns)
      }),
      { numRuns: 150 },
    )
  })

  test.each(encodings)(
    '%s: read from a stream cut at random places gives the same table',
    async (encoding) => {
      await fc.assert(
        fc.asyncProperty(
          table,
          fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }),
          async (t, cuts) => {
            const bytes = new TextEncoder().encode(writeVotable(t, { encoding }))
            const pieces: Uint8Array[] = []
            for (let at = 0, i = 0; at < bytes.length; i++) {
              const size = cuts[i % cuts.length]!
              pieces.push(bytes.subarray(at, at + size))
              at += size
            }
            const doc = await readVotable(
              (async function* () {
                yield* pieces
              })(),
            )
            expect(t.fields.map((f) => doc.tables[0]!.values(f.name))).toEqual(t.columns)
          },
        ),
        { numRuns: 60 },
      )
    },
  )
})

describe('readVotable sources', () => {
  const doc = writeVotable(
    { name: 'web', fields: [{ name: 'x', datatype: 'double' }], columns: [[1.5, null, -2]] },
    { encoding: 'BINARY2' },
  )

  test('a web ReadableStream of bytes', async () => {
    const bytes = new TextEncoder().encode(doc)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.subarray(at, at + 7))
        controller.close()
      },
    })
    expect((await readVotable(stream)).tables[0]!.values('x')).toEqual([1.5, null, -2])
  })

  test('multi-byte UTF-8 split between pieces at every place reads back exactly', async () => {
    const names = ['café', 'naïve €5', 'plain', '日本', 'x']
    const text = writeVotable(
      { name: 'utf8', fields: [{ name: 's', datatype: 'char', arraysize: '*' }], columns: [names] },
      { encoding: 'TABLEDATA' },
    )
    const bytes = new TextEncoder().encode(text)
    for (const size of [1, 2, 3, 5, 64]) {
      const pieces: Uint8Array[] = []
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size))
      const read = await readVotable(
        (async function* () {
          yield* pieces
        })(),
      )
      expect(read.tables[0]!.column('s')).toEqual(names)
    }
  })

  test('an aborted signal stops the read with ABORTED from provider vo', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      readVotable(
        (async function* () {
          yield doc
        })(),
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({
      code: 'ABORTED',
      provider: 'vo',
    })
  })
})
