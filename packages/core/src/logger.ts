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
      console[lvl](`[heliokit] ${lvl} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`)
    }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}
