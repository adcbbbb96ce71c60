import { posix, win32 } from 'node:path'
import {
  type DataFile,
  type DatasetInfo,
  dataFileSchema,
  datasetInfoSchema,
  isSafeRelativePath,
  linkSchema,
} from '@heliokit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/).filter((s) => s !== '.' && s !== '..')
const safePath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'))

/** Whether joining `path` under a base folder stays inside it, on POSIX and on Windows. */
function staysInside(path: string): boolean {
  return (
    posix.resolve('/base', path).startsWith('/base/') &&
    win32.resolve('C:\\base', path).startsWith('C:\\base\\')
  )
}

describe('isSafeRelativePath', () => {
  it.each([
    ['a'],
    ['a/b.cdf'],
    ['THEMIS/2022/01/01/ut06/file.pgm.gz'],
    ['.hidden'],
    ['a..b'],
    ['...'],
    ['a b/c d'],
    ['dir/ümlaut.txt'],
  ])('accepts %o', (path) => {
    expect(isSafeRelativePath(path)).toBe(true)
  })

  it.each([
    [''],
    ['/etc/passwd'],
    ['..'],
    ['../x'],
    ['a/../../x'],
    ['a/..'],
    ['./a'],
    ['a/./b'],
    ['a//b'],
    ['a/'],
    ['a\\b'],
    ['..\\x'],
    ['C:'],
    ['C:x'],
    ['c:/windows'],
    ['a\0b'],
  ])('rejects %o', (path) => {
    expect(isSafeRelativePath(path)).toBe(false)
  })

  it('accepts paths of plain segments, and they stay inside the base folder', () => {
    fc.assert(
      fc.property(safePath, (path) => {
        expect(isSafeRelativePath(path)).toBe(true)
        expect(staysInside(path)).toBe(true)
      }),
    )
  })

  it('rejects any path with a .. segment', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.nat(), (parts, at) => {
        const withDots = [...parts]
        withDots.splice(at % (parts.length + 1), 0, '..')
        expect(isSafeRelativePath(withDots.join('/'))).toBe(false)
      }),
    )
  })

  it('rejects any path with a leading /', () => {
    fc.assert(
      fc.property(fc.string(), (rest) => {
        expect(isSafeRelativePath(`/${rest}`)).toBe(false)
      }),
    )
  })

  it('rejects any path with a backslash', () => {
    fc.assert(
      fc.property(safePath, fc.nat(), (path, at) => {
        const i = at % (path.length + 1)
        expect(isSafeRelativePath(`${path.slice(0, i)}\\${path.slice(i)}`)).toBe(false)
      }),
    )
  })

  it('rejects any path starting with a drive letter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'abcxyzABCXYZ'.split('')), fc.string(), (letter, rest) => {
        expect(isSafeRelativePath(`${letter}:${rest}`)).toBe(false)
      }),
    )
  })

  it('never accepts a path that escapes the base folder', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('a', 'C', '.', '/', '\\', ':', ' ', '\0', '~'),
      maxLength: 16,
    })
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string()), (path) => {
        if (isSafeRelativePath(path)) expect(staysInside(path), path).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})

const file: DataFile = {
  provider: 'ucalgary',
  dataset: 'THEMIS_ASI_RAW',
  url: 'https://data.example.org/themis/2022/01/01/file.pgm.gz',
  start: new Date('2022-01-01T06:00:00Z'),
  stop: new Date('2022-01-01T06:01:00Z'),
  size: 1024,
  checksum: { algorithm: 'sha256', value: 'ab'.repeat(32) },
  path: 'THEMIS_ASI_RAW/2022/01/01/file.pgm.gz',
  mirrors: ['s3://themis/2022/01/01/file.pgm.gz'],
  metadata: { site: 'gill' },
}

