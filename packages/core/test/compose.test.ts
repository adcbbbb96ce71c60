import { setTimeout as sleep } from 'node:timers/promises'
import {
  type CallContext,
  createHeliokit,
  type DatasetInfo,
  defineProvider,
  ErrorCode,
  isHeliokitError,
  NotFoundError,
  type Outcome,
  type Progress,
} from '@heliokit/core'
import { describe, expect, it } from 'vitest'
import { collect } from './helpers/collect.ts'
import { gate, untilAborted } from './helpers/gate.ts'
import { dataFile, datasetInfo } from './helpers/records.ts'

const connect = () => ({})

function listing(id: string, names: readonly string[]) {
  return defineProvider({
    id,
    title: id,
    async *datasets() {
      for (const name of names) yield datasetInfo(id, name)
    },
    connect,
  })
}

const ids = (outcomes: readonly Outcome<DatasetInfo>[]): string[] =>
  outcomes.map((o) => (o.ok ? `${o.provider}:${o.value.id}` : `${o.provider}:error:${o.error.code}`))

describe('hk.datasets() across providers', () => {
  it('merges the results of every provider with the capability into one iterable', async () => {
    const filesOnly = defineProvider({
      id: 'files-only',
      title: 'files only',
      async *files() {},
      connect,
    })
    const hk = createHeliokit({ providers: [listing('a', ['a1', 'a2']), filesOnly, listing('b', ['b1'])] })
    const outcomes = await collect(() => hk.datasets())
    expect(ids(outcomes).sort()).toEqual(['a:a1', 'a:a2', 'b:b1'])
    expect(outcomes.every((o) => o.ok)).toBe(true)
  })

  it('yields nothing when no provider has the capability', async () => {
    const filesOnly = defineProvider({ id: 'files-only', title: 'f', async *files() {}, connect })
    expect(await collect(() => createHeliokit({ providers: [filesOnly] }).datasets())).toEqual([])
    expect(await collect(() => createHeliokit().datasets())).toEqual([])
  })

  it('passes the query unchanged and gives each provider a call context', async () => {
    const seen: { query: unknown; ctx: CallContext }[] = []
    const spy = defineProvider({
      id: 'spy',
      title: 'spy',
      // biome-ignore lint/correctness/useYield: only records what it was given
      async *datasets(query, ctx) {
        seen.push({ query, ctx })
      },
      connect,
    })
    const hk = createHeliokit({ providers: [spy] })
    const query = { text: 'THEMIS', start: '2020-01-01', site: 'gill' }
    await collect(() => hk.datasets(query))
    expect(seen).toHaveLength(1)
    expect(seen[0]!.query).toEqual(query)
    expect(seen[0]!.ctx.signal).toBeInstanceOf(AbortSignal)
    expect(seen[0]!.ctx.logger).toBe(hk.context.logger)
    expect(typeof seen[0]!.ctx.transportFor).toBe('function')
  })

  it('forwards onProgress to the providers', async () => {
    const reporting = defineProvider({
      id: 'reporting',
      title: 'reporting',
      async *datasets(_query, ctx) {
        ctx.onProgress?.({ transferredBytes: 0, completedItems: 1, totalItems: 2 })
        yield datasetInfo('reporting', 'x')
      },
      connect,
    })
    const reports: Progress[] = []
    const hk = createHeliokit({ providers: [reporting] })
    await collect(() => hk.datasets({}, { onProgress: (p) => reports.push(p) }))
    expect(reports).toEqual([{ transferredBytes: 0, completedItems: 1, totalItems: 2 }])
  })

  it('yields results as they arrive, not provider by provider', async () => {
    // The slow provider is registered first and cannot finish before the fast one has: a merge that
    // drained providers in order would never get past it.
    const fastDone = gate()
    const slow = defineProvider({
      id: 'slow',
      title: 'slow',
      async *datasets() {
        await fastDone.promise
        yield datasetInfo('slow', 's1')
      },
      connect,
    })
    const fast = defineProvider({
      id: 'fast',
      title: 'fast',
      async *datasets() {
        yield datasetInfo('fast', 'f1')
        yield datasetInfo('fast', 'f2')
        yield datasetInfo('fast', 'f3')
        fastDone.open()
      },
      connect,
    })
    const hk = createHeliokit({ providers: [slow, fast] })
    expect(ids(await collect(() => hk.datasets()))).toEqual(['fast:f1', 'fast:f2', 'fast:f3', 'slow:s1'])
  })

  it('interleaves providers that take turns', async () => {
    const aTurn = gate()
    const bTurn = gate()
    const a = defineProvider({
      id: 'a',
      title: 'a',
      async *datasets() {
        yield datasetInfo('a', 'a1')
        await aTurn.promise
        yield datasetInfo('a', 'a2')
      },
      connect,
    })
    const b = defineProvider({
      id: 'b',
      title: 'b',
      async *datasets() {
        await bTurn.promise
        yield datasetInfo('b', 'b1')
        aTurn.open()
      },
      connect,
    })
    const hk = createHeliokit({ providers: [a, b] })
    const order: string[] = []
    for await (const outcome of hk.datasets()) {
      order.push(...ids([outcome]))
      if (order.length === 1) bTurn.open()
    }
    expect(order).toEqual(['a:a1', 'b:b1', 'a:a2'])
  })

  it('interleaves providers yielding at different speeds', async () => {
    const paced = (id: string, count: number, ms: number) =>
      defineProvider({
        id,
        title: id,
        async *datasets(_query, ctx) {
          for (let i = 0; i < count; i++) {
            await sleep(ms, undefined, { signal: ctx.signal })
            yield datasetInfo(id, `${id}${i}`)
          }
        },
        connect,
      })
    const hk = createHeliokit({ providers: [paced('slow', 2, 60), paced('fast', 3, 1)] })
    const outcomes = await collect(() => hk.datasets())
    expect(ids(outcomes).sort()).toEqual([
      'fast:fast0',
      'fast:fast1',
      'fast:fast2',
      'slow:slow0',
      'slow:slow1',
    ])
    // Whatever the machine's speed, the fast provider's first result is not held back behind the slow one.
    expect(outcomes[0]!.provider).toBe('fast')
  })
})

