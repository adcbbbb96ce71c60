import { isSafeRelativePath } from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fileNameTime } from '../src/listing/file-name-time.ts'
import { localPath } from '../src/listing/local-path.ts'
import { siteAndDevice } from '../src/listing/site-and-device.ts'

const prefix = 'https://data.phys.ucalgary.ca/sort_by_project/THEMIS/asi'
const raw = `${prefix}/stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz`

describe('localPath', () => {
  test('is the dataset followed by the URL minus the path prefix', () => {
    expect(localPath('THEMIS_ASI_RAW', raw, prefix)).toBe(
      'THEMIS_ASI_RAW/stream0/2022/01/01/gill_themis19/ut06/20220101_0600_gill_themis19_full.pgm.gz',
    )
    expect(localPath('THEMIS_ASI_RAW', raw, `${prefix}/`)).toBe(localPath('THEMIS_ASI_RAW', raw, prefix))
  })

  test('keeps the whole path of a URL outside the prefix, decoded', () => {
    expect(localPath('X', 'https://other.example/a/b%20c.h5', prefix)).toBe('X/a/b c.h5')
  })

  test('rejects URLs that would escape the dataset folder', () => {
    // The URL parser resolves encoded dot segments, so this one stays inside as a plain path.
    expect(localPath('X', `${prefix}/a/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd`, prefix)).toBe('X/etc/passwd')
    expect(() => localPath('X', `${prefix}/a/..%2F..%2Fetc`, prefix)).toThrow(/safe local path/)
    expect(() => localPath('X', `${prefix}/`, prefix)).toThrow(/safe local path/)
    expect(() => localPath('X', `${prefix}/a%2Fb/..%5C..%5Cx`, prefix)).toThrow(/safe local path/)
  })

  test('any URL maps to a safe relative path or a BAD_RESPONSE error', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        try {
          expect(isSafeRelativePath(localPath('DS', url, prefix))).toBe(true)
        } catch (error) {
          expect((error as { code?: string }).code).toBe('BAD_RESPONSE')
        }
      }),
    )
  })
})

describe('fileNameTime', () => {
  test.each([
    [raw, '2022-01-01T06:00:00.000Z'],
    [
      `${prefix}/stream2/2022/01/01/gill_themis19/20220101__gill_themis19_full-keogram.jpg`,
      '2022-01-01T00:00:00.000Z',
    ],
    [
      `${prefix}/skymaps/gill/gill_20210519/themis_skymap_gill_20210519-+_v02.sav`,
      '2021-05-19T00:00:00.000Z',
    ],
    ['https://x/txt/2022/03/04/norstar_k0_gill_20220304_v01.txt', '2022-03-04T00:00:00.000Z'],
    ['https://x/processed/v1/20220101_2300_luck_spect-01_spectra.h5', '2022-01-01T23:00:00.000Z'],
  ])('%s', (url, iso) => {
    expect(fileNameTime(url)?.toISOString()).toBe(iso)
  })

  test('is undefined without a real date', () => {
    expect(fileNameTime('https://x/a/readme.txt')).toBeUndefined()
    expect(fileNameTime('https://x/a/20221340_0600_x.h5')).toBeUndefined()
    expect(fileNameTime('https://x/a/20220101_2561_x.h5')).toBeUndefined()
  })
})

test('siteAndDevice reads the site_device folder', () => {
  expect(siteAndDevice(raw)).toEqual({ site: 'gill', device: 'themis19' })
  expect(siteAndDevice('https://x/stream0/2022/01/01/luck_rgb-03/ut06/f.h5')).toEqual({
    site: 'luck',
    device: 'rgb-03',
  })
  expect(siteAndDevice('https://x/txt/2022/01/01/norstar_k0_gill_20220101_v01.txt')).toEqual({})
})
