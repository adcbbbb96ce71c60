import { XMLParser, XMLValidator } from '#fast-xml-parser'
import { VotableError } from './votable-error.ts'
import { decodeXmlText } from './xml-text.ts'

/** Elements that may repeat, always read as arrays (fast-xml-parser collapses a single child otherwise). */
const LISTS: ReadonlySet<string> = new Set([
  'RESOURCE',
  'TABLE',
  'FIELD',
  'PARAM',
  'GROUP',
  'FIELDref',
  'PARAMref',
  'INFO',
  'LINK',
  'COOSYS',
  'TIMESYS',
  'OPTION',
  'DEFINITIONS',
  'Resolver',
  'Target',
])

/** An element as parsed: attributes under `@`, text under `#text`, children by tag name. */
export interface XmlElement {
  readonly '@'?: Readonly<Record<string, string>>
  readonly '#text'?: string
  readonly [child: string]: unknown
}

// Attributes kept, text raw (no trimming, no number coercion), only the XML entities, data never parsed here.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributesGroupName: '@',
  attributeNamePrefix: '',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  tagValueProcessor: (_name, value) => decodeXmlText(value),
  attributeValueProcessor: (_name, value) => decodeXmlText(value),
  stopNodes: ['*.DATA', '*.TABLEDATA', '*.STREAM'],
  isArray: (name) => LISTS.has(name),
})

/** Parses well-formed XML into elements; malformed XML is a VotableError with the line. */
export function parseXml(text: string, what: string): XmlElement {
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new VotableError(`${what} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  }
  try {
    return parser.parse(text) as XmlElement
  } catch (error) {
    if (error instanceof VotableError) throw error
    throw new VotableError(`${what} cannot be parsed: ${(error as Error).message}`, { cause: error })
  }
}

/** The child elements named `name` (always a list). */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name]
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(asElement)
}

/** The first child named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(element, name)[0]
}

export function asElement(value: unknown): XmlElement {
  return typeof value === 'object' && value !== null
    ? (value as XmlElement)
    : { '#text': String(value ?? '') }
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.['@']?.[name]
}

export function text(element: XmlElement | undefined): string {
  return element?.['#text'] ?? ''
}
