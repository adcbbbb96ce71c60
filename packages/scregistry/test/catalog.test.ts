import { ErrorCode, outcomeValues } from '@heliokit/core'
import { describe, expect, test } from 'vitest'
import { scregistry } from '../src/index.ts'
import { collect } from './helpers/collect.ts'
import { failure } from './helpers/failure.ts'
import { fixture } from './helpers/fixture.ts'
import { useHarness } from './helpers/harness.ts'

const h = useHarness(
  {},
  {
    extraBuckets: {
      'platform-registry': { 'catalog.json': fixture('platform-registry-catalog.json') },
      'platform-tools': { 'catalog.json': fixture('platform-tools-catalog.json') },
      'cloudcatalog-stub': { 'catalog.json': fixture('cloudcatalog-catalog_stub.json') },
    },
  },
)

describe('catalog styles', () => {
  test('1.1: fields as written, unknown fields kept in raw, duplicates and broken entries reported', async () => {
    const catalog = await h.sc.catalog('s3://gov-nasa-hdrl-data1/')
    expect(catalog).toMatchObject({
      endpoint: 's3://gov-nasa-hdrl-data1/',
      version: '1.1',
      name: 'GSFC HelioCloud',
      egress: 'free,public,egress-allowed',
      status: { code: 1200, message: 'OK request successful' },
      contact: 'Dr. Contact, dr_contact@example.com',
      description: 'NASA TOPS ODR datasets',
    })
    const aia = catalog.entries.find((e) => e.id === 'AIA_0094')
    expect(aia).toMatchObject({
      index: 's3://gov-nasa-hdrl-data1/sdo/aia/0094/',
      title: 'SDO AIA 94 Angstrom EUV images',
      start: new Date('2010-05-13T00:00:00Z'),
      stop: new Date('2012-12-31T23:00:00Z'),
      modification: new Date('2024-01-01T00:00:00Z'),
      indextype: 'csv',
      filetype: 'fits',
      resource: 'spase://NASA/NumericalData/SDO/AIA/PT12S',
      about: 'https://sdo.gsfc.nasa.gov/',
      multiyear: false,
      tags: ['SDO', 'AIA', 'EUV', 'Sun'],
      collections: ['SDO'],
    })
    expect(aia?.raw.spectral_range).toBe('EUV')
    expect(catalog.entries.find((e) => e.id === 'OMNI_MODEL_RUNS')?.multiyear).toBe(true)
    expect(catalog.entries.map((e) => e.id)).toEqual([
      'AIA_0094',
      'EVE_L2',
      'OMNI_MODEL_RUNS',
      'DUP_ID',
      'DUP_ID',
    ])
    expect(catalog.problems).toEqual([
      'catalog.4: id DUP_ID is used more than once',
      expect.stringMatching(/^catalog\.5: id must be letters/),
    ])
  })

  test('0.6: Cloudy version, startDate/stopDate, indexFormat/fileFormat and a "1200/OK" status', async () => {
    const catalog = await h.sc.catalog('edu-apl-helio-public')
    expect(catalog.version).toBe('0.6')
    expect(catalog.status).toEqual({ code: 1200, message: 'OK' })
    expect(catalog.entries[0]).toMatchObject({
      id: 'ACE_MAG_1MIN',
      start: new Date('2015-01-01T00:00:00Z'),
      stop: new Date('2017-12-31T23:59:00Z'),
      modification: new Date('2018-01-02T00:00:00Z'),
      indextype: 'csv',
      filetype: 'cdf',
    })
  })

  test('0.2: loc (relative to the bucket), startdate/enddate and an ownership object', async () => {
    const catalog = await h.sc.catalog('helio-public')
    expect(catalog.version).toBe('0.2')
    expect(catalog.entries[0]).toMatchObject({
      id: 'mms1_fgm_brst',
      index: 's3://helio-public/MMS/mms1/fgm/brst/l2/',
      start: new Date('2015-09-01T00:00:00Z'),
      stop: new Date('2016-12-31T23:59:00Z'),
      description: 'MMS1 fluxgate magnetometer, burst mode',
      resource: 'spase://NASA/NumericalData/MMS/1/FIELDS/FGM/Burst/Level2/PT0.0078125S',
      citation: 'Russell et al. (2016)',
      contact: 'mms@example.org',
      about: 'https://lasp.colorado.edu/mms/sdc/public/',
    })
    expect(catalog.entries[1]?.index).toBe('s3://helio-public/MMS/mms1/fgm/srvy/l2/')
  })

  test('status 1400 is returned by catalog() and makes files() UNAVAILABLE before any index read', async () => {
    const catalog = await h.sc.catalog('helio-maintenance')
    expect(catalog.status).toEqual({ code: 1400, message: 'Temporarily unavailable for maintenance' })
    const before = h.requests().length
    const error = await failure(
      h.sc.files({
        dataset: 'MAINT_SET',
        bucket: 'helio-maintenance',
        start: '2020-01-01',
        stop: '2020-02-01',
      }),
    )
    expect(error).toMatchObject({ code: ErrorCode.UNAVAILABLE, provider: 'scregistry' })
    expect(String((error as Error).message)).toContain('Temporarily unavailable for maintenance')
    expect(h.requests().slice(before)).toEqual(['GET /helio-maintenance/catalog.json'])
  })

  test('a bucket without catalog.json is NOT_FOUND', async () => {
    expect(await failure(h.sc.catalog('helio-offline'))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      provider: 'scregistry',
      url: 's3://helio-offline/catalog.json',
    })
  })
})