describe('dataFileSchema', () => {
  it('accepts a complete DataFile and a minimal one', () => {
    expect(dataFileSchema.parse(file)).toEqual(file)
    const minimal = {
      provider: 'p',
      dataset: 'd',
      url: 's3://bucket/key.cdf',
      path: 'd/key.cdf',
      metadata: {},
    }
    expect(dataFileSchema.parse(minimal)).toEqual(minimal)
  })

  it.each([
    ['an ftp: URL', { url: 'ftp://x.org/a' }, 'url'],
    ['a file: URL', { url: 'file:///etc/passwd' }, 'url'],
    ['a relative URL', { url: '/a/b.cdf' }, 'url'],
    ['an empty provider', { provider: '' }, 'provider'],
    ['an empty dataset', { dataset: '' }, 'dataset'],
    ['a negative size', { size: -1 }, 'size'],
    ['a fractional size', { size: 1.5 }, 'size'],
    ['a start given as a string', { start: '2022-01-01' }, 'start'],
    ['an invalid Date', { stop: new Date(Number.NaN) }, 'stop'],
    ['an upper-case checksum', { checksum: { algorithm: 'sha256', value: 'AB' } }, 'checksum.value'],
    [
      'an unknown checksum algorithm',
      { checksum: { algorithm: 'crc32', value: 'ab' } },
      'checksum.algorithm',
    ],
    ['a path with ..', { path: '../outside.cdf' }, 'path'],
    ['an absolute path', { path: '/tmp/x' }, 'path'],
    ['a Windows path', { path: 'a\\b' }, 'path'],
    ['a mirror with an ftp: URL', { mirrors: ['ftp://x.org/a'] }, 'mirrors.0'],
    ['mirrors given as a string', { mirrors: 'https://x.org/a' }, 'mirrors'],
    ['missing metadata', { metadata: undefined }, 'metadata'],
  ])('rejects %s', (_, change, field) => {
    const result = dataFileSchema.safeParse({ ...file, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field)
  })

  it('tolerates extra fields', () => {
    expect(dataFileSchema.safeParse({ ...file, extra: 1 }).success).toBe(true)
  })
})

const dataset: DatasetInfo = {
  provider: 'vo',
  id: 'ivo://cdaweb/AC_H0_MFI',
  title: 'ACE magnetic field',
  description: '16-second averages',
  timeSpan: { start: new Date('1997-09-02T00:00:00Z') },
  citation: 'Smith et al.',
  doi: '10.48322/example',
  links: [{ href: 'https://cdaweb.gsfc.nasa.gov/', rel: 'documentation', title: 'CDAWeb' }],
  raw: { anything: ['goes'] },
}

describe('datasetInfoSchema', () => {
  it('accepts a complete DatasetInfo and a minimal one', () => {
    expect(datasetInfoSchema.parse(dataset)).toEqual(dataset)
    const minimal = { provider: 'p', id: 'd', title: '', links: [], raw: null }
    expect(datasetInfoSchema.parse(minimal)).toEqual(minimal)
  })

  it.each([
    ['an empty id', { id: '' }, 'id'],
    ['an empty provider', { provider: '' }, 'provider'],
    ['missing links', { links: undefined }, 'links'],
    ['a link without href', { links: [{ href: '', rel: 'doi' }] }, 'links.0.href'],
    ['a link without rel', { links: [{ href: 'https://x.org' }] }, 'links.0.rel'],
    ['a time span with a string', { timeSpan: { start: '1997-09-02' } }, 'timeSpan.start'],
    ['a time span with an invalid Date', { timeSpan: { end: new Date(Number.NaN) } }, 'timeSpan.end'],
    ['a numeric title', { title: 5 }, 'title'],
  ])('rejects %s', (_, change, field) => {
    const result = datasetInfoSchema.safeParse({ ...dataset, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field)
  })
})

describe('linkSchema', () => {
  it('needs a non-empty href and rel, title optional', () => {
    expect(linkSchema.safeParse({ href: 'https://x.org', rel: 'doi' }).success).toBe(true)
    expect(linkSchema.safeParse({ href: 'https://x.org', rel: '' }).success).toBe(false)
  })
})
