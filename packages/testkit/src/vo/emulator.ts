import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultPlan } from '../faults.ts'
import { startHttpServer, type TestHttpServer } from '../http-server.ts'
import { startS3Server, type TestS3Server } from '../s3-server.ts'
import { serveBytes } from '../serve-bytes.ts'
import { BUCKET, type ChanmasterRow, chanmasterRows, eventFileBytes, ivoid, TARGETS } from './chanmaster.ts'
import { matchesSia1, matchesSia2 } from './sia-filters.ts'
import { datalinkDocument, errorDocument, type LinkRow, sesameDocument, siaDocument } from './vo-documents.ts'

export interface VoEmulatorOptions {
  /** Rows of the chanmaster table. Default 250. */
  readonly rows?: number
  /** Faults for the service host (SIA, DataLink, Sesame, files). */
  readonly faults?: FaultPlan
  /** IDs DataLink answers per request; the rest of a batch is silently left out (a service limit). */
  readonly datalinkLimit?: number
}

export interface VoEmulator {
  /** Service host: `/sia` (v1), `/sia2/query`, `/datalink`, `/sesame`, `/data/<key>`, `/preview/<obsid>.png`. */
  readonly url: string
  readonly siaUrl: string
  readonly sia2Url: string
  readonly sesameUrl: string
  readonly server: TestHttpServer
  /** The s3rver holding the event files in bucket `nasa-heasarc` (us-east-1). */
  readonly s3: TestS3Server
  readonly rows: readonly ChanmasterRow[]
  /** The bytes served for an event file, by object key. */
  expectedBytes(key: string): Uint8Array
  close(): Promise<void>
}

const SOURCES: ReadonlySet<string> = new Set(['main-server', 'aws:us-east1', 'gc'])

/**
 * Starts a local HEASARC-like VO service: SIA v1 and v2 over the `chanmaster` table (with a DataLink
 * descriptor offering the cloud-access `source` options), DataLink (main-server and gc answer https
 * links, aws:us-east1 answers s3:// links into the s3rver bucket), CDS Sesame, and the files over https.
 */
export async function startVoEmulator(options: VoEmulatorOptions = {}): Promise<VoEmulator> {
  const rows = chanmasterRows(options.rows ?? 250)
  const byObsid = new Map(rows.map((r) => [r.obsid, r]))
  const files = new Map(rows.map((r) => [r.key, eventFileBytes(r)]))
  const s3 = await startS3Server({ buckets: { [BUCKET]: Object.fromEntries(files) } })
  let base = ''
  const server = await startHttpServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const fault = options.faults?.pick(req)
    if (fault) {
      serveBytes(req, res, new Uint8Array(0), { fault })
      return
    }
    const params = await requestParams(req, url)
    const path = url.pathname
    if (path === '/sia') return sendXml(res, sia1(params))
    if (path === '/sia2/query') return sendXml(res, sia2(params))
    if (path === '/datalink') return sendXml(res, datalink(params))
    if (path.startsWith('/sesame/')) return sendXml(res, sesame(url))
    if (path.startsWith('/data/')) return sendFile(req, res, files.get(decodeURIComponent(path.slice(6))))
    if (path.startsWith('/preview/'))
      return sendFile(req, res, new TextEncoder().encode(`PNG ${path}`), 'image/png')
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
  })
  base = server.url
  const fileSize = (r: ChanmasterRow) => files.get(r.key)!.length

  const sia1 = (params: URLSearchParams): string => {
    const pos = params.get('POS')?.split(',').map(Number)
    const size = params.get('SIZE')?.split(',').map(Number)
    if (pos?.length !== 2 || pos.some(Number.isNaN)) return errorDocument('UsageFault: POS must be ra,dec')
    if (!size || size.length < 1 || size.length > 2 || size.some(Number.isNaN)) {
      return errorDocument('UsageFault: SIZE must be one or two numbers')
    }
    const metadata = params.get('FORMAT')?.toUpperCase() === 'METADATA'
    const found = metadata ? [] : rows.filter((r) => matchesSia1(r, pos as [number, number], size))
    return siaDocument(found, { baseUrl: base, fileSize })
  }

  const sia2 = (params: URLSearchParams): string => {
    const filter = matchesSia2(params)
    if (typeof filter === 'string') return errorDocument(filter)
    const found = rows.filter(filter)
    const maxrec = params.has('MAXREC') ? Number(params.get('MAXREC')) : Number.POSITIVE_INFINITY
    return siaDocument(found.slice(0, maxrec), { baseUrl: base, fileSize, overflow: found.length > maxrec })
  }

  const datalink = (params: URLSearchParams): string => {
    const ids = params.getAll('ID').slice(0, options.datalinkLimit ?? Number.POSITIVE_INFINITY)
    const source = params.get('source') || 'main-server'
    if (params.get('REQUEST') !== 'getLinks') return errorDocument('UsageFault: REQUEST=getLinks is required')
    if (ids.length === 0) return errorDocument('UsageFault: no ID given')
    if (!SOURCES.has(source)) return errorDocument(`UsageFault: source ${source} is not offered`)
    return datalinkDocument(ids.flatMap((id) => linksFor(id, source)))
  }

  const linksFor = (id: string, source: string): LinkRow[] => {
    const row = byObsid.get(Number(id.split('?')[1]))
    if (!row || ivoid(row.obsid) !== id) {
      return [{ id, semantics: '#this', errorMessage: `NotFoundFault: ${id} is not in chanmaster` }]
    }
    const https = `${base}/data/${row.key}`
    const accessUrl = source === 'aws:us-east1' ? `s3://${BUCKET}/${row.key}` : https
    return [
      {
        id,
        accessUrl,
        semantics: '#this',
        description: 'Event file',
        contentType: 'application/fits',
        contentLength: fileSize(row),
      },
      { id, accessUrl: `${base}/preview/${row.obsid}.png`, semantics: '#preview', contentType: 'image/png' },
    ]
  }

  const sesame = (url: URL): string => {
    const name = decodeURIComponent(url.search.slice(1)).trim()
    const target = TARGETS.find((t) => t.name.toLowerCase() === name.toLowerCase())
    return sesameDocument(name, target)
  }

  return {
    url: base,
    siaUrl: `${base}/sia`,
    sia2Url: `${base}/sia2/query`,
    sesameUrl: `${base}/sesame`,
    server,
    s3,
    rows,
    expectedBytes: (key) => files.get(key.replace(/^\/+/, ''))!,
    close: async () => {
      await server.close()
      await s3.close()
    },
  }
}

async function requestParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  if (req.method !== 'POST') return url.searchParams
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
  for (const [k, v] of url.searchParams) params.append(k, v)
  return params
}

function sendXml(res: ServerResponse, text: string): void {
  const body = Buffer.from(text)
  res.writeHead(200, { 'content-type': 'application/x-votable+xml', 'content-length': String(body.length) })
  res.end(body)
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  body: Uint8Array | undefined,
  type = 'application/fits',
): void {
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('no such file')
    return
  }
  serveBytes(req, res, body, { contentType: type })
}
