import type { VotableField, VotableValue } from './model.ts'
import { type TextConverter, textConverter } from './text-value.ts'
import { decodeXmlText } from './xml-text.ts'

/** Where the TABLEDATA reader stopped: `done` after `</TABLEDATA>`, else at an incomplete token. */
export interface TabledataStop {
  readonly pos: number
  readonly done: boolean
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g

/**
 * Reads TR/TD rows straight from the document text into column arrays, as text arrives; only the cell
 * being read becomes a string of its own. Throws plain Errors; `row`/`column` say where.
 */
export class TabledataRows {
  private readonly converters: TextConverter[]
  private readonly td: string
  private readonly tdEnd: string
  private readonly tr: string
  private readonly trEnd: string
  private readonly end: string
  /** Cells read in the current row, or -1 between rows. */
  private cell = -1
  row = 0

  constructor(
    private readonly fields: readonly VotableField[],
    private readonly columns: VotableValue[][],
    prefix: string,
  ) {
    this.converters = fields.map(textConverter)
    this.td = `<${prefix}TD`
    this.tdEnd = `</${prefix}TD>`
    this.tr = `<${prefix}TR`
    this.trEnd = `</${prefix}TR>`
    this.end = `</${prefix}TABLEDATA>`
  }

  /** The field being read when an error is thrown. */
  get column(): string | undefined {
    return this.cell >= 0 ? this.fields[this.cell]?.name : undefined
  }

  consume(s: string, from: number): TabledataStop {
    const { converters, columns, td, tdEnd } = this
    const width = converters.length
    let i = from
    for (;;) {
      const lt = s.indexOf('<', i)
      if (lt < 0) return { pos: s.length, done: false }
      const gt = s.indexOf('>', lt)
      if (gt < 0) return { pos: lt, done: false }
      if (s.startsWith(td, lt) && isNameEnd(s.charCodeAt(lt + td.length))) {
        if (this.cell < 0) throw new Error('a TD outside any TR')
        if (this.cell >= width) throw new Error(`more TD cells than the ${width} FIELDs`)
        let text = ''
        let next = gt + 1
        if (s.charCodeAt(gt - 1) !== 47) {
          const close = s.indexOf(tdEnd, next)
          if (close < 0) return { pos: lt, done: false }
          text = s.slice(next, close)
          next = close + tdEnd.length
          if (text.includes('<')) text = unwrapCdata(text)
          else if (text.includes('&')) text = decodeXmlText(text)
        }
        columns[this.cell]!.push(converters[this.cell]!(text))
        this.cell++
        i = next
      } else if (s.startsWith(this.tr, lt) && isNameEnd(s.charCodeAt(lt + this.tr.length))) {
        if (this.cell >= 0) throw new Error('a TR inside a TR')
        this.cell = 0
        i = gt + 1
        if (s.charCodeAt(gt - 1) === 47) this.closeRow(width)
      } else if (s.startsWith(this.trEnd, lt)) {
        this.closeRow(width)
        i = gt + 1
      } else if (s.startsWith(this.end, lt)) {
        if (this.cell >= 0) throw new Error('TABLEDATA ends inside a TR')
        return { pos: gt + 1, done: true }
      } else if (s.startsWith('<!--', lt)) {
        const close = s.indexOf('-->', lt + 4)
        if (close < 0) return { pos: lt, done: false }
        i = close + 3
      } else {
        throw new Error(`unexpected ${s.slice(lt, Math.min(gt + 1, lt + 40))} in TABLEDATA`)
      }
    }
  }

  private closeRow(width: number): void {
    if (this.cell < 0) throw new Error('a </TR> without a TR')
    if (this.cell !== width) throw new Error(`${this.cell} TD cells but ${width} FIELDs`)
    this.cell = -1
    this.row++
  }
}

function isNameEnd(code: number): boolean {
  return code === 62 || code === 47 || code === 32 || code === 9 || code === 10 || code === 13
}

function unwrapCdata(text: string): string {
  const outside = text.replace(CDATA, '')
  if (outside.includes('<')) throw new Error(`markup inside a TD: ${JSON.stringify(text.slice(0, 40))}`)
  let out = ''
  let last = 0
  for (const match of text.matchAll(CDATA)) {
    out += decodeXmlText(text.slice(last, match.index)) + match[1]
    last = match.index + match[0].length
  }
  return out + decodeXmlText(text.slice(last))
}
