/** One dataset as the UCalgary `datasets` endpoint returns it. */
export interface UcalgaryDatasetRecord {
  readonly name: string
  readonly short_description: string
  readonly long_description: string
  readonly data_tree_url: string
  readonly file_listing_supported: boolean
  readonly level: string
  readonly supported_libraries: readonly string[]
  readonly file_time_resolution: string
  readonly doi: string | null
  readonly doi_details: string | null
  readonly citation: string | null
}

/** A dataset of the emulator: its wire record (without host) and how its files are laid out. */
export interface EmulatedDataset {
  readonly name: string
  readonly level: 'L0' | 'L1' | 'L1A' | 'L2' | 'L3'
  readonly resolution: '1min' | '1hr' | '1day' | 'not_applicable'
  readonly short: string
  readonly long: string
  /** Instrument array whose sites hold files; none for network-wide products (mosaics). */
  readonly array?: string
  /** `path_prefix` below the data host, no trailing slash. */
  readonly prefix: string
  /** `data_tree_url` below the prefix. */
  readonly tree: string
  /**
   * File path below the prefix, with `{Y} {M} {D} {h} {m}` (UTC) and `{site} {device}` placeholders.
   * `not_applicable` datasets get one file per site per year (skymaps, calibrations).
   */
  readonly pattern: string
  /** First day with data. */
  readonly since: string
  /** UT hours `[from, to)` with data; imagers only record in the dark. */
  readonly hours?: readonly [number, number]
  readonly doi?: string
  readonly libraries?: readonly string[]
}

const asi = { hours: [0, 14] as const, libraries: ['pyucalgarysrs', 'idl-aurorax', 'pyaurorax'] }
const daily = { libraries: ['pyaurorax'] }

