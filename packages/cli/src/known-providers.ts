/** A first-party provider the command knows by id; its package is imported only when a command needs it. */
export interface KnownProvider {
  /** Module exporting the provider's `cli` (a `ProviderCli`). */
  readonly specifier: string
  readonly summary: string
}

/** First-party providers by id, like unstorage's `builtinDrivers`; plugins add others at run time. */
export const knownProviders: Readonly<Record<string, KnownProvider>> = {
  aurorax: {
    specifier: '@heliokit/aurorax/cli',
    summary: 'AuroraX search engine: data sources, ephemeris, data products, conjunctions',
  },
  scregistry: {
    specifier: '@heliokit/scregistry/cli',
    summary: 'HelioCloud Shared Cloud Registry (CloudCatalog): buckets, catalogs, file indexes on S3',
  },
  ucalgary: {
    specifier: '@heliokit/ucalgary/cli',
    summary: 'University of Calgary Space Remote Sensing data distribution',
  },
  vo: {
    specifier: '@heliokit/vo/cli',
    summary: 'IVOA services: SIA, DataLink (with cloud access), VOTable',
  },
}
