import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import {
  parseVotable,
  queryStatus,
  type VotableDatatype,
  type VotableDocument,
  type VotableValue,
} from '../src/index.ts'
import { fixture } from './helpers/fixtures.ts'

const TYPED: Partial<Record<VotableDatatype, abstract new (n: number) => ArrayLike<unknown>>> = {
  double: Float64Array,
  float: Float32Array,
  int: Int32Array,
  short: Int16Array,
  unsignedByte: Uint8Array,
  long: BigInt64Array,
}

const parse = (name: string): VotableDocument => parseVotable(fixture(name))
const names = readdirSync(fileURLToPath(new URL('./fixtures/', import.meta.url))).filter((f) =>
  f.endsWith('.xml'),
)

describe('every shared fixture', () => {
  test.each(names)('%s parses the same from text and from bytes, every cell typed by its FIELD', (name) => {
    const fromBytes = parse(name)
    const fromText = parseVotable(new TextDecoder().decode(fixture(name)))
    expect(fromText.tables.map((t) => t.rowCount)).toEqual(fromBytes.tables.map((t) => t.rowCount))
    for (const table of fromBytes.tables) {
      table.fields.forEach((field, f) => {
        const column = table.columns[f]!
        const typed = field.shape.length ? undefined : TYPED[field.datatype]
        if (typed) expect(column).toBeInstanceOf(typed)
        else expect(Array.isArray(column)).toBe(true)
        expect(column.length).toBe(table.rowCount)
        for (const [r, value] of Array.from(column as ArrayLike<VotableValue>).entries()) {
          if (table.nulls[f]?.[r] === 1 || value === null || Number.isNaN(value)) continue
          const expected = {
            char: 'string',
            unicodeChar: 'string',
            long: field.shape.length ? 'object' : 'bigint',
            boolean: field.shape.length ? 'object' : 'boolean',
          }[field.datatype as string]
          expect(typeof value).toBe(expected ?? (field.shape.length ? 'object' : 'number'))
        }
      })
    }
  })
})

describe('query results (pyvo dal tests)', () => {
  test('basic: long and char columns, names, ucd and utype', () => {
    const doc = parse('pyvo-query-basic.xml')
    const table = doc.tables[0]!
    expect(doc.version).toBe('1.4')
    expect(table.fields.map((f) => [f.name, f.id, f.datatype, f.ucd, f.utype])).toEqual([
      ['1', '_1', 'long', 'foo;bar', undefined],
      ['2', '_2', 'char', undefined, 'foobar'],
    ])
    expect(table.column('1')).toEqual(BigInt64Array.of(23n, 42n, 1337n))
    expect(table.column('_2')).toEqual(['Illuminatus', "Don't panic, and always carry a towel", 'Elite'])
    expect(table.row(1)).toEqual({ '1': 42n, '2': "Don't panic, and always carry a towel" })
    expect(queryStatus(doc)).toEqual({ status: 'OK', message: 'OK' })
  })

  test('QUERY_STATUS: error, overflow after the table (last wins), in the table, at the root', () => {
    expect(queryStatus(parse('pyvo-query-errorstatus.xml')).status).toBe('ERROR')
    expect(queryStatus(parse('pyvo-query-overflowstatus.xml'))).toEqual({
      status: 'OVERFLOW',
      message: 'OVERFLOW',
    })
    const inTable = parse('pyvo-query-tableinfo.xml')
    expect(inTable.resources[0]!.infos).toEqual([])
    expect(inTable.tables[0]!.infos.map((i) => i.value)).toEqual(['OK'])
    expect(queryStatus(inTable).status).toBe('OK')
    const atRoot = parse('pyvo-query-rootinfo.xml')
    expect(atRoot.infos.map((i) => [i.name, i.value])).toEqual([['QUERY_STATUS', 'OK']])
    expect(queryStatus(atRoot).status).toBe('OK')
  })

  test('a table without FIELDs keeps its empty rows; a resource without a table has none', () => {
    const noColumns = parse('pyvo-query-missingcolumns.xml').tables[0]!
    expect([noColumns.fields.length, noColumns.rowCount]).toEqual([0, 3])
    const noTable = parse('pyvo-query-missingtable.xml')
    expect(noTable.tables).toEqual([])
    expect(noTable.resources[0]!.infos[0]!.content).toBe('OK')
  })
})

