import type { UcalgaryApi, UcalgaryDownloadResult } from '../../src/index.ts'

/** Lists half an hour of THEMIS_ASI_RAW at gill and downloads it into `outDir`, aborting after two files. */
export async function abortedDownload(api: UcalgaryApi, outDir: string): Promise<UcalgaryDownloadResult> {
  const listing = await api.urls('THEMIS_ASI_RAW', '2022-01-01T06:00', '2022-01-01T06:29', { site: 'gill' })
  const controller = new AbortController()
  return api.download(listing, {
    outDir,
    concurrency: 2,
    signal: controller.signal,
    onProgress: (p) => {
      if ((p.completedItems ?? 0) >= 2) controller.abort()
    },
  })
}
