import { NotFoundError, throwIfAborted } from '@heliokit/core'
import { z } from 'zod'
import { invalid, show } from './invalid.ts'
import { PROVIDER_ID } from './provider-id.ts'
import type { ServiceClients } from './service-call.ts'
import { children, parseXml, text } from './votable/xml-parser.ts'

/** CDS Sesame, as astropy's SkyCoord.from_name uses it. */
export const DEFAULT_SESAME_URL = 'https://cds.unistra.fr/cgi-bin/nph-sesame'

export interface ResolvedName {
  readonly name: string
  /** ICRS degrees. */
  readonly ra: number
  readonly dec: number
  /** The database that answered (`Simbad`, `NED`, `VizieR`). */
  readonly resolver: string
}

const degrees = z.object({ ra: z.coerce.number().min(0).max(360), dec: z.coerce.number().min(-90).max(90) })

/** Resolves an object name to ICRS coordinates; NOT_FOUND when no database knows it. */
export async function resolveName(
  clients: ServiceClients,
  sesameUrl: URL,
  name: unknown,
  signal?: AbortSignal,
): Promise<ResolvedName> {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    throw invalid('name', `must be an object name such as "NGC 4151", got ${show(name)}`)
  }
  throwIfAborted(signal, PROVIDER_ID)
  const url = new URL(`${sesameUrl.href.replace(/\/+$/, '')}/-ox/A`)
  url.search = encodeURIComponent(name.trim())
  const { client, path } = clients.forUrl(url)
  const { data } = await client.text({ path, signal })
  const root = parseXml(data, 'the Sesame answer')
  for (const target of children(children(root, 'Sesame')[0], 'Target')) {
    for (const resolver of children(target, 'Resolver')) {
      const ra = children(resolver, 'jradeg')[0]
      const dec = children(resolver, 'jdedeg')[0]
      if (!ra || !dec) continue
      const parsed = degrees.safeParse({ ra: text(ra).trim(), dec: text(dec).trim() })
      if (!parsed.success) continue
      const database = (resolver['@']?.name ?? '').replace(/^\w=/, '').split(/[\s:(]/)[0] ?? ''
      return { name: name.trim(), ...parsed.data, resolver: database }
    }
  }
  throw new NotFoundError(`Sesame knows no object named ${JSON.stringify(name.trim())}`, {
    provider: PROVIDER_ID,
  })
}
