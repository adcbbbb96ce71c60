import { isDatatype, parseArraysize } from './datatype.ts'
import type {
  VotableCoosys,
  VotableField,
  VotableGroup,
  VotableInfo,
  VotableLink,
  VotableOption,
  VotableParam,
  VotableRef,
  VotableTimesys,
  VotableValues,
} from './model.ts'
import { textConverter } from './text-value.ts'
import { VotableError } from './votable-error.ts'
import { attr, child, children, text, type XmlElement } from './xml-parser.ts'

/** Copies the named attributes that are present (absent ones stay absent, not undefined). */
function attrs<K extends string>(element: XmlElement, names: readonly K[]): { [P in K]?: string } {
  const out: { [P in K]?: string } = {}
  for (const name of names) {
    const value = attr(element, name)
    if (value !== undefined) out[name] = value
  }
  return out
}

/** The DESCRIPTION child's text, trimmed, when there is one. */
export function description(element: XmlElement): { description?: string } {
  const found = child(element, 'DESCRIPTION')
  return found === undefined ? {} : { description: text(found).trim() }
}

export function readLink(element: XmlElement): VotableLink {
  const {
    ID,
    href,
    title,
    value,
    'content-role': role,
    'content-type': type,
    action,
  } = attrs(element, ['ID', 'href', 'title', 'value', 'content-role', 'content-type', 'action'])
  return strip({ id: ID, href, title, value, contentRole: role, contentType: type, action })
}

function readOption(element: XmlElement): VotableOption {
  return strip({
    name: attr(element, 'name'),
    value: attr(element, 'value') ?? '',
    options: children(element, 'OPTION').map(readOption),
  })
}

function readValues(element: XmlElement): VotableValues {
  const limit = (name: 'MIN' | 'MAX') => {
    const found = child(element, name)
    if (!found) return undefined
    return { value: attr(found, 'value') ?? '', inclusive: attr(found, 'inclusive') !== 'no' }
  }
  return strip({
    id: attr(element, 'ID'),
    ref: attr(element, 'ref'),
    null: attr(element, 'null'),
    min: limit('MIN'),
    max: limit('MAX'),
    options: children(element, 'OPTION').map(readOption),
  })
}

/** A FIELD (or the field part of a PARAM); `where` names the table for errors. */
export function readField(element: XmlElement, where: string | undefined): VotableField {
  const a = attrs(element, ['name', 'ID', 'datatype', 'arraysize', 'unit', 'ucd', 'utype', 'xtype', 'ref'])
  const extra = attrs(element, ['width', 'precision'])
  const name = a.name ?? a.ID ?? ''
  const datatype = a.datatype ?? ''
  if (!isDatatype(datatype)) {
    throw new VotableError(`FIELD ${JSON.stringify(name)} has datatype ${JSON.stringify(datatype)}`, {
      table: where,
    })
  }
  const shape = parseArraysize(a.arraysize)
  if (!shape) {
    throw new VotableError(`FIELD ${JSON.stringify(name)} has arraysize ${JSON.stringify(a.arraysize)}`, {
      table: where,
    })
  }
  const values = child(element, 'VALUES')
  return strip({
    name,
    id: a.ID,
    datatype,
    arraysize: a.arraysize,
    shape,
    unit: a.unit,
    ucd: a.ucd,
    utype: a.utype,
    xtype: a.xtype,
    ref: a.ref,
    width: extra.width,
    precision: extra.precision,
    ...description(element),
    values: values && readValues(values),
    links: children(element, 'LINK').map(readLink),
  })
}

export function readParam(element: XmlElement, where: string | undefined): VotableParam {
  const field = readField(element, where)
  const rawValue = attr(element, 'value') ?? ''
  try {
    return { ...field, rawValue, value: textConverter(field)(rawValue) }
  } catch (error) {
    throw new VotableError(`PARAM ${JSON.stringify(field.name)}: ${(error as Error).message}`, {
      table: where,
      cause: error,
    })
  }
}

function readRef(element: XmlElement): VotableRef {
  return strip({ ref: attr(element, 'ref') ?? '', ucd: attr(element, 'ucd'), utype: attr(element, 'utype') })
}

export function readGroup(element: XmlElement, where: string | undefined): VotableGroup {
  return strip({
    ...pick(element, ['ID', 'name', 'ref', 'ucd', 'utype']),
    ...description(element),
    params: children(element, 'PARAM').map((p) => readParam(p, where)),
    fieldRefs: children(element, 'FIELDref').map(readRef),
    paramRefs: children(element, 'PARAMref').map(readRef),
    groups: children(element, 'GROUP').map((g) => readGroup(g, where)),
  })
}

export function readInfo(element: XmlElement): VotableInfo {
  return strip({
    name: attr(element, 'name') ?? '',
    value: attr(element, 'value') ?? '',
    id: attr(element, 'ID'),
    ucd: attr(element, 'ucd'),
    utype: attr(element, 'utype'),
    content: text(element).trim(),
  })
}

export function readCoosys(element: XmlElement): VotableCoosys {
  return strip({ ...pick(element, ['ID', 'system', 'equinox', 'epoch', 'refposition']) })
}

/** TIMESYS; the draft names `time0` and `refpos` (Gaia DR2 services) are read as the final ones. */
export function readTimesys(element: XmlElement): VotableTimesys {
  return strip({
    id: attr(element, 'ID'),
    timeorigin: attr(element, 'timeorigin') ?? attr(element, 'time0'),
    timescale: attr(element, 'timescale'),
    refposition: attr(element, 'refposition') ?? attr(element, 'refpos'),
  })
}

/** Attributes by their VOTable names, `ID` renamed `id`. */
export function pick<K extends string>(
  element: XmlElement,
  names: readonly K[],
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(attrs(element, names)) as [string, string][])
    out[key === 'ID' ? 'id' : key] = value
  return out
}

/** Drops undefined properties so optional fields are absent rather than undefined. */
export function strip<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key]
  return value
}
