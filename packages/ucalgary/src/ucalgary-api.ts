import type { DataFile, ProgressListener, TimeInput } from '@heliokit/core'
import type { UcalgaryDownloadResult, UcalgaryDownloadSettings } from './download/download-types.ts'
import type { UcalgaryInstrumentArray } from './input-fields.ts'
import type { UcalgaryFileListing } from './listing/ucalgary-file-listing.ts'
import type { UcalgaryDataset, UcalgaryLevel, UcalgaryObservatory } from './schemas.ts'

export interface UcalgaryCallOptions {
  readonly signal?: AbortSignal
}

export interface UcalgaryDatasetFilter extends UcalgaryCallOptions {
  /** Part of the dataset name, any case. */
  readonly name?: string
  readonly level?: UcalgaryLevel
}

export interface UcalgaryUrlOptions extends UcalgaryCallOptions {
  /** Site uid, e.g. `gill`. */
  readonly site?: string
  /** Device uid, e.g. `themis19`. */
  readonly device?: string
  /** Ask the server for the total size (slower for it on huge listings). Default true. */
  readonly includeTotalBytes?: boolean
  /** Listing calls done (`completedItems`) of those planned (`totalItems`). */
  readonly onProgress?: ProgressListener
}

export interface UcalgaryDownloadOptions
  extends UcalgaryDownloadSettings,
    Pick<UcalgaryUrlOptions, 'site' | 'device'> {}

/**
 * The UCalgary data distribution API. Times are UTC; `end` is inclusive, as in pyucalgarysrs:
 * `06:00` to `06:59` is one hour, 60 files of a 1min dataset.
 */
export interface UcalgaryApi {
  /** Datasets whose name contains `name`, at `level`. */
  datasets(filter?: UcalgaryDatasetFilter): Promise<UcalgaryDataset[]>
  /** One dataset by exact name (any case); NOT_FOUND when there is none. */
  getDataset(name: string, options?: UcalgaryCallOptions): Promise<UcalgaryDataset>
  /** Observatories of an instrument array; `uid` matches part of the uid, any case. */
  observatories(
    instrumentArray: UcalgaryInstrumentArray,
    options?: UcalgaryCallOptions & { readonly uid?: string },
  ): Promise<UcalgaryObservatory[]>
  /** Every file URL over any range: long ranges are listed in windows the server accepts and merged. */
  urls(
    dataset: string,
    start: TimeInput,
    end: TimeInput,
    options?: UcalgaryUrlOptions,
  ): Promise<UcalgaryFileListing>
  /** Lists and downloads to `<outDir>/<DATASET>/<data tree path>`, skipping files already there. */
  download(
    dataset: string,
    start: TimeInput,
    end: TimeInput,
    options?: UcalgaryDownloadOptions,
  ): Promise<UcalgaryDownloadResult>
  /** Downloads the files of an earlier listing. */
  download(listing: UcalgaryFileListing, options?: UcalgaryDownloadSettings): Promise<UcalgaryDownloadResult>
  /** The files of a range as DataFiles, streamed one listing window at a time. */
  files(
    dataset: string,
    start: TimeInput,
    end: TimeInput,
    options?: UcalgaryUrlOptions,
  ): AsyncIterable<DataFile>
  /** The files of an earlier listing as DataFiles. */
  files(listing: UcalgaryFileListing): AsyncIterable<DataFile>
}
