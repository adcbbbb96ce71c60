import { deterministicBytes, sha256Hex } from '../deterministic-bytes.ts'
import type { S3Seed } from '../s3-server.ts'
import { type IndexedFile, type IndexStyle, indexCsv } from './index-csv.ts'

/** A data file the seeded network lists, with what a client should report for it. */
export interface ScregistrySeededFile {
  readonly dataset: string
  /** Absolute URL (relative datakeys resolved against the catalog's bucket). */
  readonly url: string
  readonly start: string
  /** Absent for indexes written before spec 0.5. */
  readonly stop?: string
  readonly size: number
  readonly sha256: string
}

/** The seeded network: objects per bucket and the files each dataset lists, in index order. */
export interface ScregistrySeed {
  readonly buckets: S3Seed
  /** `s3://helio-registry/HelioDataRegistry.json`. */
  readonly registryUrl: string
  readonly files: Readonly<Record<string, readonly ScregistrySeededFile[]>>
}

export const SCREGISTRY_REGISTRY_URL = 's3://helio-registry/HelioDataRegistry.json'

interface YearFile {
  readonly year: number
  readonly style: IndexStyle
  readonly rows: readonly (readonly [start: string, stop: string | undefined, key: string, size: number])[]
}

interface Dataset {
  readonly id: string
  /** Bucket of the catalog listing it. */
  readonly bucket: string
  /** Absolute folder of the yearly indexes. */
  readonly index: string
  readonly years: readonly YearFile[]
  /** Extra column value per row (after checksum columns). */
  readonly extras?: readonly string[]
}

const SDO = 's3://gov-nasa-hdrl-data1/sdo/aia/0094/'
const aia = (t: string): string =>
  `${SDO}${t.slice(0, 4)}/${t.slice(5, 7)}/aia_0094_${t.replace(/\D/g, '').slice(0, 12)}.fits`
const AIA_HEADER = 'start, stop, datakey, filesize, checksum, checksum_algorithm, wavelength'