describe('SIA, SSA, ObsCore, SCS results', () => {
  test('SIA v1: VALUES null on a long, float and double values, float arrays', () => {
    const table = parse('pyvo-sia-dataset.xml').tables[0]!
    expect(table.rowCount).toBe(2)
    const row = table.row(0)
    expect(row.accref).toBe('http://example.com/querydata/image.fits')
    expect(row.accsize).toBe(153280n)
    expect(row.dateObs).toBe(18885.9416782409)
    expect(row.bandpassLo).toBe(Math.fround(3.8e-7))
    expect(row.pixelScale).toEqual(new Float32Array([0.000403806, 0.000406123]))
    expect(table.field('accsize')?.values?.null).toBe('-1')
    expect(table.field('dateObs')).toMatchObject({
      unit: 'd',
      xtype: 'mjd',
      ref: 'system',
      ucd: 'VOX:Image_MJDateObs',
    })
  })

  test('SIA v2 (ObsCore): empty cells are null, entities decoded, short and double typed', () => {
    const row = parse('pyvo-sia2-dataset.xml').tables[0]!.row(0)
    expect(row.calib_level).toBe(1)
    expect(row.s_ra).toBe(253.0637009871805)
    expect(row.s_resolution).toBeNull()
    expect(row.access_url).toBe(
      'https://example.com/datalink?runid=i4oh43a0oky3dyvp&ID=ivo%3A%2F%2Fexample.com%2FTEST%3FC190508_1442_SCI%2FC190508_1442_SCI',
    )
    expect(row.access_format).toBe('application/x-votable+xml;content=datalink')
  })

  test('TAP ObsCore: NaN is null, VALUES null -1 on ints, groups with FIELDref, COOSYS, INFO text', () => {
    const doc = parse('pyvo-tap-obscore-image.xml')
    const table = doc.tables[0]!
    expect(table.name).toBe('ObsCore')
    expect(doc.description).toBe('Definition and support code for the ObsCore data model and table.')
    expect(doc.resources[0]!.coosys).toEqual([{ id: 'system', system: 'ICRS' }])
    expect(table.groups[0]!.fieldRefs).toEqual([{ ref: 's_region', utype: 'stc:AstroCoordArea.Polygon' }])
    expect(table.groups[0]!.params.map((p) => p.value)).toEqual([
      'SPHERICAL',
      'ICRS',
      'http://www.ivoa.net/xml/STC/stc-v1.30.xsd',
    ])
    expect(table.groups[1]!.description).toContain('Raw Instrumental data')
    const row = table.row(0)
    expect(row.dataproduct_type).toBe('image')
    expect(row.dataproduct_subtype).toBeNull()
    expect(row.calib_level).toBe(0)
    expect(row.access_estsize).toBe(435344n)
    expect(row.t_exptime).toBeNull()
    expect(row.s_xel1).toBe(14930n)
    expect(doc.resources[0]!.infos.find((i) => i.name === 'src_table')?.content).toContain(
      'IVOA-defined obscore',
    )
  })

  test('SSA (VOTable 1.1 namespace): float score, long length, &amp; in URLs', () => {
    const doc = parse('pyvo-ssa-result.xml')
    expect(doc.version).toBe('1.1')
    const table = doc.tables[0]!
    expect(table.rowCount).toBe(36)
    const row = table.row(0)
    expect(row.Score).toBe(1)
    expect(row.DataLength).toBe(4000n)
    expect(row.AcRef).toContain('?REQUEST=getData&FORMAT=votable&PubDID=')
  })

  test('SCS in BINARY: 1273 rows of char ids and float/double columns', () => {
    const table = parse('pyvo-scs-result.xml').tables[0]!
    expect(table.encoding).toBe('BINARY')
    expect(table.rowCount).toBe(1273)
    expect(table.row(0)).toMatchObject({
      id: '1522124650242182041',
      raj2000: 77.6581,
      dej2000: 1.68358,
      position_error: 5,
    })
    expect(table.row(0).exposure_time).toBe(Math.fround(384.78))
    expect(table.row(1272)).toMatchObject({ id: '446896630097839093', raj2000: 78.2784 })
  })

  test('Gaia time series: PARAMs typed, TIMESYS (draft attributes), float and double columns', () => {
    const doc = parse('pyvo-monkeypatch.xml')
    const table = doc.tables[0]!
    expect(doc.resources[0]!.timesys).toEqual([
      { id: 'time_frame', timeorigin: '0', timescale: 'TCB', refposition: 'BARYCENTER' },
    ])
    expect(doc.resources[0]!.coosys[0]).toEqual({ id: 'system', system: 'ICRS', epoch: 'J2015.5' })
    expect(table.params.map((p) => [p.name, p.value])).toEqual([
      ['source_id', '1381118928134364544'],
      ['title', 'Gaia DR2 G photometry time series for star 1381118928134364544'],
      ['ra', 247.160788835839],
      ['dec', 41.8816508088482],
    ])
    expect(table.rowCount).toBe(25)
    expect(table.column('obs_time')![0]).toBe(2456920.512854684)
    expect(table.column('flux')![18]).toBe(Math.fround(3684.49))
  })
})

