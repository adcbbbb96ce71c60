import { z } from 'zod'
import { dataProductSchema } from '/work/wt/aurorax/packages/aurorax/dist/schemas.js'

const n = Number(process.argv[2] ?? 20000)
const types = ['keogram', 'montage', 'movie', 'summary_plot']
const ds = {
  identifier: 8,
  program: 'bench',
  platform: 'bench-site',
  instrument_type: 'RGB ASI',
  source_type: 'ground',
  display_name: 'Bench RGB',
}
const recs = []
for (let i = 0; i < n; i++) {
  const s = new Date(Date.UTC(2021, 0, 1) + i * 60000).toISOString().slice(0, 19)
  recs.push({
    data_source: ds,
    data_product_type: types[i % 4],
    start: s,
    end: s,
    url: `https://data.phys.ucalgary.ca/x/${i}.jpg`,
    metadata: { site_uid: 'bnch', quality: 'good', frame: i },
  })
}
const text = JSON.stringify({ result: recs })
const time = (name, fn) => {
  fn()
  const t = process.hrtime.bigint()
  for (let k = 0; k < 3; k++) fn()
  const ms = Number(process.hrtime.bigint() - t) / 3e6
  console.log(name.padEnd(30), ms.toFixed(1), 'ms')
  return ms
}
const p = time('JSON.parse', () => JSON.parse(text))
time('zod current', () => z.array(dataProductSchema).parse(JSON.parse(text).result))
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z?$/
const lean = z.array(
  z.object({
    data_source: z.object({
      identifier: z.number().int(),
      program: z.string().nullish(),
      platform: z.string().nullish(),
      instrument_type: z.string().nullish(),
      source_type: z.enum(['ground', 'leo', 'heo', 'lunar', 'event_list', 'not_applicable']).nullish(),
      display_name: z.string().nullish(),
    }),
    data_product_type: z.enum(['keogram', 'montage', 'movie', 'summary_plot', 'data_availability']),
    start: z.string().regex(TIME),
    end: z.string().regex(TIME),
    url: z.string().min(1),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  }),
)
time('zod lean, no transform', () => lean.parse(JSON.parse(text).result))
const lean2 = z.array(
  z.object({
    data_source: z.object({
      identifier: z.number().int(),
      program: z.string().nullish(),
      platform: z.string().nullish(),
      instrument_type: z.string().nullish(),
      source_type: z.string().nullish(),
      display_name: z.string().nullish(),
    }),
    data_product_type: z.string(),
    start: z.string(),
    end: z.string(),
    url: z.string(),
    metadata: z.object({}).passthrough().nullish(),
  }),
)
time('zod leaner (no regex/enum)', () => lean2.parse(JSON.parse(text).result))
time('zod lean + map + Date', () =>
  lean
    .parse(JSON.parse(text).result)
    .map((r) => ({
      dataSource: r.data_source,
      dataProductType: r.data_product_type,
      start: new Date(r.start + 'Z'),
      end: new Date(r.end + 'Z'),
      url: r.url,
      metadata: r.metadata ?? {},
    })),
)
const TYPES = new Set(['keogram', 'montage', 'movie', 'summary_plot', 'data_availability'])
const SRC = new Set(['ground', 'leo', 'heo', 'lunar', 'event_list', 'not_applicable'])
function d2(s, i) {
  const a = s.charCodeAt(i) - 48,
    b = s.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}
function wt(s) {
  if (typeof s !== 'string' || s.length < 19 || s.length > 27) return undefined
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return undefined
  const y = d2(s, 0) * 100 + d2(s, 2),
    mo = d2(s, 5),
    d = d2(s, 8),
    h = d2(s, 11),
    mi = d2(s, 14),
    se = d2(s, 17)
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0) return undefined
  if (s.length > 19 && !TIME.test(s)) return undefined
  return new Date(
    Date.UTC(
      y,
      mo - 1,
      d,
      h,
      mi,
      se,
      s.length > 20 && s[19] === '.' ? Number(s.slice(20, 23).replace(/Z$/, '').padEnd(3, '0')) : 0,
    ),
  )
}
const str = (v) => v === undefined || v === null || typeof v === 'string'
function src(s) {
  if (typeof s !== 'object' || s === null || !Number.isInteger(s.identifier)) return undefined
  if (!str(s.program) || !str(s.platform) || !str(s.instrument_type) || !str(s.display_name)) return undefined
  if (s.source_type != null && !SRC.has(s.source_type)) return undefined
  const o = { identifier: s.identifier }
  if (s.program != null) o.program = s.program
  if (s.platform != null) o.platform = s.platform
  if (s.instrument_type != null) o.instrumentType = s.instrument_type
  if (s.source_type != null) o.sourceType = s.source_type
  if (s.display_name != null) o.displayName = s.display_name
  return o
}
function fast(list) {
  const out = new Array(list.length)
  for (let i = 0; i < list.length; i++) {
    const r = list[i]
    if (typeof r !== 'object' || r === null) return undefined
    const ds = src(r.data_source)
    if (!ds) return undefined
    if (!TYPES.has(r.data_product_type)) return undefined
    const start = wt(r.start),
      end = wt(r.end)
    if (!start || !end) return undefined
    if (typeof r.url !== 'string' || r.url === '') return undefined
    const m = r.metadata
    if (m != null && (typeof m !== 'object' || Array.isArray(m))) return undefined
    out[i] = {
      dataSource: ds,
      dataProductType: r.data_product_type,
      start,
      end,
      url: r.url,
      metadata: m ?? {},
    }
  }
  return out
}
time('hand-written', () => fast(JSON.parse(text).result))
time('parse + touch only', () => {
  const l = JSON.parse(text).result
  let c = 0
  for (const r of l) c += r.url.length + r.start.length
  return c
})
time('parse + new objects no Date', () =>
  JSON.parse(text).result.map((r) => ({
    dataSource: { identifier: r.data_source.identifier, program: r.data_source.program },
    dataProductType: r.data_product_type,
    start: r.start,
    end: r.end,
    url: r.url,
    metadata: r.metadata,
  })),
)
time('parse + 2 Dates only', () =>
  JSON.parse(text).result.map((r) => [
    new Date(Date.parse(r.start + 'Z')),
    new Date(Date.parse(r.end + 'Z')),
  ]),
)
time('parse + 2 Date.UTC', () => {
  const l = JSON.parse(text).result
  for (const r of l) {
    r.s = wt(r.start)
    r.e = wt(r.end)
  }
  return l
})
time('parse + reviver', () => JSON.parse(text, (k, v) => v))
