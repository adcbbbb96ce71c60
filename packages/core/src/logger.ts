export type LogFields = Readonly<Record<string, unknown>>

/** What every long operation logs through; never give it secrets. */
export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

const noop = (): void => {}

export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop }

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/** A logger writing `[heliokit] level message {fields}` lines to the console (stderr for warn and error). */
export function createConsoleLogger(level: LogLevel = 'info'): Logger {
  // Looks the console method up on each call, so console patches made later (log capture) are honoured.
  const at =
    (lvl: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (order[lvl] < order[level]) return
      console[lvl](`[heliokit] ${lvl} ${message}${fields ? ` ${formatFields(fields)}` : ''}`)
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/**
 * Fields as JSON that never throws: a log call must not fail the operation it reports on. BigInts
 * become strings, errors their name and message, and a value met again inside itself `[Circular]`.
 */
function formatFields(fields: LogFields): string {
  // The objects from the root down to the one being written (JSON.stringify passes its holder as `this`).
  const ancestors: unknown[] = []
  return JSON.stringify(fields, function (this: unknown, _key, value: unknown) {
    if (typeof value === 'bigint') return value.toString()
    if (value instanceof Error) return `${value.name}: ${value.message}`
    if (typeof value !== 'object' || value === null) return value
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop()
    if (ancestors.includes(value)) return '[Circular]'
    ancestors.push(value)
    return value
  })
}
