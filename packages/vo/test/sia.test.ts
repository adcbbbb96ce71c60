import { ErrorCode, isHeliokitError } from '@heliokit/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DalQueryError } from '../src/index.ts'
import { type Harness, startHarness } from './helpers/harness.ts'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.close())

async function error(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (e) {
    expect(isHeliokitError(e)).toBe(true)
    return e as import('@heliokit/core').HeliokitError
  }
  throw new Error('did not fail')
}

describe('Sesame name resolution', () => {
  test('a known name resolves to ICRS degrees', async () => {
    expect(await h.api.resolve('NGC 4151')).toEqual({
      name: 'NGC 4151',
      ra: 182.6357364,
      dec: 39.4058434,
      resolver: 'Simbad',
    })
    expect(h.requests('/sesame/-ox/A?NGC%204151')).toHaveLength(1)
  })

  test('an unknown name is NOT_FOUND from provider vo', async () => {
    const e = await error(() => h.api.resolve('No Such Object 123'))
    expect([e.code, e.provider]).toEqual([ErrorCode.NOT_FOUND, 'vo'])
    expect(e.message).toContain('No Such Object 123')
  })
})

describe('SIA v1', () => {
  test('POS, SIZE, FORMAT, INTERSECT and VERB go on the wire; rows come back typed', async () => {
    const results = await h.api.sia({
      pos: { ra: 182.68, dec: 39.38 },
      size: 0.5,
      format: 'image/fits',
      intersect: 'overlaps',
      verbosity: 2,
    })
    const sent = h.requests('/sia?').at(-1)!.params
    expect(Object.fromEntries(sent)).toEqual({
      POS: '182.68,39.38',
      SIZE: '0.5',
      FORMAT: 'image/fits',
      INTERSECT: 'OVERLAPS',
      VERB: '2',
    })
    expect(results.overflow).toBe(false)
    expect(results.table.rowCount).toBeGreaterThan(10)
    for (const row of results.table.rows()) {
      expect(row.name).toBe('NGC 4151')
      expect(typeof row.obsid).toBe('number')
      expect(typeof row.access_estsize).toBe('bigint')
    }
    expect(results.datalink?.standardId).toBe('ivo://ivoa.net/std/DataLink#links-1.0')
  })

  test('an object name is resolved with Sesame first, then sent as coordinates', async () => {
    const before = h.requests('/sesame').length
    const results = await h.api.sia({ pos: 'M31', size: [0.4, 0.4] })
    expect(h.requests('/sesame').length).toBe(before + 1)
    expect(h.requests('/sia?').at(-1)!.params.get('POS')).toBe('10.6847083,41.26875')
    expect(new Set(results.table.column('name'))).toEqual(new Set(['M31']))
  })

  test('FORMAT=METADATA answers the columns and no rows', async () => {
    const results = await h.api.sia({ pos: { ra: 10, dec: 10 }, size: 1, format: 'metadata' })
    expect(results.table.rowCount).toBe(0)
    expect(results.table.fields.map((f) => f.name)).toContain('cloud_access')
  })

  test('bad input is INVALID_INPUT before any request', async () => {
    const before = h.emu.server.requests.length
    for (const query of [
      { pos: { ra: 400, dec: 0 }, size: 1 },
      { pos: { ra: 10, dec: 0 }, size: -1 },
      { pos: { ra: 10, dec: 0 }, size: 1, intersect: 'SOMETIMES' },
      { pos: '', size: 1 },
    ]) {
      const e = await error(() => h.api.sia(query as never))
      expect([e.code, e.provider]).toEqual([ErrorCode.INVALID_INPUT, 'vo'])
    }
    expect(h.emu.server.requests.length).toBe(before)
  })

  test('QUERY_STATUS ERROR raises DalQueryError with the service message', async () => {
    const e = await error(() => h.api.sia({ pos: { ra: 10, dec: 0 }, size: 1, params: { POS: 'nowhere' } }))
    expect(e).toBeInstanceOf(DalQueryError)
    expect([e.code, e.provider]).toEqual([ErrorCode.BAD_RESPONSE, 'vo'])
    expect((e as DalQueryError).serviceMessage).toBe('UsageFault: POS must be ra,dec')
  })
})