describe('entries', () => {
  test('by id, exactly and then without case', async () => {
    expect((await h.sc.entry('gov-nasa-hdrl-data1', 'EVE_L2')).title).toBe('SDO EVE level 2 spectra')
    expect((await h.sc.entry('gov-nasa-hdrl-data1', 'eve_l2')).id).toBe('EVE_L2')
    expect(await failure(h.sc.entry('gov-nasa-hdrl-data1', 'NOPE'))).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      provider: 'scregistry',
    })
  })

  test('a duplicated id is an error naming it', async () => {
    const error = await failure(h.sc.entry('gov-nasa-hdrl-data1', 'DUP_ID'))
    expect(error).toMatchObject({ code: ErrorCode.CONFLICT, provider: 'scregistry' })
    expect(String((error as Error).message)).toContain('2 datasets for "DUP_ID"')
  })
})

describe('real catalogs from HelioCloud repositories', () => {
  test('platform registry-catalog.json: 64 MMS entries in the 0.1 style', async () => {
    const catalog = await h.sc.catalog('platform-registry')
    expect(catalog.version).toBe('0.1')
    expect(catalog.entries).toHaveLength(64)
    expect(catalog.problems).toEqual([])
    expect(catalog.entries[0]).toMatchObject({
      id: 'mms1_feeps_brst_electron',
      index: 's3://helio-public/MMS/mms1/feeps/brst/l2/electron/',
      start: new Date('2015-06-01T00:00:00Z'),
      stop: new Date('2021-12-31T23:59:00Z'),
      indextype: 'csv',
      filetype: 'cdf',
      description: 'Optional description for dataset',
      resource: 'optional identifier e.g. SPASE ID',
    })
  })

  test('platform tools-catalog.json: relative locations and tags; the empty entry is reported', async () => {
    const catalog = await h.sc.catalog('platform-tools')
    expect(catalog.entries).toHaveLength(16)
    expect(catalog.entries[0]?.index).toBe('s3://platform-tools/mms1/feeps/brst/l2/electron/')
    expect(catalog.entries[8]?.tags).toEqual(['MMS', 'CDAWEB', 'FPI'])
    expect(catalog.problems).toHaveLength(1)
    expect(catalog.problems[0]).toMatch(/^catalog\.16: /)
  })

  test('cloudcatalog catalog_stub.json (0.6)', async () => {
    const catalog = await h.sc.catalog('s3://cloudcatalog-stub')
    expect(catalog.entries.map((e) => [e.id, e.collections])).toEqual([
      ['WI_EPACT_STEP-DIRECTIONAL-DIFF-HE-FLUX-10MIN', ['CDAWeb']],
      ['WI_L2_3MIN_SMS-STICS-NVT-MAGNETOSPHERE', ['CDAWeb']],
    ])
    expect(catalog.entries[1]?.start).toEqual(new Date('1995-08-01T00:05:19.000Z'))
  })

  test('datasets() lists entries of every readable bucket as DatasetInfo', async () => {
    const infos = await collect(outcomeValues(h.hk.datasets({ text: 'aia' })))
    expect(infos.map((i) => [i.provider, i.id])).toEqual([['scregistry', 'AIA_0094']])
    const aia = infos[0]!
    expect(aia).toMatchObject({
      title: 'SDO AIA 94 Angstrom EUV images',
      timeSpan: { start: new Date('2010-05-13T00:00:00Z'), end: new Date('2012-12-31T23:00:00Z') },
      doi: '10.1007/s11207-011-9776-8',
      links: [
        { href: 's3://gov-nasa-hdrl-data1/sdo/aia/0094/', rel: 'data-tree' },
        { href: 'https://sdo.gsfc.nasa.gov/', rel: 'documentation' },
        { href: 'spase://NASA/NumericalData/SDO/AIA/PT12S', rel: 'describedby' },
      ],
    })
  })

  test('datasets() keeps entries overlapping start/end; bad times are INVALID_INPUT at the call', async () => {
    const infos = await collect(outcomeValues(h.hk.datasets({ start: '2016-06-01', end: '2016-07-01' })))
    expect(infos.map((i) => i.id)).toEqual(['ACE_MAG_1MIN', 'ACE_SWE_NOHEADER', 'mms1_fgm_brst'])
    const provider = scregistry({ registryUrl: h.net.registryUrl })
    expect(() => provider.datasets!({ start: '2016-07-01', end: '2016-06-01' }, { ...h.hk.context })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_INPUT, provider: 'scregistry' }),
    )
  })
})