/** Every dataset the emulator knows, in the server's order. */
export const DATASETS: readonly EmulatedDataset[] = [
  {
    name: 'THEMIS_ASI_RAW',
    level: 'L0',
    resolution: '1min',
    short: 'THEMIS ASI raw data',
    long: 'THEMIS All Sky Imager network raw 3-second white-light images, one PGM file per minute.',
    array: 'themis_asi',
    prefix: 'sort_by_project/THEMIS/asi',
    tree: 'stream0',
    pattern: 'stream0/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_full.pgm.gz',
    since: '2005-09-01',
    doi: '10.11575/S88M29',
    ...asi,
  },
  {
    name: 'THEMIS_ASI_DAILY_KEOGRAM_JPG',
    level: 'L2',
    resolution: '1day',
    short: 'THEMIS ASI daily keograms',
    long: 'Daily north-south keograms of the THEMIS All Sky Imager network, JPG.',
    array: 'themis_asi',
    prefix: 'sort_by_project/THEMIS/asi',
    tree: 'stream2',
    pattern: 'stream2/{Y}/{M}/{D}/{site}_{device}/{Y}{M}{D}__{site}_{device}_full-keogram.jpg',
    since: '2005-09-01',
    ...daily,
  },
  {
    name: 'THEMIS_ASI_SKYMAP_IDLSAV',
    level: 'L3',
    resolution: 'not_applicable',
    short: 'THEMIS ASI skymaps',
    long: 'Skymap files mapping THEMIS ASI pixels to geographic and magnetic coordinates, IDL save files.',
    array: 'themis_asi',
    prefix: 'sort_by_project/THEMIS/asi',
    tree: 'skymaps',
    pattern: 'skymaps/{site}/{site}_{Y}{M}{D}/themis_skymap_{site}_{Y}{M}{D}-+_v02.sav',
    since: '2006-08-01',
    libraries: ['pyucalgarysrs', 'pyaurorax'],
  },
  {
    name: 'THEMIS_ASI_GRID_MOSV001',
    level: 'L3',
    resolution: '1min',
    short: 'THEMIS ASI mosaic grid v001',
    long: 'Gridded THEMIS ASI network mosaic in geographic coordinates, one HDF5 file per minute.',
    prefix: 'sort_by_project/THEMIS/asi',
    tree: 'grid/mosv001',
    pattern: 'grid/mosv001/{Y}/{M}/{D}/ut{h}/{Y}{M}{D}_{h}{m}_themis_grid_mosv001.h5',
    since: '2007-01-01',
    ...asi,
  },
  {
    name: 'REGO_RAW',
    level: 'L0',
    resolution: '1min',
    short: 'REGO raw data',
    long: 'Redline Emission Geospace Observatory 630.0 nm raw images, one PGM file per minute.',
    array: 'rego',
    prefix: 'sort_by_project/GO-Canada/REGO',
    tree: 'stream0',
    pattern: 'stream0/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_6300.pgm.gz',
    since: '2014-10-01',
    doi: '10.11575/z5wr-7k51',
    ...asi,
  },
  {
    name: 'REGO_DAILY_KEOGRAM_PNG',
    level: 'L2',
    resolution: '1day',
    short: 'REGO daily keograms',
    long: 'Daily north-south keograms of the REGO network, PNG.',
    array: 'rego',
    prefix: 'sort_by_project/GO-Canada/REGO',
    tree: 'stream2',
    pattern: 'stream2/{Y}/{M}/{D}/{site}_{device}/{Y}{M}{D}__{site}_{device}_6300-keogram.png',
    since: '2014-10-01',
    ...daily,
  },
  {
    name: 'REGO_SKYMAP_IDLSAV',
    level: 'L3',
    resolution: 'not_applicable',
    short: 'REGO skymaps',
    long: 'Skymap files for the REGO imagers, IDL save files.',
    array: 'rego',
    prefix: 'sort_by_project/GO-Canada/REGO',
    tree: 'skymaps',
    pattern: 'skymaps/{site}/{site}_{Y}{M}{D}/rego_skymap_{site}_{Y}{M}{D}-+_v01.sav',
    since: '2014-10-01',
    libraries: ['pyucalgarysrs', 'pyaurorax'],
  },
  {
    name: 'REGO_CALIBRATION_RAYLEIGHS_IDLSAV',
    level: 'L3',
    resolution: 'not_applicable',
    short: 'REGO Rayleighs calibration',
    long: 'Absolute intensity calibration of each REGO imager, IDL save files.',
    array: 'rego',
    prefix: 'sort_by_project/GO-Canada/REGO',
    tree: 'calibration',
    pattern: 'calibration/REGO_Rayleighs_{device}_{Y}{M}{D}-+_v01.sav',
    since: '2014-10-01',
    libraries: ['pyucalgarysrs'],
  },
  {
    name: 'REGO_CALIBRATION_FLATFIELD_IDLSAV',
    level: 'L3',
    resolution: 'not_applicable',
    short: 'REGO flatfield calibration',
    long: 'Flatfield calibration of each REGO imager, IDL save files.',
    array: 'rego',
    prefix: 'sort_by_project/GO-Canada/REGO',
    tree: 'calibration',
    pattern: 'calibration/REGO_flatfield_{device}_{Y}{M}{D}-+_v01.sav',
    since: '2014-10-01',
    libraries: ['pyucalgarysrs'],
  },
  {
    name: 'TREX_RGB_RAW_NOMINAL',
    level: 'L0',
    resolution: '1min',
    short: 'TREx RGB raw data (nominal)',
    long: 'Transition Region Explorer RGB colour imager, nominal 3-second cadence, one HDF5 file per minute.',
    array: 'trex_rgb',
    prefix: 'sort_by_project/TREx/RGB',
    tree: 'stream0',
    pattern: 'stream0/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_full.h5',
    since: '2017-09-01',
    doi: '10.11575/grhe-bn59',
    ...asi,
  },
  {
    name: 'TREX_RGB_RAW_BURST',
    level: 'L0',
    resolution: '1min',
    short: 'TREx RGB raw data (burst)',
    long: 'TREx RGB burst-mode images at 3 Hz, one HDF5 file per minute.',
    array: 'trex_rgb',
    prefix: 'sort_by_project/TREx/RGB',
    tree: 'stream0.burst',
    pattern: 'stream0.burst/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_burst.h5',
    since: '2021-01-01',
    ...asi,
  },
  {
    name: 'TREX_RGB_DAILY_KEOGRAM',
    level: 'L2',
    resolution: '1day',
    short: 'TREx RGB daily keograms',
    long: 'Daily north-south keograms of the TREx RGB network, JPG.',
    array: 'trex_rgb',
    prefix: 'sort_by_project/TREx/RGB',
    tree: 'stream2',
    pattern: 'stream2/{Y}/{M}/{D}/{site}_{device}/{Y}{M}{D}__{site}_{device}_full-keogram.jpg',
    since: '2017-09-01',
    ...daily,
  },
  {
    name: 'TREX_RGB_SKYMAP_IDLSAV',
    level: 'L3',
    resolution: 'not_applicable',
    short: 'TREx RGB skymaps',
    long: 'Skymap files for the TREx RGB imagers, IDL save files.',
    array: 'trex_rgb',
    prefix: 'sort_by_project/TREx/RGB',
    tree: 'skymaps',
    pattern: 'skymaps/{site}/{site}_{Y}{M}{D}/rgb_skymap_{site}_{Y}{M}{D}-+_v01.sav',
    since: '2017-09-01',
    libraries: ['pyucalgarysrs', 'pyaurorax'],
  },
  {
    name: 'TREX_NIR_RAW',
    level: 'L0',
    resolution: '1min',
    short: 'TREx NIR raw data',
    long: 'TREx near-infrared imager raw 6-second images, one PGM file per minute.',
    array: 'trex_nir',
    prefix: 'sort_by_project/TREx/NIR',
    tree: 'stream0',
    pattern: 'stream0/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_8446.pgm.gz',
    since: '2017-09-01',
    ...asi,
  },
  {
    name: 'TREX_NIR_SKYMAP_IDLSAV',
    level: 'L3',
    resolution: 'not_applicable',
    short: 'TREx NIR skymaps',
    long: 'Skymap files for the TREx NIR imagers, IDL save files.',
    array: 'trex_nir',
    prefix: 'sort_by_project/TREx/NIR',
    tree: 'skymaps',
    pattern: 'skymaps/{site}/{site}_{Y}{M}{D}/nir_skymap_{site}_{Y}{M}{D}-+_v01.sav',
    since: '2017-09-01',
    libraries: ['pyucalgarysrs'],
  },
  {
    name: 'TREX_BLUE_RAW',
    level: 'L0',
    resolution: '1min',
    short: 'TREx Blueline raw data',
    long: 'TREx Blueline imager raw 3-second images, one PGM file per minute.',
    array: 'trex_blue',
    prefix: 'sort_by_project/TREx/blueline',
    tree: 'stream0',
    pattern: 'stream0/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_full.pgm.gz',
    since: '2018-01-01',
    ...asi,
  },
  {
    name: 'TREX_BLUE_SKYMAP_IDLSAV',
    level: 'L3',
    resolution: 'not_applicable',
    short: 'TREx Blueline skymaps',
    long: 'Skymap files for the TREx Blueline imagers, IDL save files.',
    array: 'trex_blue',
    prefix: 'sort_by_project/TREx/blueline',
    tree: 'skymaps',
    pattern: 'skymaps/{site}/{site}_{Y}{M}{D}/blue_skymap_{site}_{Y}{M}{D}-+_v01.sav',
    since: '2018-01-01',
    libraries: ['pyucalgarysrs'],
  },
  {
    name: 'TREX_SPECT_RAW',
    level: 'L0',
    resolution: '1min',
    short: 'TREx Spectrograph raw data',
    long: 'TREx meridian-scanning spectrograph raw spectra, one PGM file per minute.',
    array: 'trex_spectrograph',
    prefix: 'sort_by_project/TREx/spectrograph',
    tree: 'stream0',
    pattern: 'stream0/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_raw.pgm.gz',
    since: '2019-10-01',
    ...asi,
  },
  {
    name: 'TREX_SPECT_PROCESSED_V1',
    level: 'L1A',
    resolution: '1hr',
    short: 'TREx Spectrograph processed data v1',
    long: 'TREx spectrograph spectra with dark and flatfield corrections, one HDF5 file per hour.',
    array: 'trex_spectrograph',
    prefix: 'sort_by_project/TREx/spectrograph',
    tree: 'processed/v1',
    pattern: 'processed/v1/{Y}/{M}/{D}/{site}_{device}/{Y}{M}{D}_{h}00_{site}_{device}_spectra.h5',
    since: '2019-10-01',
    hours: [0, 14],
    libraries: ['pyucalgarysrs'],
  },
  {
    name: 'SMILE_ASI_RAW',
    level: 'L0',
    resolution: '1min',
    short: 'SMILE ASI raw data',
    long: 'SMILE All Sky Imagers raw colour images, one HDF5 file per minute.',
    array: 'smile_asi',
    prefix: 'sort_by_project/SMILE/asi',
    tree: 'stream0',
    pattern: 'stream0/{Y}/{M}/{D}/{site}_{device}/ut{h}/{Y}{M}{D}_{h}{m}_{site}_{device}_full.h5',
    since: '2023-09-01',
    ...asi,
  },
  {
    name: 'NORSTAR_RIOMETER_K0_TXT',
    level: 'L1',
    resolution: '1day',
    short: 'NORSTAR riometer K0 data',
    long: 'NORSTAR riometer raw absorption data at 1-second cadence, one text file per day.',
    array: 'norstar_riometer',
    prefix: 'sort_by_project/GO-Canada/GO-Rio',
    tree: 'txt',
    pattern: 'txt/{Y}/{M}/{D}/norstar_k0_{site}_{Y}{M}{D}_v01.txt',
    since: '2003-01-01',
    libraries: ['pyucalgarysrs'],
  },
  {
    name: 'NORSTAR_RIOMETER_K2_TXT',
    level: 'L2',
    resolution: '1day',
    short: 'NORSTAR riometer K2 data',
    long: 'NORSTAR riometer absorption with a quiet-day curve removed, one text file per day.',
    array: 'norstar_riometer',
    prefix: 'sort_by_project/GO-Canada/GO-Rio',
    tree: 'txt_k2',
    pattern: 'txt_k2/{Y}/{M}/{D}/norstar_k2_{site}_{Y}{M}{D}_v01.txt',
    since: '2003-01-01',
    libraries: ['pyucalgarysrs'],
  },
  {
    name: 'SWAN_HSR_K0_H5',
    level: 'L1',
    resolution: '1day',
    short: 'SWAN HSR K0 data',
    long: 'SWAN high-sample-rate riometer spectra, one HDF5 file per day.',
    array: 'swan_hsr',
    prefix: 'sort_by_project/SWAN/hsr',
    tree: 'k0',
    pattern: 'k0/{Y}/{M}/{D}/{Y}{M}{D}_{site}_{device}_k0.h5',
    since: '2020-01-01',
    libraries: ['pyucalgarysrs'],
  },
]

/** The wire record of a dataset, with URLs on the given data host. */
export function datasetRecord(dataset: EmulatedDataset, dataUrl: string): UcalgaryDatasetRecord {
  return {
    name: dataset.name,
    short_description: dataset.short,
    long_description: dataset.long,
    data_tree_url: `${dataUrl}/${dataset.prefix}/${dataset.tree}/`,
    file_listing_supported: true,
    level: dataset.level,
    supported_libraries: dataset.libraries ?? [],
    file_time_resolution: dataset.resolution,
    doi: dataset.doi ? `https://doi.org/${dataset.doi}` : null,
    doi_details: dataset.doi ? `https://commons.datacite.org/doi.org/${dataset.doi}` : null,
    citation: dataset.doi
      ? `University of Calgary Space Remote Sensing group (2023). ${dataset.short}. https://doi.org/${dataset.doi}`
      : null,
  }
}