describe('a failing provider', () => {
  const failing = (error: unknown, after: readonly string[] = []) =>
    defineProvider({
      id: 'broken',
      title: 'broken',
      async *datasets() {
        for (const name of after) yield datasetInfo('broken', name)
        throw error
      },
      connect,
    })

  it('becomes an error outcome without hiding the other providers’ results', async () => {
    const failed = gate()
    const late = defineProvider({
      id: 'late',
      title: 'late',
      async *datasets() {
        yield datasetInfo('late', 'l1')
        await failed.promise
        yield datasetInfo('late', 'l2')
      },
      connect,
    })
    const hk = createHeliokit({ providers: [failing(new NotFoundError('no such dataset'), ['b1']), late] })
    const outcomes: Outcome<DatasetInfo>[] = []
    for await (const outcome of hk.datasets()) {
      outcomes.push(outcome)
      if (!outcome.ok) failed.open()
    }
    expect(ids(outcomes).sort()).toEqual(['broken:b1', 'broken:error:NOT_FOUND', 'late:l1', 'late:l2'])
    const error = outcomes.find((o) => !o.ok)
    expect(error).toMatchObject({ ok: false, provider: 'broken' })
    if (error?.ok !== false) throw new Error('unreachable')
    expect(error.error).toBeInstanceOf(NotFoundError)
  })

  it('reports a foreign error as INTERNAL with the provider id, keeping its message out', async () => {
    const hk = createHeliokit({
      providers: [failing(new TypeError('GET https://x.org/?api_key=hunter2hunter2 failed'))],
    })
    const [outcome] = await collect(() => hk.datasets())
    if (outcome?.ok !== false) throw new Error('expected an error outcome')
    expect(isHeliokitError(outcome.error)).toBe(true)
    expect(outcome.error.code).toBe(ErrorCode.INTERNAL)
    expect(outcome.error.provider).toBe('broken')
    expect(outcome.error.message).not.toContain('hunter2')
    expect(outcome.error.cause).toBeInstanceOf(TypeError)
  })

  it('becomes an error outcome when the method throws before returning an iterable', async () => {
    const eager = defineProvider({
      id: 'eager',
      title: 'eager',
      datasets(): AsyncIterable<DatasetInfo> {
        throw new NotFoundError('rejected at once')
      },
      connect,
    })
    const hk = createHeliokit({ providers: [eager, listing('ok', ['o1'])] })
    expect(ids(await collect(() => hk.datasets())).sort()).toEqual(['eager:error:NOT_FOUND', 'ok:o1'])
  })

  it("ends the call with the provider's error under onError: 'throw', closing the others", async () => {
    let otherClosed = false
    const otherWaiting = gate()
    const other = defineProvider({
      id: 'other',
      title: 'other',
      async *datasets(_query, ctx) {
        try {
          yield datasetInfo('other', 'o1')
          otherWaiting.open()
          await untilAborted(ctx.signal)
        } finally {
          otherClosed = true
        }
      },
      connect,
    })
    const failsLater = defineProvider({
      id: 'broken',
      title: 'broken',
      // biome-ignore lint/correctness/useYield: fails before its first result
      async *datasets() {
        await otherWaiting.promise
        throw new NotFoundError('gone')
      },
      connect,
    })
    const hk = createHeliokit({ providers: [other, failsLater] })
    const error = await collect(() => hk.datasets({}, { onError: 'throw' })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(otherClosed).toBe(true)
  })
})

describe('the providers option', () => {
  it('restricts the call to the named providers', async () => {
    const hk = createHeliokit({
      providers: [listing('a', ['a1']), listing('b', ['b1']), listing('c', ['c1'])],
    })
    expect(ids(await collect(() => hk.datasets({}, { providers: ['c', 'a'] }))).sort()).toEqual([
      'a:a1',
      'c:c1',
    ])
  })

  it('skips a named provider that lacks the capability', async () => {
    const filesOnly = defineProvider({ id: 'files-only', title: 'f', async *files() {}, connect })
    const hk = createHeliokit({ providers: [listing('a', ['a1']), filesOnly] })
    expect(ids(await collect(() => hk.datasets({}, { providers: ['files-only'] })))).toEqual([])
  })

  it('rejects an unknown id with NOT_FOUND', async () => {
    const hk = createHeliokit({ providers: [listing('a', ['a1'])] })
    const error = await collect(() => hk.datasets({}, { providers: ['nope'] })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as Error).message).toContain('"nope"')
  })
})