describe('SIA v2', () => {
  test('a circle around a name, TIME as MJD, INSTRUMENT, repeated values OR-ed', async () => {
    const results = await h.api.sia2({
      pos: { circle: 'NGC 4151', radius: 0.2 },
      time: ['2000-01-01', '2003-01-01T00:00'],
      instrument: ['ACIS-S', 'HRC-I'],
      collection: 'chanmaster',
    })
    const sent = h.requests('/sia2/query').at(-1)!.params
    expect(sent.get('POS')).toBe('CIRCLE 182.6357364 39.4058434 0.2')
    expect(sent.get('TIME')).toBe('51544 52640')
    expect(sent.getAll('INSTRUMENT')).toEqual(['ACIS-S', 'HRC-I'])
    expect(results.table.rowCount).toBeGreaterThan(5)
    for (const row of results.table.rows()) {
      expect(row.name).toBe('NGC 4151')
      expect(['ACIS-S', 'HRC-I']).toContain(row.detector)
      expect(row.time as number).toBeLessThanOrEqual(52640)
    }
  })

  test('RANGE and POLYGON shapes, BAND, POL, FACILITY, DPTYPE, CALIB, TARGET, FORMAT are formatted per the standard', async () => {
    await h.api.sia2({
      pos: [
        { range: { ra: [350, 351], dec: [58, 59] } },
        {
          polygon: [
            [10, 41],
            [11, 41],
            [11, 42],
          ],
        },
      ],
      band: [[-Infinity, 5e-7]],
      pol: 'I',
      facility: 'Chandra',
      dptype: 'image',
      calib: [1, 2],
      target: 'Cas A',
      format: 'application/fits',
    })
    const sent = h.requests('/sia2/query').at(-1)!.params
    expect(sent.getAll('POS')).toEqual(['RANGE 350 351 58 59', 'POLYGON 10 41 11 41 11 42'])
    expect(Object.fromEntries([...sent].filter(([k]) => k !== 'POS'))).toEqual({
      BAND: '-Inf 5e-7',
      POL: 'I',
      FACILITY: 'Chandra',
      DPTYPE: 'image',
      CALIB: '2',
      TARGET: 'Cas A',
      FORMAT: 'application/fits',
    })
    expect(sent.getAll('CALIB')).toEqual(['1', '2'])
  })

  test('MAXREC: the result is flagged as overflowing', async () => {
    const results = await h.api.sia2({ collection: 'chanmaster', maxrec: 7 })
    expect(results.table.rowCount).toBe(7)
    expect(results.overflow).toBe(true)
    expect(results.status).toEqual({ status: 'OVERFLOW', message: 'MAXREC reached' })
  })

  test('invalid shapes, intervals and times are INVALID_INPUT before any request', async () => {
    const before = h.emu.server.requests.length
    for (const query of [
      { pos: { circle: { ra: 10, dec: 0 }, radius: 0 } },
      { pos: { range: { ra: [20, 10], dec: [0, 1] } } },
      {
        pos: {
          polygon: [
            [1, 2],
            [3, 4],
          ],
        },
      },
      { band: [[2, 1]] },
      { time: [['2020-01-02', '2020-01-01']] },
      { time: [['yesterday', '2020-01-01']] },
      { calib: 5 },
      { maxrec: -1 },
    ]) {
      const e = await error(() => h.api.sia2(query as never))
      expect([e.code, e.provider]).toEqual([ErrorCode.INVALID_INPUT, 'vo'])
    }
    expect(h.emu.server.requests.length).toBe(before)
  })
})
