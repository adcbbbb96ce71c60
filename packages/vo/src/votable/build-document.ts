import { emptyColumn } from './column-store.ts'
import type {
  VotableColumn,
  VotableDocument,
  VotableEncoding,
  VotableResource,
  VotableTable,
} from './model.ts'
import { ParsedTable } from './parsed-table.ts'
import {
  description,
  pick,
  readCoosys,
  readField,
  readGroup,
  readInfo,
  readLink,
  readParam,
  readTimesys,
  strip,
} from './read-elements.ts'
import { VotableError } from './votable-error.ts'
import { attr, child, children, type XmlElement } from './xml-parser.ts'

/** The decoded data of one table, by the order of its TABLE element in the document (from 1). */
export interface TableData {
  readonly encoding: VotableEncoding
  columns: VotableColumn[]
  nulls: (Uint8Array | undefined)[]
  /** Rows read (a table without FIELDs can still have empty rows). */
  rowCount: number
}

/** The document model from the parsed skeleton and the tables' decoded data. */
export function buildDocument(root: XmlElement, data: ReadonlyMap<number, TableData>): VotableDocument {
  const votable = child(root, 'VOTABLE')
  if (!votable) {
    const found = Object.keys(root).find((k) => k !== '#text' && k !== '@')
    throw new VotableError(`not a VOTable: the root element is ${found ?? 'missing'}`)
  }
  const tables: { index: number; table: VotableTable }[] = []

  const readTable = (element: XmlElement): VotableTable => {
    const index = Number(attr(element, 'heliokit-index'))
    const where = attr(element, 'name') ?? attr(element, 'ID') ?? `#${index}`
    const fields = children(element, 'FIELD').map((f) => readField(f, where))
    const found = data.get(index)
    const table = new ParsedTable(
      strip({
        ...pick(element, ['ID', 'name', 'ref', 'ucd', 'utype']),
        ...description(element),
        fields,
        params: children(element, 'PARAM').map((p) => readParam(p, where)),
        groups: children(element, 'GROUP').map((g) => readGroup(g, where)),
        links: children(element, 'LINK').map(readLink),
        infos: children(element, 'INFO').map(readInfo),
        encoding: found?.encoding,
        columns: found?.columns ?? fields.map(emptyColumn),
        nulls: found?.nulls ?? fields.map(() => undefined),
        rowCount: found?.rowCount ?? 0,
      }),
    )
    tables.push({ index, table })
    return table
  }

  const readResource = (element: XmlElement): VotableResource =>
    strip({
      ...pick(element, ['ID', 'name', 'type', 'utype']),
      ...description(element),
      infos: children(element, 'INFO').map(readInfo),
      params: children(element, 'PARAM').map((p) => readParam(p, undefined)),
      groups: children(element, 'GROUP').map((g) => readGroup(g, undefined)),
      links: children(element, 'LINK').map(readLink),
      coosys: children(element, 'COOSYS').map(readCoosys),
      timesys: children(element, 'TIMESYS').map(readTimesys),
      tables: children(element, 'TABLE').map(readTable),
      resources: children(element, 'RESOURCE').map(readResource),
    })

  const definitions = children(votable, 'DEFINITIONS')
  const document = strip({
    version: attr(votable, 'version'),
    ...description(votable),
    infos: children(votable, 'INFO').map(readInfo),
    params: [votable, ...definitions].flatMap((e) =>
      children(e, 'PARAM').map((p) => readParam(p, undefined)),
    ),
    groups: children(votable, 'GROUP').map((g) => readGroup(g, undefined)),
    coosys: [votable, ...definitions].flatMap((e) => children(e, 'COOSYS').map(readCoosys)),
    timesys: children(votable, 'TIMESYS').map(readTimesys),
    resources: children(votable, 'RESOURCE').map(readResource),
    tables: [] as VotableTable[],
  })
  document.tables.push(...tables.sort((a, b) => a.index - b.index).map((t) => t.table))
  return document
}
