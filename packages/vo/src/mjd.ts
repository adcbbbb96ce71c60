const MJD_EPOCH_MS = Date.UTC(1858, 10, 17)

/** Modified Julian Date of a time (SIA v2 TIME, ObsCore t_min/t_max). */
export function toMjd(date: Date): number {
  return (date.getTime() - MJD_EPOCH_MS) / 86_400_000
}

export function fromMjd(mjd: number): Date {
  return new Date(MJD_EPOCH_MS + mjd * 86_400_000)
}