describe('DataLink documents', () => {
  test('links table and the adhoc:service descriptor with inputParams, OPTIONs, MIN/MAX', () => {
    const doc = parse('pyvo-datalink-datalink.xml')
    const links = doc.tables[0]!
    expect(links.row(2)).toEqual({
      ID: 'ivo://org.gavo.dc/~?flashheros/data/ca90/f0011.mt',
      access_url: 'http://dc.zah.uni-heidelberg.de/getproduct/flashheros/data/ca90/f0011.mt',
      service_def: null,
      error_message: null,
      description: 'The full dataset.',
      semantics: '#this',
      content_type: 'image/fits',
      content_length: 100800n,
    })
    expect(links.row(0).content_length).toBeNull()
    const service = doc.resources.find((r) => r.utype === 'adhoc:service')!
    expect(service).toMatchObject({ id: 'ndndtdihpgea', type: 'meta' })
    expect(service.params.find((p) => p.name === 'standardID')?.value).toBe(
      'ivo://ivoa.net/std/SODA#sync-1.0',
    )
    const inputs = service.groups.find((g) => g.name === 'inputParams')!
    const calib = inputs.params.find((p) => p.name === 'FLUXCALIB')!
    expect(calib.value).toBeNull()
    expect(calib.values?.options.map((o) => o.value)).toEqual(['RELATIVE', 'NORMALIZED'])
    const band = inputs.params.find((p) => p.name === 'BAND')!
    expect(band).toMatchObject({ datatype: 'double', shape: [2], unit: 'm', xtype: 'interval' })
    expect(band.values?.min).toEqual({ value: '4.01053e-07', inclusive: true })
  })

  test.each([
    ['pyvo-datalink-cutout1.xml', 6],
    ['pyvo-datalink-cutout2.xml', 3],
    ['pyvo-datalink-proc.xml', 5],
    ['pyvo-datalink-datalink-obscore.xml', 3],
    ['pyvo-datalink-datalink-ssa.xml', 1],
  ])('%s: %i rows, booleans typed and descriptors readable', (name, rows) => {
    const doc = parse(name)
    expect(doc.tables[0]!.rowCount).toBe(rows)
    for (const resource of doc.resources.filter((r) => r.utype === 'adhoc:service')) {
      expect(resource.params.some((p) => p.name === 'accessURL' || p.name === 'standardID')).toBe(true)
    }
    const readable = doc.tables[0]!.column('readable')
    if (readable) for (const v of readable) expect(typeof v === 'boolean' || v === null).toBe(true)
  })
})
