import { type ChanmasterRow, cloudAccessCell, ivoid } from './chanmaster.ts'

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

export function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!)
}

function td(value: string | number): string {
  const text = String(value)
  return text === '' ? '<TD/>' : `<TD>${xml(text)}</TD>`
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">'

/** The chanmaster columns as HEASARC's SIA serves them; `ivoid` has an ID that differs from its name. */
const FIELDS = `
<FIELD name="obsid" ID="obsid" datatype="int" ucd="meta.id;obs"/>
<FIELD name="ivoid" ID="obsid_ivoid" datatype="char" arraysize="*" ucd="meta.id;meta.main"/>
<FIELD name="status" datatype="char" arraysize="*"/>
<FIELD name="name" datatype="char" arraysize="*" ucd="meta.id;src"/>
<FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra;meta.main"/>
<FIELD name="dec" datatype="double" unit="deg" ucd="pos.eq.dec;meta.main"/>
<FIELD name="time" datatype="double" unit="d" xtype="mjd" ucd="time.start"/>
<FIELD name="detector" datatype="char" arraysize="*" ucd="meta.id;instr.det"/>
<FIELD name="grating" datatype="char" arraysize="*"/>
<FIELD name="exposure" datatype="float" unit="s" ucd="time.duration;obs.exposure"><VALUES null="-1"/></FIELD>
<FIELD name="access_format" datatype="char" arraysize="*" ucd="meta.code.mime"/>
<FIELD name="access_estsize" datatype="long" unit="byte" ucd="phys.size;meta.file"/>
<FIELD name="access_url" datatype="char" arraysize="*" ucd="meta.ref.url" utype="obscore:access.reference"/>
<FIELD name="cloud_access" datatype="char" arraysize="*"/>`

export interface SiaDocumentOptions {
  /** Where the emulator serves files and DataLink. */
  readonly baseUrl: string
  readonly overflow?: boolean
  readonly fileSize: (row: ChanmasterRow) => number
}

function descriptor(baseUrl: string): string {
  return `<RESOURCE type="meta" utype="adhoc:service" ID="dlsvc">
<PARAM name="standardID" datatype="char" arraysize="*" value="ivo://ivoa.net/std/DataLink#links-1.0"/>
<PARAM name="accessURL" datatype="char" arraysize="*" value="${xml(`${baseUrl}/datalink`)}"/>
<GROUP name="inputParams">
  <PARAM name="ID" datatype="char" arraysize="*" ref="obsid_ivoid" value="" ucd="meta.id;meta.main"/>
  <PARAM name="REQUEST" datatype="char" arraysize="*" value="getLinks"/>
  <PARAM name="source" datatype="char" arraysize="*" value="">
    <DESCRIPTION>Where the links should point</DESCRIPTION>
    <VALUES>
      <OPTION name="HEASARC main server" value="main-server"/>
      <OPTION name="AWS S3, us-east-1" value="aws:us-east1"/>
      <OPTION name="Google Cloud" value="gc"/>
    </VALUES>
  </PARAM>
</GROUP>
</RESOURCE>`
}

/** An SIA answer (v1 and v2 alike) over chanmaster rows, with a DataLink descriptor after the results. */
export function siaDocument(rows: readonly ChanmasterRow[], options: SiaDocumentOptions): string {
  const body = rows
    .map(
      (r) =>
        `<TR>${[
          r.obsid,
          ivoid(r.obsid),
          r.status,
          r.name,
          r.ra,
          r.dec,
          r.time,
          r.detector,
          r.grating,
          r.exposure,
          'application/fits',
          options.fileSize(r),
          `${options.baseUrl}/data/${r.key}`,
          cloudAccessCell(r),
        ]
          .map(td)
          .join('')}</TR>`,
    )
    .join('\n')
  const overflow = options.overflow
    ? '\n<INFO name="QUERY_STATUS" value="OVERFLOW">MAXREC reached</INFO>'
    : ''
  return `${HEAD}
<RESOURCE type="results">
<INFO name="QUERY_STATUS" value="OK"/>
<TABLE name="chanmaster">${FIELDS}
<DATA><TABLEDATA>
${body}
</TABLEDATA></DATA>
</TABLE>${overflow}
</RESOURCE>
${descriptor(options.baseUrl)}
</VOTABLE>
`
}

/** A DAL error answer (HTTP 200 with QUERY_STATUS ERROR, as the standards say). */
export function errorDocument(message: string): string {
  return `${HEAD}
<RESOURCE type="results">
<INFO name="QUERY_STATUS" value="ERROR">${xml(message)}</INFO>
</RESOURCE>
</VOTABLE>
`
}

export interface LinkRow {
  readonly id: string
  readonly accessUrl?: string
  readonly serviceDef?: string
  readonly errorMessage?: string
  readonly description?: string
  readonly semantics: string
  readonly contentType?: string
  readonly contentLength?: number
}

/** A DataLink links answer. */
export function datalinkDocument(links: readonly LinkRow[]): string {
  const rows = links
    .map(
      (l) =>
        `<TR>${[
          l.id,
          l.accessUrl ?? '',
          l.serviceDef ?? '',
          l.errorMessage ?? '',
          l.description ?? '',
          l.semantics,
          l.contentType ?? '',
          l.contentLength ?? -1,
        ]
          .map(td)
          .join('')}</TR>`,
    )
    .join('\n')
  return `${HEAD}
<RESOURCE type="results">
<INFO name="standardID" value="ivo://ivoa.net/std/DataLink#links-1.0"/>
<TABLE name="links">
<FIELD name="ID" datatype="char" arraysize="*" ucd="meta.id;meta.main"/>
<FIELD name="access_url" datatype="char" arraysize="*" ucd="meta.ref.url"/>
<FIELD name="service_def" datatype="char" arraysize="*" ucd="meta.ref"/>
<FIELD name="error_message" datatype="char" arraysize="*" ucd="meta.code.error"/>
<FIELD name="description" datatype="char" arraysize="*" ucd="meta.note"/>
<FIELD name="semantics" datatype="char" arraysize="*" ucd="meta.code"/>
<FIELD name="content_type" datatype="char" arraysize="*" ucd="meta.code.mime"/>
<FIELD name="content_length" datatype="long" unit="byte" ucd="phys.size;meta.file"><VALUES null="-1"/></FIELD>
<DATA><TABLEDATA>
${rows}
</TABLEDATA></DATA>
</TABLE>
</RESOURCE>
</VOTABLE>
`
}

/** Sesame's XML (`-ox`) for a name, found or not. */
export function sesameDocument(name: string, found?: { ra: number; dec: number }): string {
  const resolver = found
    ? `<Resolver name="S=Simbad (via url):    3ms">
    <otype>G</otype>
    <jpos>(sexagesimal omitted)</jpos>
    <jradeg>${found.ra}</jradeg>
    <jdedeg>${found.dec}</jdedeg>
    <oname>${xml(name)}</oname>
  </Resolver>`
    : `<Resolver name="S=Simbad (via url):    1ms"><INFO>*** Nothing found *** </INFO></Resolver>
  <Resolver name="N=NED:    20ms"><INFO>*** Nothing found *** </INFO></Resolver>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Sesame xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://vizier.u-strasbg.fr/xml/sesame_4x.xsd">
<Target option="A">
  <name>${xml(name)}</name>
  ${resolver}
</Target>
</Sesame>
`
}
