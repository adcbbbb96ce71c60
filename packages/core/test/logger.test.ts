import { createConsoleLogger, silentLogger } from '@heliokit/core'
import { describe, expect, it, vi } from 'vitest'

function spyConsole() {
  return {
    debug: vi.spyOn(console, 'debug').mockImplementation(() => {}),
    info: vi.spyOn(console, 'info').mockImplementation(() => {}),
    warn: vi.spyOn(console, 'warn').mockImplementation(() => {}),
    error: vi.spyOn(console, 'error').mockImplementation(() => {}),
  }
}

function logAll(logger: ReturnType<typeof createConsoleLogger>): void {
  logger.debug('d')
  logger.info('i')
  logger.warn('w')
  logger.error('e')
}

describe('createConsoleLogger', () => {
  it('writes info and above by default, as "[heliokit] level message {fields}"', () => {
    const spies = spyConsole()
    const logger = createConsoleLogger()
    logAll(logger)
    logger.info('listing', { provider: 'vo', files: 3 })
    expect(spies.debug).not.toHaveBeenCalled()
    expect(spies.info.mock.calls).toEqual([
      ['[heliokit] info i'],
      ['[heliokit] info listing {"provider":"vo","files":3}'],
    ])
    expect(spies.warn.mock.calls).toEqual([['[heliokit] warn w']])
    expect(spies.error.mock.calls).toEqual([['[heliokit] error e']])
  })

  it('never throws on fields JSON cannot hold: BigInts, errors, cycles (a repeated value is not a cycle)', () => {
    const spies = spyConsole()
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    const shared = { id: 1 }
    createConsoleLogger().warn('odd fields', {
      bytes: 12n,
      error: new TypeError('bad'),
      loop,
      pair: [shared, shared],
    })
    expect(spies.warn.mock.calls).toEqual([
      [
        '[heliokit] warn odd fields {"bytes":"12","error":"TypeError: bad","loop":{"name":"loop","self":"[Circular]"},"pair":[{"id":1},{"id":1}]}',
      ],
    ])
  })

  it.each([
    ['debug', [1, 1, 1, 1]],
    ['info', [0, 1, 1, 1]],
    ['warn', [0, 0, 1, 1]],
    ['error', [0, 0, 0, 1]],
  ] as const)('at level %s writes only that level and above', (level, counts) => {
    const spies = spyConsole()
    logAll(createConsoleLogger(level))
    expect([spies.debug, spies.info, spies.warn, spies.error].map((s) => s.mock.calls.length)).toEqual(counts)
  })

  it('writes through the console methods in place when it logs, not when it was made', () => {
    const logger = createConsoleLogger('debug')
    const spies = spyConsole()
    logAll(logger)
    expect([spies.debug, spies.info, spies.warn, spies.error].map((s) => s.mock.calls.length)).toEqual([
      1, 1, 1, 1,
    ])
  })
})

describe('silentLogger', () => {
  it('writes nothing', () => {
    const spies = spyConsole()
    logAll(silentLogger)
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled()
  })
})
