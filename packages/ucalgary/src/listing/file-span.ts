const DAY = 86_400_000

/** Time one file covers, per resolution; undefined when files are not periodic. */
export const FILE_SPAN_MS: Readonly<Record<string, number>> = {
  '1min': 60_000,
  '1hr': 3_600_000,
  '1day': DAY,
}
