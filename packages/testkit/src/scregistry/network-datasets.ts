import type { IndexStyle } from './index-csv.ts'

/** One yearly index file of a seeded dataset. */
export interface YearFile {
  readonly year: number
  readonly style: IndexStyle
  readonly rows: readonly (readonly [start: string, stop: string | undefined, key: string, size: number])[]
}

/** A seeded dataset: where its catalog and indexes live, and its rows year by year. */
export interface SeededDataset {
  readonly id: string
  /** Bucket of the catalog listing it. */
  readonly bucket: string
  /** Absolute folder of the yearly indexes. */
  readonly index: string
  readonly years: readonly YearFile[]
  /** Extra column value per row (after checksum columns). */
  readonly extras?: readonly string[]
}

export const SDO = 's3://gov-nasa-hdrl-data1/sdo/aia/0094/'
const aia = (t: string): string =>
  `${SDO}${t.slice(0, 4)}/${t.slice(5, 7)}/aia_0094_${t.replace(/\D/g, '').slice(0, 12)}.fits`
const AIA_HEADER = 'start, stop, datakey, filesize, checksum, checksum_algorithm, wavelength'

/** Datasets in every index style the spec's writers use. */
export const DATASETS: readonly SeededDataset[] = [
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
