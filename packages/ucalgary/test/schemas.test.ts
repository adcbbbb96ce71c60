import { describe, expect, test } from 'vitest'
import { datasetListSchema, observatoryListSchema, urlsResponseSchema } from '../src/schemas.ts'

const record = {
  name: 'THEMIS_ASI_RAW',
  short_description: 'THEMIS ASI raw data',
  long_description: 'long',
  data_tree_url: 'https://data.phys.ucalgary.ca/sort_by_project/THEMIS/asi/stream0/',
  file_listing_supported: true,
  level: 'L0',
  supported_libraries: ['pyucalgarysrs'],
  file_time_resolution: '1min',
  doi: 'https://doi.org/10.11575/S88M29',
  doi_details: null,
  citation: null,
  new_field_from_the_future: { anything: 1 },
}

describe('datasetListSchema', () => {
  test('maps the wire record to camelCase and ignores extra fields', () => {
    expect(datasetListSchema.parse([record])).toEqual([
      {
        name: 'THEMIS_ASI_RAW',
        shortDescription: 'THEMIS ASI raw data',
        longDescription: 'long',
        dataTreeUrl: record.data_tree_url,
        fileListingSupported: true,
        level: 'L0',
        supportedLibraries: ['pyucalgarysrs'],
        fileTimeResolution: '1min',
        doi: record.doi,
        doiDetails: undefined,
        citation: undefined,
      },
    ])
  })

  test('keeps unknown levels and resolutions instead of failing the list', () => {
    const [parsed] = datasetListSchema.parse([{ name: 'NEW', level: 'L4', file_time_resolution: '10sec' }])
    expect(parsed).toMatchObject({ level: 'L4', fileTimeResolution: '10sec', shortDescription: '' })
  })

  test('is strict on the fields the provider relies on', () => {
    expect(datasetListSchema.safeParse([{ ...record, name: undefined }]).success).toBe(false)
    expect(datasetListSchema.safeParse([{ ...record, level: 3 }]).success).toBe(false)
    expect(datasetListSchema.safeParse([{ ...record, file_time_resolution: null }]).success).toBe(false)
  })
})

test('observatoryListSchema requires numeric coordinates', () => {
  const gill = { uid: 'gill', full_name: 'Gillam', geodetic_latitude: 56.38, geodetic_longitude: -94.64 }
  expect(observatoryListSchema.parse([gill])).toEqual([
    { uid: 'gill', fullName: 'Gillam', geodeticLatitude: 56.38, geodeticLongitude: -94.64 },
  ])
  expect(observatoryListSchema.safeParse([{ ...gill, geodetic_latitude: '56' }]).success).toBe(false)
})

test('urlsResponseSchema requires http(s) URLs and treats a null total as unknown', () => {
  const body = {
    urls: ['https://x/a.h5'],
    path_prefix: 'https://x',
    count: 1,
    dataset: {},
    total_bytes: null,
  }
  expect(urlsResponseSchema.parse(body)).toEqual({
    urls: ['https://x/a.h5'],
    pathPrefix: 'https://x',
    totalBytes: undefined,
  })
  expect(urlsResponseSchema.safeParse({ ...body, urls: ['file:///etc/passwd'] }).success).toBe(false)
  expect(urlsResponseSchema.safeParse({ ...body, total_bytes: -1 }).success).toBe(false)
})