describe('aborting', () => {
  it('ends the iteration with ABORTED and the providers see the abort', async () => {
    const seen: boolean[] = []
    const waiting = (id: string) =>
      defineProvider({
        id,
        title: id,
        async *datasets(_query, ctx) {
          try {
            yield datasetInfo(id, `${id}1`)
            await untilAborted(ctx.signal)
          } finally {
            seen.push(ctx.signal?.aborted === true)
          }
        },
        connect,
      })
    const hk = createHeliokit({ providers: [waiting('a'), waiting('b')] })
    const controller = new AbortController()
    const received: string[] = []
    const error = await (async () => {
      for await (const outcome of hk.datasets({}, { signal: controller.signal })) {
        received.push(...ids([outcome]))
        if (received.length === 2) controller.abort()
      }
    })().catch((e: unknown) => e)
    expect(isHeliokitError(error) && error.code).toBe(ErrorCode.ABORTED)
    expect(received.sort()).toEqual(['a:a1', 'b:b1'])
    expect(seen).toEqual([true, true])
  })

  it('ends with TIMEOUT when the signal is a timeout', async () => {
    const waiting = defineProvider({
      id: 'waiting',
      title: 'waiting',
      // biome-ignore lint/correctness/useYield: waits on a request that only ends on abort
      async *datasets(_query, ctx) {
        await untilAborted(ctx.signal)
      },
      connect,
    })
    const hk = createHeliokit({ providers: [waiting] })
    const error = await collect(() => hk.datasets({}, { signal: AbortSignal.timeout(5) })).catch(
      (e: unknown) => e,
    )
    expect(isHeliokitError(error) && error.code).toBe(ErrorCode.TIMEOUT)
  })

  it('rejects at once with ABORTED when the signal has already fired', async () => {
    const hk = createHeliokit({ providers: [listing('a', ['a1'])] })
    const error = await collect(() => hk.datasets({}, { signal: AbortSignal.abort() })).catch(
      (e: unknown) => e,
    )
    expect(isHeliokitError(error) && error.code).toBe(ErrorCode.ABORTED)
  })
})

describe('breaking out of the loop early', () => {
  it("closes every provider's iterator, including one still waiting on a request", async () => {
    const closed: string[] = []
    const endless = (id: string) =>
      defineProvider({
        id,
        title: id,
        async *datasets() {
          try {
            for (let i = 0; ; i++) yield datasetInfo(id, `${id}${i}`)
          } finally {
            closed.push(id)
          }
        },
        connect,
      })
    const stuck = defineProvider({
      id: 'stuck',
      title: 'stuck',
      // biome-ignore lint/correctness/useYield: waits on a request that only ends on abort
      async *datasets(_query, ctx) {
        try {
          await untilAborted(ctx.signal)
        } finally {
          closed.push('stuck')
        }
      },
      connect,
    })
    const hk = createHeliokit({ providers: [endless('a'), stuck, endless('b')] })
    let count = 0
    for await (const _ of hk.datasets()) {
      if (++count === 5) break
    }
    expect(closed.sort()).toEqual(['a', 'b', 'stuck'])
  })
})

describe('hk.files()', () => {
  it('merges file listings from every provider with the files capability', async () => {
    const fileLister = (id: string) =>
      defineProvider({
        id,
        title: id,
        async *files(query) {
          yield dataFile(id, query.dataset, `${id}-1.cdf`)
          yield dataFile(id, query.dataset, `${id}-2.cdf`)
        },
        connect,
      })
    const hk = createHeliokit({
      providers: [fileLister('a'), listing('datasets-only', ['x']), fileLister('b')],
    })
    const outcomes = await collect(() => hk.files({ dataset: 'D', start: '2020-01-01', end: '2020-01-02' }))
    const paths = outcomes.map((o) => (o.ok ? `${o.provider}:${o.value.path}` : 'error'))
    expect(paths.sort()).toEqual(['a:D/a-1.cdf', 'a:D/a-2.cdf', 'b:D/b-1.cdf', 'b:D/b-2.cdf'])
  })
})
