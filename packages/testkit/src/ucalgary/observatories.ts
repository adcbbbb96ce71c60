/** One observatory as the UCalgary `observatories` endpoint returns it. */
export interface UcalgaryObservatoryRecord {
  readonly uid: string
  readonly full_name: string
  readonly geodetic_latitude: number
  readonly geodetic_longitude: number
}

/** An instrument at an observatory: the site and the device uid used in file names. */
export interface EmulatedInstrument {
  readonly site: string
  readonly device: string
}

const sites: Readonly<Record<string, readonly [string, number, number]>> = {
  atha: ['Athabasca, AB, Canada', 54.6, -113.64],
  chbg: ['Chibougamau, QC, Canada', 49.81, -74.42],
  chur: ['Churchill, MB, Canada', 58.76, -94.08],
  daws: ['Dawson City, YT, Canada', 64.05, -139.11],
  ekat: ['Ekati, NT, Canada', 64.72, -110.63],
  fsim: ['Fort Simpson, NT, Canada', 61.76, -121.23],
  fsmi: ['Fort Smith, NT, Canada', 60.03, -111.93],
  fykn: ['Fort Yukon, AK, USA', 66.56, -145.21],
  gako: ['Gakona, AK, USA', 62.39, -145.15],
  gbay: ['Goose Bay, NL, Canada', 53.32, -60.46],
  gill: ['Gillam, MB, Canada', 56.38, -94.64],
  inuv: ['Inuvik, NT, Canada', 68.41, -133.77],
  isll: ['Island Lake, MB, Canada', 53.86, -94.66],
  kapu: ['Kapuskasing, ON, Canada', 49.39, -82.32],
  kian: ['Kiana, AK, USA', 66.97, -160.44],
  kuuj: ['Kuujjuaq, QC, Canada', 58.11, -68.41],
  luck: ['Lucky Lake, SK, Canada', 51.15, -107.26],
  mcgr: ['McGrath, AK, USA', 62.95, -155.6],
  mcmu: ['Fort McMurray, AB, Canada', 56.66, -111.21],
  nrsq: ['Narsarsuaq, Greenland', 61.16, -45.43],
  pgeo: ['Prince George, BC, Canada', 53.82, -122.84],
  pina: ['Pinawa, MB, Canada', 50.16, -96.07],
  rabb: ['Rabbit Lake, SK, Canada', 58.23, -103.68],
  rank: ['Rankin Inlet, NU, Canada', 62.82, -92.11],
  resu: ['Resolute Bay, NU, Canada', 74.73, -94.91],
  sach: ['Sachs Harbour, NT, Canada', 71.99, -125.25],
  snkq: ['Sanikiluaq, NU, Canada', 56.54, -79.23],
  talo: ['Taloyoak, NU, Canada', 69.54, -93.55],
  tpas: ['The Pas, MB, Canada', 53.99, -101.52],
  whit: ['Whitehorse, YT, Canada', 61.01, -135.22],
  yknf: ['Yellowknife, NT, Canada', 62.52, -114.31],
}

function instruments(entries: string): readonly EmulatedInstrument[] {
  return entries
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [site = '', device = ''] = entry.split(':')
      return { site, device }
    })
}

/** Instruments per instrument array, as `site:device`. */
export const INSTRUMENT_ARRAYS: Readonly<Record<string, readonly EmulatedInstrument[]>> = {
  themis_asi: instruments(`
    atha:themis02 chbg:themis15 ekat:themis16 fsim:themis06 fsmi:themis08 fykn:themis12 gako:themis11
    gbay:themis14 gill:themis19 inuv:themis20 kapu:themis04 kian:themis21 kuuj:themis22 mcgr:themis13
    nrsq:themis24 pgeo:themis05 pina:themis07 rank:themis09 snkq:themis17 talo:themis18 tpas:themis03
    whit:themis01 yknf:themis10`),
  rego: instruments(
    'atha:rego-649 fsim:rego-651 fsmi:rego-650 gill:rego-652 luck:rego-653 rank:rego-654 resu:rego-655 sach:rego-656 talo:rego-657',
  ),
  trex_rgb: instruments(
    'atha:rgb-01 fsmi:rgb-02 gill:rgb-04 luck:rgb-03 pina:rgb-05 rabb:rgb-06 yknf:rgb-07',
  ),
  trex_nir: instruments('atha:nir-219 fsmi:nir-218 gill:nir-216 luck:nir-217 pina:nir-220 rabb:nir-221'),
  trex_blue: instruments('atha:blue-01 gill:blue-02 luck:blue-03 pina:blue-04 rabb:blue-05'),
  trex_spectrograph: instruments('atha:spect-03 gill:spect-04 luck:spect-01 rabb:spect-02'),
  norstar_riometer: instruments(
    'chur:rio-chur daws:rio-daws fsim:rio-fsim fsmi:rio-fsmi gill:rio-gill isll:rio-isll mcmu:rio-mcmu pina:rio-pina rabb:rio-rabb rank:rio-rank talo:rio-talo',
  ),
  swan_hsr: instruments('daws:hsr-01 fsmi:hsr-02 gill:hsr-03 mcmu:hsr-04 pina:hsr-05'),
  smile_asi: instruments('atha:smile-01 gill:smile-02 luck:smile-03 rabb:smile-04'),
}

/** Observatories of an instrument array, optionally filtered by a case-insensitive partial uid. */
export function observatoriesOf(array: string, uid?: string): UcalgaryObservatoryRecord[] | undefined {
  const list = INSTRUMENT_ARRAYS[array]
  if (!list) return undefined
  const wanted = uid?.toLowerCase() ?? ''
  return list
    .filter((i) => i.site.includes(wanted))
    .map((i) => {
      const [full_name, geodetic_latitude, geodetic_longitude] = sites[i.site]!
      return { uid: i.site, full_name, geodetic_latitude, geodetic_longitude }
    })
}
