import { mulberry32 } from '../faults.ts'
import type {
  AuroraxStore,
  Location,
  MetadataSchemaField,
  StoredDataProduct,
  StoredEphemeris,
} from './store.ts'

const OWNER = 'owner@aurorax.test'
const MAINTAINER = 'maintainer@aurorax.test'
const ADMIN = 'admin@aurorax.test'
const MINUTE = 60_000
const DAY = 86_400_000
/** Ephemeris is seeded for these two days; data products for all of February 2020. */
export const SEED_EPHEMERIS_START: number = Date.UTC(2020, 1, 1)
export const SEED_EPHEMERIS_DAYS = 2
export const SEED_PRODUCT_START: number = Date.UTC(2020, 1, 1)
export const SEED_PRODUCT_DAYS = 29

const SITES = [
  { uid: 'gill', platform: 'gillam', lat: 56.3779, lon: -94.6431 },
  { uid: 'rabb', platform: 'rabbit lake', lat: 58.2229, lon: -103.6812 },
  { uid: 'fsmi', platform: 'fort smith', lat: 60.0268, lon: -111.9254 },
  { uid: 'luck', platform: 'lucky lake', lat: 51.1538, lon: -107.2565 },
] as const

/** Swarm A and C fly side by side; B in another plane, a little higher. */
const SWARM = [
  { platform: 'swarma', periodMin: 93.9, node: -40, phase: 0, altitude: 460 },
  { platform: 'swarmb', periodMin: 94.8, node: 20, phase: 1.3, altitude: 510 },
  { platform: 'swarmc', periodMin: 93.9, node: -38.6, phase: 0.02, altitude: 460 },
] as const

function field(name: string, type: string, description: string, allowed: string[] = []): MetadataSchemaField {
  return {
    field_name: name,
    description,
    data_type: type,
    allowed_values: allowed,
    additional_description: null,
    searchable: true,
  }
}

const QUALITY = ['good', 'cloudy', 'moon']
const REGIONS = ['north polar cap', 'north auroral oval', 'north mid-latitude', 'low latitude']

/** Fills a store with TREx RGB sites (ephemeris, keograms, montages, movies) and Swarm A/B/C footprints. */
export function seedStore(store: AuroraxStore): void {
  const random = mulberry32(2020)
  for (const site of SITES) {
    const source = store.addSource({
      program: 'trex',
      platform: site.platform,
      instrument_type: 'RGB ASI',
      source_type: 'ground',
      display_name: `TREx RGB ${site.uid.toUpperCase()}`,
      metadata: { site_uid: site.uid, device_uid: 'rgb-04', latitude: site.lat, longitude: site.lon },
      owner: OWNER,
      maintainers: [MAINTAINER],
      ephemeris_metadata_schema: [
        field('cloud_cover', 'string', 'Cloud cover estimate', ['clear', 'cloudy']),
      ],
      data_product_metadata_schema: [
        field('site_uid', 'string', 'Site unique identifier'),
        field('device_uid', 'string', 'Device unique identifier'),
        field('quality', 'string', 'Image quality flag', QUALITY),
      ],
    })
    const here = { lat: site.lat, lon: site.lon }
    const ephemeris: StoredEphemeris[] = []
    for (let day = 0; day < SEED_EPHEMERIS_DAYS; day++) {
      // imagers record in the dark: 02:00 to 12:59 UT over Canada in February
      for (let minute = 120; minute < 780; minute++) {
        ephemeris.push({
          source: source.identifier,
          epoch: SEED_EPHEMERIS_START + day * DAY + minute * MINUTE,
          location_geo: here,
          location_gsm: { lat: null, lon: null },
          nbtrace: here,
          sbtrace: { lat: -site.lat + 6, lon: site.lon + 12 },
          metadata: { cloud_cover: random() < 0.7 ? 'clear' : 'cloudy' },
        })
      }
    }
    store.upsertEphemeris(ephemeris)
    store.upsertDataProducts(trexProducts(source.identifier, site.uid, random))
  }
  for (const sat of SWARM) {
    const source = store.addSource({
      program: 'swarm',
      platform: sat.platform,
      instrument_type: 'footprint',
      source_type: 'leo',
      display_name: `Swarm ${sat.platform.slice(-1).toUpperCase()}`,
      metadata: { mission: 'ESA Swarm', nominal_altitude_km: sat.altitude },
      owner: ADMIN,
      maintainers: [],
      ephemeris_metadata_schema: [
        field('nbtrace_region', 'string', 'Region of the north B-trace', REGIONS),
        field('spacecraft_altitude_km', 'double', 'Altitude of the spacecraft'),
      ],
      data_product_metadata_schema: [],
    })
    const records: StoredEphemeris[] = []
    for (let minute = 0; minute < SEED_EPHEMERIS_DAYS * 1440; minute++) {
      records.push(swarmRecord(source.identifier, sat, minute))
    }
    store.upsertEphemeris(records)
  }
  // Negative identifiers are internal sources the API never lists.
  store.addSource({
    identifier: -1,
    program: 'aurorax',
    platform: 'internal',
    instrument_type: 'conjunction cache',
    source_type: 'not_applicable',
    display_name: 'internal',
    metadata: {},
    owner: ADMIN,
    maintainers: [],
    ephemeris_metadata_schema: [],
    data_product_metadata_schema: [],
  })
}