const DATASETS: readonly Dataset[] = [
  {
    id: 'AIA_0094',
    bucket: 'gov-nasa-hdrl-data1',
    index: SDO,
    extras: ['94'],
    years: [
      {
        year: 2010,
        style: { header: AIA_HEADER, quote: '"', space: true, checksum: true },
        rows: [
          ['2010-05-13T00:00:00Z', '2010-05-13T00:12:00Z', aia('2010-05-13T00:00'), 1500],
          ['2010-12-31T23:48:00Z', '2011-01-01T00:00:00Z', aia('2010-12-31T23:48'), 1600],
        ],
      },
      {
        year: 2011,
        style: { header: AIA_HEADER.replace(/ /g, ''), time: 'millis', checksum: true },
        rows: [
          ['2011-01-01T00:00:00Z', '2011-01-01T00:12:00Z', aia('2011-01-01T00:00'), 1700],
          ['2011-06-15T12:00:00Z', '2011-06-15T12:12:00Z', aia('2011-06-15T12:00'), 1800],
        ],
      },
      {
        year: 2012,
        style: { header: `# ${AIA_HEADER}`, eol: '\r\n', checksum: true },
        rows: [
          ['2012-03-01T00:00:00Z', '2012-03-01T00:12:00Z', aia('2012-03-01T00:00'), 1900],
          ['2012-12-31T22:00:00Z', '2012-12-31T22:12:00Z', aia('2012-12-31T22:00'), 2000],
        ],
      },
    ],
  },
  {
    id: 'EVE_L2',
    bucket: 'gov-nasa-hdrl-data1',
    index: 's3://helio-indexes/eve/l2/',
    years: [
      {
        year: 2014,
        style: { header: 'start,stop,datakey,filesize' },
        rows: [
          [
            '2014-02-01T00:00:00Z',
            '2014-02-02T00:00:00Z',
            's3://gov-nasa-hdrl-data1/sdo/eve/EVL_2014032.fit',
            900,
          ],
          [
            '2014-02-02T00:00:00Z',
            '2014-02-03T00:00:00Z',
            's3://gov-nasa-hdrl-data1/sdo/eve/EVL_2014033.fit',
            910,
          ],
          [
            '2014-02-03T00:00:00Z',
            '2014-02-04T00:00:00Z',
            's3://gov-nasa-hdrl-data1/sdo/eve/EVL_2014034.fit',
            920,
          ],
        ],
      },
    ],
  },
  {
    id: 'OMNI_MODEL_RUNS',
    bucket: 'gov-nasa-hdrl-data1',
    index: 's3://gov-nasa-hdrl-data1/omni/model/',
    years: [
      {
        year: 2011,
        style: {},
        rows: [
          [
            '2011-06-01T00:00:00Z',
            '2013-06-01T00:00:00Z',
            's3://gov-nasa-hdrl-data1/omni/model/run_2011a.nc',
            700,
          ],
          [
            '2011-07-01T00:00:00Z',
            '2011-08-01T00:00:00Z',
            's3://gov-nasa-hdrl-data1/omni/model/run_2011b.nc',
            710,
          ],
        ],
      },
      {
        year: 2012,
        style: {},
        rows: [
          [
            '2012-02-01T00:00:00Z',
            '2012-03-01T00:00:00Z',
            's3://gov-nasa-hdrl-data1/omni/model/run_2012.nc',
            720,
          ],
        ],
      },
      {
        year: 2013,
        style: {},
        rows: [
          [
            '2013-01-01T00:00:00Z',
            '2013-02-01T00:00:00Z',
            's3://gov-nasa-hdrl-data1/omni/model/run_2013.nc',
            730,
          ],
        ],
      },
    ],
  },
  {
    id: 'ACE_MAG_1MIN',
    bucket: 'edu-apl-helio-public',
    index: 's3://edu-apl-helio-public/ace/mag/',
    // 2016 has no index file: a gap in the data.
    years: [
      {
        year: 2015,
        style: { header: '# start, stop, datakey, filesize', quote: "'", space: true, time: 'minutes' },
        rows: [
          [
            '2015-01-01T00:00:00Z',
            '2015-01-02T00:00:00Z',
            's3://edu-apl-helio-public/ace/mag/ac_mag_20150101.cdf',
            500,
          ],
          [
            '2015-12-31T00:00:00Z',
            '2016-01-01T00:00:00Z',
            's3://edu-apl-helio-public/ace/mag/ac_mag_20151231.cdf',
            510,
          ],
        ],
      },
      {
        year: 2017,
        style: { header: '# start, stop, datakey, filesize', quote: "'", space: true, time: 'minutes' },
        rows: [
          [
            '2017-01-15T23:00:00Z',
            '2017-01-16T23:00:00Z',
            's3://edu-apl-helio-public/ace/mag/ac_mag_20170115.cdf',
            520,
          ],
        ],
      },
    ],
  },
  {
    id: 'ACE_SWE_NOHEADER',
    bucket: 'edu-apl-helio-public',
    index: 's3://edu-apl-helio-public/ace/swe/',
    years: [
      {
        year: 2016,
        style: { quote: '"', time: 'no-z' },
        rows: [
          [
            '2016-03-01T00:00:00Z',
            '2016-03-01T01:00:00Z',
            'https://edu-apl-helio-public.s3.amazonaws.com/ace/swe/swe_20160301.cdf',
            600,
          ],
          [
            '2016-03-01T01:00:00Z',
            '2016-03-01T02:00:00Z',
            's3://edu-apl-helio-public/ace/swe/swe_2016030101.cdf',
            610,
          ],
          [
            '2016-03-01T02:00:00Z',
            '2016-03-01T03:00:00Z',
            's3://edu-apl-helio-public/ace/swe/swe_2016030102.cdf',
            620,
          ],
        ],
      },
    ],
  },
  {
    id: 'mms1_fgm_brst',
    bucket: 'helio-public',
    index: 's3://helio-public/MMS/mms1/fgm/brst/l2/',
    years: [
      {
        year: 2015,
        style: { header: '#time, s3key, filesize', stop: false },
        rows: [
          [
            '2015-09-01T12:11:14Z',
            undefined,
            'MMS/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf',
            464,
          ],
          [
            '2015-09-01T12:20:54Z',
            undefined,
            'MMS/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901122054_v4.18.0.cdf',
            460,
          ],
          [
            '2015-09-01T17:45:00Z',
            undefined,
            'MMS/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901174500_v4.18.0.cdf',
            297,
          ],
        ],
      },
      {
        year: 2016,
        style: { header: '#time, s3key, filesize', stop: false },
        rows: [
          [
            '2016-09-01T12:11:14Z',
            undefined,
            'MMS/mms1/fgm/brst/l2/2016/09/01/mms1_fgm_brst_l2_20160901121114_v4.18.0.cdf',
            464,
          ],
          [
            '2016-09-01T12:20:54Z',
            undefined,
            'MMS/mms1/fgm/brst/l2/2016/09/01/mms1_fgm_brst_l2_20160901122054_v4.18.0.cdf',
            460,
          ],
        ],
      },
    ],
  },
  {
    id: 'mms1_fgm_srvy',
    bucket: 'helio-public',
    index: 's3://helio-public/MMS/mms1/fgm/srvy/l2/',
    years: [
      {
        year: 2015,
        style: { header: 'startDate, key, size', stop: false, space: true },
        rows: [
          [
            '2015-09-01T00:00:00Z',
            undefined,
            's3://helio-public/MMS/mms1/fgm/srvy/l2/mms1_fgm_srvy_l2_20150901_v4.18.0.cdf',
            800,
          ],
          [
            '2015-09-02T00:00:00Z',
            undefined,
            's3://helio-public/MMS/mms1/fgm/srvy/l2/mms1_fgm_srvy_l2_20150902_v4.18.0.cdf',
            810,
          ],
        ],
      },
    ],
  },
  {
    id: 'mms1_feeps_srvy_ion',
    bucket: 'helio-public',
    index: 's3://helio-public/MMS/mms1/feeps/srvy/l2/ion/',
    years: [
      {
        year: 2015,
        style: { header: 'start,key,filesize', stop: false },
        rows: [
          [
            '2015-10-01T00:00:00Z',
            undefined,
            's3://helio-public/MMS/mms1/feeps/srvy/l2/ion/feeps_20151001.cdf',
            300,
          ],
          [
            '2015-10-02T00:00:00Z',
            undefined,
            's3://helio-public/MMS/mms1/feeps/srvy/l2/ion/feeps_20151002.cdf',
            310,
          ],
        ],
      },
    ],
  },
]

