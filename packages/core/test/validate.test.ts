import { BadResponseError, InvalidInputError, parseInput, parseResponse } from '@heliokit/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const query = z.object({
  dataset: z.string().min(1),
  limit: z.number().int().positive().default(100),
  urls: z.array(z.url()).optional(),
  range: z.object({ start: z.string(), end: z.string() }).optional(),
})

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('parseInput', () => {
  it('returns the parsed value, defaults applied', () => {
    expect(parseInput(query, { dataset: 'D' }, { what: 'file query' })).toEqual({ dataset: 'D', limit: 100 })
  })

  it('throws INVALID_INPUT listing every issue by dotted path', () => {
    const error = thrown(() =>
      parseInput(
        query,
        {
          dataset: '',
          limit: -1,
          urls: ['https://ok.org', 'x', 'https://ok.org', 'nope'],
          range: { start: 1 },
        },
        { provider: 'vo', what: 'file query' },
      ),
    ) as InvalidInputError
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.provider).toBe('vo')
    expect(error.issues.map((i) => i.path)).toEqual([
      'dataset',
      'limit',
      'urls.1',
      'urls.3',
      'range.start',
      'range.end',
    ])
    expect(error.message).toMatch(
      /^\[heliokit\] \[vo\] invalid file query: dataset: .+; limit: .+; urls\.1: .+ \(\+3 more\)$/,
    )
    expect(error.cause).toBeInstanceOf(z.ZodError)
  })

  it('names the root when the input itself is wrong', () => {
    const error = thrown(() => parseInput(query, 'dataset=D', { what: 'query' })) as InvalidInputError
    expect(error.issues).toEqual([{ path: '(root)', message: expect.any(String) }])
    expect(error.message).toContain('invalid query: (root):')
  })
})

describe('parseResponse', () => {
  const body = z.object({ data: z.array(z.object({ id: z.string(), size: z.number() })) })

  it('returns the parsed body', () => {
    const ok = { data: [{ id: 'a', size: 1 }], extra: true }
    expect(parseResponse(body, ok, { url: 'https://x.org/api' })).toEqual({ data: [{ id: 'a', size: 1 }] })
  })

  it('throws BAD_RESPONSE naming the URL and the field path', () => {
    const error = thrown(() =>
      parseResponse(
        body,
        {
          data: [
            { id: 'a', size: 1 },
            { id: 7, size: 2 },
          ],
        },
        { provider: 'aurorax', url: 'https://api.x.org/v1/search', status: 200 },
      ),
    ) as BadResponseError
    expect(error).toBeInstanceOf(BadResponseError)
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error).toMatchObject({ provider: 'aurorax', url: 'https://api.x.org/v1/search', status: 200 })
    expect(error.issues.map((i) => i.path)).toEqual(['data.1.id'])
    expect(error.message).toContain('https://api.x.org/v1/search')
    expect(error.message).toContain('data.1.id')
  })

  it('keeps a key in an unredacted URL out of the error', () => {
    const error = thrown(() =>
      parseResponse(body, null, { url: 'https://api.x.org/v1/search?api_key=hunter2hunter2' }),
    ) as BadResponseError
    expect(error).toBeInstanceOf(BadResponseError)
    expect(error.message).not.toContain('hunter2')
    expect(error.url).toBe('https://api.x.org/v1/search?api_key=***')
  })
})