function trexProducts(source: number, uid: string, random: () => number): StoredDataProduct[] {
  const host = 'https://data.phys.ucalgary.ca/sort_by_project/TREx/RGB'
  const device = `${uid}_rgb-04`
  const out: StoredDataProduct[] = []
  for (let day = 0; day < SEED_PRODUCT_DAYS; day++) {
    const t0 = SEED_PRODUCT_START + day * DAY
    const ymd = new Date(t0).toISOString().slice(0, 10).replaceAll('-', '')
    const dir = `${ymd.slice(0, 4)}/${ymd.slice(4, 6)}/${ymd.slice(6, 8)}/${device}`
    const metadata = () => ({
      site_uid: uid,
      device_uid: 'rgb-04',
      quality: QUALITY[Math.floor(random() * 3)]!,
    })
    out.push({
      source,
      data_product_type: 'keogram',
      start: t0,
      end: t0 + DAY - MINUTE,
      url: `${host}/stream2/${dir}/${ymd}__${device}_full-keogram.jpg`,
      metadata: metadata(),
    })
    for (let hour = 2; hour < 13; hour++) {
      const h = String(hour).padStart(2, '0')
      const start = t0 + hour * 3_600_000
      const end = start + 59 * MINUTE
      out.push({
        source,
        data_product_type: 'montage',
        start,
        end,
        url: `${host}/stream2/${dir}/${ymd}_${h}__${device}_full-montage.jpg`,
        metadata: metadata(),
      })
      out.push({
        source,
        data_product_type: 'movie',
        start,
        end,
        url: `${host}/stream3/${dir}/ut${h}/${ymd}_${h}_${device}_full.mp4`,
        metadata: metadata(),
      })
    }
  }
  return out
}

const INCLINATION = (87.4 * Math.PI) / 180

function swarmRecord(source: number, sat: (typeof SWARM)[number], minute: number): StoredEphemeris {
  const phase = (2 * Math.PI * minute) / sat.periodMin + sat.phase
  const lat = (Math.asin(Math.sin(INCLINATION) * Math.sin(phase)) * 180) / Math.PI
  const along = (Math.atan2(Math.cos(INCLINATION) * Math.sin(phase), Math.cos(phase)) * 180) / Math.PI
  const lon = wrap(sat.node - (360 * minute) / 1440 + along)
  const nbtrace =
    lat >= 15 ? at(Math.min(89.9, lat + 1.5), lon) : lat <= -15 ? at(Math.min(89.9, 2 - lat), lon + 20) : none
  const sbtrace =
    lat <= -15
      ? at(Math.max(-89.9, lat - 1.5), lon)
      : lat >= 15
        ? at(Math.max(-89.9, -lat - 2), lon - 20)
        : none
  return {
    source,
    epoch: SEED_EPHEMERIS_START + minute * MINUTE,
    location_geo: at(lat, lon),
    location_gsm: at(lat * 0.92, lon + 75),
    nbtrace,
    sbtrace,
    metadata: { nbtrace_region: region(nbtrace.lat), spacecraft_altitude_km: sat.altitude },
  }
}

const none: Location = { lat: null, lon: null }

function at(lat: number, lon: number): Location {
  return { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(wrap(lon) * 1e4) / 1e4 }
}

function wrap(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180
}

function region(lat: number | null): string {
  if (lat === null) return 'low latitude'
  if (lat >= 75) return 'north polar cap'
  if (lat >= 60) return 'north auroral oval'
  return 'north mid-latitude'
}
