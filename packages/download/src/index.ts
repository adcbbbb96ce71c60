export { download } from './download.ts'
export type {
  DownloadOptions,
  DownloadProgress,
  DownloadResult,
  FailedFile,
  FileOutcome,
  FileProgress,
} from './options.ts'