const CATALOGS: Readonly<Record<string, unknown>> = {
  'gov-nasa-hdrl-data1': {
    version: '1.1',
    endpoint: 's3://gov-nasa-hdrl-data1/',
    name: 'GSFC HelioCloud',
    egress: 'free,public,egress-allowed',
    status: { code: 1200, message: 'OK request successful' },
    contact: 'Dr. Contact, dr_contact@example.com',
    description: 'NASA TOPS ODR datasets',
    citation: 'doi:10.5281/zenodo.0000000',
    catalog: [
      {
        id: 'AIA_0094',
        index: SDO,
        title: 'SDO AIA 94 Angstrom EUV images',
        start: '2010-05-13T00:00:00Z',
        stop: '2012-12-31T23:00:00Z',
        modification: '2024-01-01T00:00:00Z',
        indextype: 'csv',
        filetype: 'fits',
        description: 'Level 1 AIA 94 A images',
        resource: 'spase://NASA/NumericalData/SDO/AIA/PT12S',
        citation: 'Lemen et al., doi:10.1007/s11207-011-9776-8',
        about: 'https://sdo.gsfc.nasa.gov/',
        tags: ['SDO', 'AIA', 'EUV', 'Sun'],
        collections: ['SDO'],
        spectral_range: 'EUV',
      },
      {
        id: 'EVE_L2',
        index: 's3://helio-indexes/eve/l2/',
        title: 'SDO EVE level 2 spectra',
        start: '2014-02-01T00:00:00.000Z',
        stop: '2014-12-31T23:59:59.000Z',
        indextype: 'csv',
        filetype: 'fits',
        tags: ['SDO', 'EVE'],
      },
      {
        id: 'OMNI_MODEL_RUNS',
        index: 's3://gov-nasa-hdrl-data1/omni/model/',
        title: 'Multi-year model runs',
        start: '2011-01-01T00:00:00Z',
        stop: '2013-12-31T23:59:59Z',
        indextype: 'csv',
        filetype: 'netcdf4',
        multiyear: true,
      },
      {
        id: 'DUP_ID',
        index: 's3://gov-nasa-hdrl-data1/dup/a/',
        title: 'first',
        start: '2020-01-01T00:00Z',
        stop: '2020-02-01T00:00Z',
      },
      {
        id: 'DUP_ID',
        index: 's3://gov-nasa-hdrl-data1/dup/b/',
        title: 'second',
        start: '2020-01-01T00:00Z',
        stop: '2020-02-01T00:00Z',
      },
      {
        id: '',
        loc: '',
        title: '',
        startdate: '',
        enddate: '',
        modificationdate: '',
        indexformat: '',
        fileformat: '',
      },
    ],
  },
  'edu-apl-helio-public': {
    Cloudy: '0.6',
    endpoint: 's3://edu-apl-helio-public/',
    name: 'APL HelioCloud',
    egress: 'free',
    status: '1200/OK',
    contact: 'APL, helio@example.org',
    catalog: [
      {
        id: 'ACE_MAG_1MIN',
        index: 's3://edu-apl-helio-public/ace/mag/',
        title: 'ACE magnetometer, 1 minute averages',
        startDate: '2015-01-01T00:00Z',
        stopDate: '2017-12-31T23:59Z',
        modificationDate: '2018-01-02T00:00Z',
        indexFormat: 'csv',
        fileFormat: 'cdf',
        tags: ['ACE', 'MAG', 'solar wind'],
      },
      {
        id: 'ACE_SWE_NOHEADER',
        index: 's3://edu-apl-helio-public/ace/swe/',
        title: 'ACE solar wind electrons',
        startDate: '2016-03-01T00:00Z',
        stopDate: '2016-12-31T23:59Z',
        indexFormat: 'csv',
        fileFormat: 'cdf',
        tags: ['ACE', 'SWE', 'solar wind'],
      },
    ],
  },
  'helio-public': {
    Cloudy: '0.2',
    endpoint: 's3://helio-public/',
    name: 'GSFC HelioCloud MMS',
    contact: 'Dr. Contact, dr_contact@example.com',
    description: 'Optional description of this collection',
    status: { code: 1200, message: 'OK request successful' },
    catalog: [
      {
        id: 'mms1_fgm_brst',
        tags: ['MMS', 'CDAWEB', 'FGM'],
        loc: 'MMS/mms1/fgm/brst/l2/',
        title: 'mms1/fgm/brst/l2/',
        startdate: '2015-09-01T00:00Z',
        enddate: '2016-12-31T23:59Z',
        modificationdate: '2023-03-08T00:00Z',
        indexformat: 'csv',
        fileformat: 'cdf',
        ownership: {
          description: 'MMS1 fluxgate magnetometer, burst mode',
          resourceID: 'spase://NASA/NumericalData/MMS/1/FIELDS/FGM/Burst/Level2/PT0.0078125S',
          citation: 'Russell et al. (2016)',
          contact: 'mms@example.org',
          aboutURL: 'https://lasp.colorado.edu/mms/sdc/public/',
        },
      },
      {
        id: 'mms1_fgm_srvy',
        tags: ['MMS', 'CDAWEB', 'FGM'],
        loc: 's3://helio-public/MMS/mms1/fgm/srvy/l2/',
        title: 'mms1/fgm/srvy/l2/',
        startdate: '2015-09-01T00:00Z',
        enddate: '2015-12-31T23:59Z',
        indexformat: 'csv',
        fileformat: 'cdf',
      },
      {
        id: 'mms1_feeps_srvy_ion',
        tags: ['MMS', 'CDAWEB', 'FEEPS'],
        loc: 's3://helio-public/MMS/mms1/feeps/srvy/l2/ion/',
        title: 'mms1/feeps/srvy/l2/ion/',
        startdate: '2015-10-01T00:00Z',
        enddate: '2015-12-31T23:59Z',
        indexformat: 'csv',
        fileformat: 'cdf',
      },
    ],
  },
  'helio-maintenance': {
    version: '1.0',
    name: 'GSFC HelioCloud',
    status: { code: 1400, message: 'Temporarily unavailable for maintenance' },
    catalog: [
      {
        id: 'MAINT_SET',
        index: 's3://helio-maintenance/set/',
        title: 'A dataset behind maintenance',
        start: '2020-01-01T00:00:00Z',
        stop: '2020-12-31T23:59:59Z',
      },
    ],
  },
}

