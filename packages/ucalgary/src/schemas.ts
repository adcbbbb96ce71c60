import { z } from 'zod'

/** Processing levels the archive uses today; others may appear and are kept as given. */
export type UcalgaryLevel = 'L0' | 'L1' | 'L1A' | 'L2' | 'L3' | (string & {})

/** How much time one file covers; `not_applicable` for skymaps and calibrations. */
export type UcalgaryFileTimeResolution = '1min' | '1hr' | '1day' | 'not_applicable' | (string & {})

export interface UcalgaryDataset {
  /** Upper-case name, e.g. `THEMIS_ASI_RAW`. */
  readonly name: string
  readonly shortDescription: string
  readonly longDescription: string
  /** Browsable folder of the dataset on the data host. */
  readonly dataTreeUrl?: string
  readonly fileListingSupported: boolean
  readonly level: UcalgaryLevel
  readonly supportedLibraries: readonly string[]
  readonly fileTimeResolution: UcalgaryFileTimeResolution
  readonly doi?: string
  readonly doiDetails?: string
  readonly citation?: string
}

export interface UcalgaryObservatory {
  readonly uid: string
  readonly fullName: string
  readonly geodeticLatitude: number
  readonly geodeticLongitude: number
}

// Strict on what we use (name, level, resolution, URLs), tolerant of absent descriptive fields and extras.
const optionalText = z
  .string()
  .nullish()
  .transform((v) => v || undefined)

export const datasetSchema: z.ZodType<UcalgaryDataset> = z
  .object({
    name: z.string().min(1),
    short_description: z.string().nullish(),
    long_description: z.string().nullish(),
    data_tree_url: optionalText,
    file_listing_supported: z.boolean().nullish(),
    level: z.string().min(1),
    supported_libraries: z.array(z.string()).nullish(),
    file_time_resolution: z.string().min(1),
    doi: optionalText,
    doi_details: optionalText,
    citation: optionalText,
  })
  .transform(
    (d): UcalgaryDataset => ({
      name: d.name,
      shortDescription: d.short_description ?? '',
      longDescription: d.long_description ?? '',
      dataTreeUrl: d.data_tree_url,
      fileListingSupported: d.file_listing_supported ?? true,
      level: d.level,
      supportedLibraries: d.supported_libraries ?? [],
      fileTimeResolution: d.file_time_resolution,
      doi: d.doi,
      doiDetails: d.doi_details,
      citation: d.citation,
    }),
  )

export const datasetListSchema: z.ZodType<UcalgaryDataset[]> = z.array(datasetSchema)

export const observatoryListSchema: z.ZodType<UcalgaryObservatory[]> = z.array(
  z
    .object({
      uid: z.string().min(1),
      full_name: z.string(),
      geodetic_latitude: z.number(),
      geodetic_longitude: z.number(),
    })
    .transform(
      (o): UcalgaryObservatory => ({
        uid: o.uid,
        fullName: o.full_name,
        geodeticLatitude: o.geodetic_latitude,
        geodeticLongitude: o.geodetic_longitude,
      }),
    ),
)

/** One `urls` answer, for one listing window. */
export interface UrlsResponse {
  readonly urls: string[]
  readonly pathPrefix: string
  readonly totalBytes: number | undefined
}

const httpUrl = z
  .string()
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http(s) URL')

export const urlsResponseSchema: z.ZodType<UrlsResponse> = z
  .object({
    urls: z.array(httpUrl),
    path_prefix: z.string(),
    total_bytes: z.number().int().nonnegative().nullish(),
  })
  .transform(
    (r): UrlsResponse => ({
      urls: r.urls,
      pathPrefix: r.path_prefix,
      totalBytes: r.total_bytes ?? undefined,
    }),
  )
