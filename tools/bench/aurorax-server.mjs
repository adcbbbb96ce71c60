// The AuroraX emulator in its own process for the benchmark, with COUNT extra data products for one
// bench source (program `bench`); prints its URL on stdout.
import { startAuroraxEmulator } from '@heliokit/testkit'

const count = Number(process.argv[2] ?? 100_000)
const emulator = await startAuroraxEmulator({ searchDelayMs: 0 })
const source = emulator.store.addSource({
  program: 'bench',
  platform: 'bench-site',
  instrument_type: 'RGB ASI',
  source_type: 'ground',
  display_name: 'Bench RGB',
  metadata: {},
  owner: 'owner@aurorax.test',
  maintainers: [],
  ephemeris_metadata_schema: [],
  data_product_metadata_schema: [],
})
const types = ['keogram', 'montage', 'movie', 'summary_plot']
const t0 = Date.UTC(2021, 0, 1)
const records = []
for (let i = 0; i < count; i++) {
  const start = t0 + i * 60_000
  records.push({
    source: source.identifier,
    data_product_type: types[i % 4],
    start,
    end: start + 59_000,
    url: `https://data.phys.ucalgary.ca/sort_by_project/bench/${new Date(start).toISOString().slice(0, 16).replace(/[-:T]/g, '')}_${i}.jpg`,
    metadata: { site_uid: 'bnch', device_uid: 'rgb-99', quality: i % 3 ? 'good' : 'cloudy', frame: i },
  })
}
emulator.store.upsertDataProducts(records)
console.log(emulator.url)
process.on('SIGTERM', () => emulator.close().then(() => process.exit(0)))