const REGISTRY = {
  CloudMe: '0.4',
  modification: '2024-01-01T00:00:00Z',
  registry: [
    { endpoint: 's3://gov-nasa-hdrl-data1/', name: 'GSFC HelioCloud', provider: 'aws', region: 'us-east-1' },
    { endpoint: 's3://edu-apl-helio-public/', name: 'APL HelioCloud', provider: 'aws', region: 'us-west-1' },
    { endpoint: 's3://helio-public/', name: 'GSFC HelioCloud MMS', region: 'us-east-1' },
    { endpoint: 's3://helio-maintenance/', name: 'GSFC HelioCloud', provider: 'aws', region: 'us-east-2' },
    // Registered, but its catalog.json is missing.
    { endpoint: 's3://helio-offline/', name: 'Offline bucket', provider: 'aws', region: 'us-west-2' },
  ],
}

function split(url: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url)
  return m ? { bucket: m[1]!, key: m[2]! } : undefined
}

/**
 * A HelioCloud network for s3rver: a global registry, catalogs in the 0.2, 0.6 and 1.1 styles (one
 * bucket at status 1400, one registered without a catalog), yearly indexes in several header, quoting
 * and time styles (a missing year, an index in another bucket, a multi-year dataset, checksums) and
 * every data object they point to.
 */
export function scregistrySeed(): ScregistrySeed {
  const buckets: Record<string, Record<string, Uint8Array | string>> = {
    'helio-registry': { 'HelioDataRegistry.json': JSON.stringify(REGISTRY, null, 2) },
    'helio-offline': {},
    'helio-indexes': {},
  }
  const put = (url: string, body: Uint8Array | string): void => {
    const at = split(url)
    if (!at) return
    buckets[at.bucket] ??= {}
    buckets[at.bucket]![at.key] = body
  }
  for (const [bucket, catalog] of Object.entries(CATALOGS))
    put(`s3://${bucket}/catalog.json`, JSON.stringify(catalog, null, 4))
  const files: Record<string, ScregistrySeededFile[]> = {}
  for (const d of DATASETS) {
    files[d.id] = []
    for (const y of d.years) {
      const indexed: IndexedFile[] = []
      for (const [start, stop, key, size] of y.rows) {
        const url = /^(s3|https?):\/\//.test(key) ? key : `s3://${d.bucket}/${key}`
        const bytes = deterministicBytes(url, size)
        const sha256 = sha256Hex(bytes)
        put(url, bytes)
        indexed.push({ start, stop, key, size, sha256, extras: d.extras })
        files[d.id]!.push({ dataset: d.id, url, start, stop, size, sha256 })
      }
      put(`${d.index}${d.id}_${y.year}.csv`, indexCsv(indexed, y.style))
    }
  }
  return { buckets, registryUrl: SCREGISTRY_REGISTRY_URL, files }
}
