import { Base64Decoder } from './base64-decoder.ts'
import { BinaryRows } from './binary-rows.ts'
import { buildDocument, type TableData } from './build-document.ts'
import { ColumnStore } from './column-store.ts'
import type { VotableDocument, VotableEncoding, VotableField } from './model.ts'
import { readField } from './read-elements.ts'
import { TabledataRows } from './tabledata-rows.ts'
import { VotableError } from './votable-error.ts'
import { attr, child, children, parseXml } from './xml-parser.ts'

type Mode = 'outside' | 'tabledata' | 'stream-head' | 'base64' | 'binary-tail'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Bytes given to the TABLEDATA reader at a time: calls short enough for V8 to compile the row loop once. */
const PIECE = 1 << 14

const TAG_NAME = /^<\/?([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/

/**
 * Reads a VOTable from text that arrives in pieces. Everything outside the data goes to a skeleton that
 * fast-xml-parser reads at the end; TABLEDATA and BINARY/BINARY2 streams are decoded into columns as
 * they arrive, using the FIELDs fast-xml-parser read from the table's start when its data began.
 */
export class VotableReader {
  private mode: Mode = 'outside'
  private carry = ''
  /** Where an incomplete token starts when `step` asks for more text. */
  private carryFrom = 0
  private skeleton = ''
  private tableCount = 0
  private tableStart = -1
  private tableTag = 'TABLE'
  private dataStart = -1
  private table: TableData | undefined
  private store: ColumnStore | undefined
  private where: string | undefined
  private tabledata: TabledataRows | undefined
  private binary: BinaryRows | undefined
  private base64: Base64Decoder | undefined
  private binaryEnd = ''
  private readonly tables = new Map<number, TableData>()

  /** Feeds the next piece of the document. */
  push(piece: string): void {
    const s = this.carry === '' ? piece : this.carry + piece
    this.carry = ''
    let i = 0
    try {
      while (i < s.length) {
        const next = this.step(s, i)
        if (next < 0) {
          i = this.carryFrom
          break
        }
        i = next
      }
    } catch (error) {
      throw this.located(error)
    }
    if (i < s.length) this.carry = s.slice(i)
  }

  /** Takes the text held back for the next push (an incomplete token), leaving none. */
  takeCarry(): string {
    const carry = this.carry
    this.carry = ''
    return carry
  }

  /**
   * Inside TABLEDATA or a base64 STREAM, reads input bytes without making text of them; returns how many
   * it took (0 elsewhere: give those bytes to `push` as text). `following`: bytes of the document known
   * to come after this piece (0 when unknown), which lets the columns be sized once.
   */
  pushBytes(piece: Uint8Array, following = 0): number {
    if (this.carry !== '' || (this.mode !== 'tabledata' && this.mode !== 'base64')) return 0
    // Buffers are read through a plain Uint8Array view: one array map keeps the decoders' reads monomorphic.
    const bytes =
      piece.constructor === Uint8Array ? piece : new Uint8Array(piece.buffer, piece.byteOffset, piece.length)
    try {
      if (this.mode === 'tabledata') return this.pushTabledata(bytes, following)
      const lt = bytes.indexOf(60)
      const end = lt < 0 ? bytes.length : lt
      this.base64!.push(bytes, 0, end)
      if (lt >= 0) {
        this.finishStream()
        this.mode = 'binary-tail'
      }
      return end
    } catch (error) {
      throw this.located(error)
    }
  }

  /** Ends the document and builds it. */
  end(): VotableDocument {
    if (this.mode !== 'outside') {
      throw new VotableError('the document ends inside the table data (truncated)', this.location())
    }
    if (this.carry.trim() !== '') this.skeleton += this.carry
    this.carry = ''
    return buildDocument(parseXml(this.skeleton, 'the document'), this.tables)
  }

  /** Handles what starts at `i`; returns where to continue, or -1 to wait for more text. */
  private step(s: string, i: number): number {
    switch (this.mode) {
      case 'outside':
        return this.outside(s, i)
      case 'tabledata': {
        // Text is encoded a piece at a time, never split inside a surrogate pair.
        let at = i
        while (at < s.length && this.mode === 'tabledata') {
          let to = Math.min(s.length, at + PIECE)
          const last = s.charCodeAt(to - 1)
          if (to < s.length && last >= 0xd800 && last <= 0xdbff) to--
          const bytes = encoder.encode(s.slice(at, to))
          const taken = this.pushTabledata(bytes, 0)
          at = taken === bytes.length ? to : at + decoder.decode(bytes.subarray(0, taken)).length
        }
        return at
      }
      case 'stream-head':
        return this.streamHead(s, i)
      case 'base64': {
        const lt = s.indexOf('<', i)
        this.base64!.pushText(s, i, lt < 0 ? s.length : lt)
        if (lt < 0) return s.length
        this.finishStream()
        this.mode = 'binary-tail'
        return lt
      }
      case 'binary-tail':
        return this.binaryTail(s, i)
    }
  }

  private outside(s: string, i: number): number {
    const lt = s.indexOf('<', i)
    if (lt < 0) {
      this.skeleton += s.slice(i)
      return s.length
    }
    if (lt > i) this.skeleton += s.slice(i, lt)
    const special = this.special(s, lt)
    if (special !== 0) return special
    const gt = tagEnd(s, lt)
    if (gt < 0) return this.wait(lt)
    const tag = s.slice(lt, gt + 1)
    const name = TAG_NAME.exec(tag)
    const local = name?.[2]
    const closing = tag[1] === '/'
    const selfClosing = tag.endsWith('/>')
    if (!closing && local === 'TABLE') {
      this.tableCount++
      this.tableStart = this.skeleton.length
      this.tableTag = `${name?.[1] ?? ''}TABLE`
      this.where = undefined
      const at = 1 + this.tableTag.length
      this.skeleton += `${tag.slice(0, at)} heliokit-index="${this.tableCount}"${tag.slice(at)}`
      return gt + 1
    }
    if (!closing && local === 'DATA') this.dataStart = this.skeleton.length
    if (!closing && !selfClosing && (local === 'TABLEDATA' || local === 'BINARY' || local === 'BINARY2')) {
      this.startData(local, name?.[1] ?? '')
      this.skeleton += `<${name?.[1] ?? ''}${local}/>`
      return gt + 1
    }
    if (!closing && local === 'FITS') {
      throw new VotableError('FITS-serialized data is not supported', { table: this.tableName() })
    }
    this.skeleton += tag
    return gt + 1
  }

  /** Comments, CDATA, processing instructions and DOCTYPE; 0 when `lt` starts an ordinary tag. */
  private special(s: string, lt: number): number {
    const open = s.charCodeAt(lt + 1)
    if (open !== 33 && open !== 63) return s.length - lt < 2 ? this.wait(lt) : 0
    if (s.length - lt < 9) return this.wait(lt)
    const [close, keep] = s.startsWith('<!--', lt)
      ? ['-->', true]
      : s.startsWith('<![CDATA[', lt)
        ? [']]>', true]
        : open === 63
          ? ['?>', true]
          : ['>', false]
    if (!keep) return this.doctype(s, lt)
    const end = s.indexOf(close, lt + 2)
    if (end < 0) return this.wait(lt)
    this.skeleton += s.slice(lt, end + close.length)
    return end + close.length
  }

  /** A DOCTYPE is dropped; entity declarations (billion laughs and kin) are refused. */
  private doctype(s: string, lt: number): number {
    const bracket = s.indexOf('[', lt)
    const gt = s.indexOf('>', lt)
    if (gt < 0) return this.wait(lt)
    let end = gt
    if (bracket >= 0 && bracket < gt) {
      const closeSubset = s.indexOf(']', bracket)
      if (closeSubset < 0) return this.wait(lt)
      end = s.indexOf('>', closeSubset)
      if (end < 0) return this.wait(lt)
    }
    const declaration = s.slice(lt, end + 1)
    if (/<!ENTITY/i.test(declaration)) {
      throw new VotableError('the document declares entities (DOCTYPE <!ENTITY>), which are not allowed')
    }
    return end + 1
  }

  private wait(at: number): number {
    this.carryFrom = at
    return -1
  }

  private startData(encoding: VotableEncoding, prefix: string): void {
    if (this.tableStart < 0 || this.dataStart < this.tableStart) {
      throw new VotableError(`${encoding} outside a TABLE's DATA`)
    }
    const head = parseXml(
      `${this.skeleton.slice(this.tableStart, this.dataStart)}</${this.tableTag}>`,
      'a TABLE',
    )
    const table = child(head, 'TABLE')
    this.where = attr(table, 'name') ?? attr(table, 'ID') ?? `#${this.tableCount}`
    const fields: VotableField[] = children(table, 'FIELD').map((f) => readField(f, this.where))
    const store = new ColumnStore(fields)
    this.store = store
    this.table = { encoding, columns: [], nulls: [], rowCount: 0 }
    this.tables.set(this.tableCount, this.table)
    if (encoding === 'TABLEDATA') {
      this.tabledata = new TabledataRows(fields, store, prefix)
      this.binary = undefined
      this.mode = 'tabledata'
    } else {
      this.tabledata = undefined
      this.binary = new BinaryRows(fields, encoding === 'BINARY2', store)
      this.binaryEnd = `</${prefix}${encoding}>`
      this.mode = 'stream-head'
    }
  }

  /** Reads TABLEDATA bytes; returns how many it took (all of them unless the data ended). */
  private pushTabledata(bytes: Uint8Array, following: number): number {
    const rows = this.tabledata!
    let taken = 0
    // A piece at a time: the rows reader makes room for as many rows as a piece can hold.
    while (taken < bytes.length && !rows.done) {
      const piece = bytes.subarray(taken, taken + PIECE)
      taken += rows.push(piece, following + bytes.length - taken - piece.length)
    }
    if (rows.done) this.finishData(rows.row)
    return taken
  }

  /** The table's data ended after `rows` rows: its columns are cut to size. */
  private finishData(rows: number): void {
    this.mode = 'outside'
    Object.assign(this.table!, this.store!.finish(rows), { rowCount: rows })
    this.store = undefined
  }

  /** Expects `<STREAM encoding="base64">`; a STREAM with an href is refused. */
  private streamHead(s: string, i: number): number {
    const lt = s.indexOf('<', i)
    if (lt < 0) return s.length
    const gt = tagEnd(s, lt)
    if (gt < 0) return this.wait(lt)
    const tag = s.slice(lt, gt + 1)
    if (tag.startsWith('<!--')) {
      const end = s.indexOf('-->', lt)
      return end < 0 ? this.wait(lt) : end + 3
    }
    if (TAG_NAME.exec(tag)?.[2] !== 'STREAM' || tag[1] === '/') {
      throw new VotableError(`expected a STREAM, found ${tag.slice(0, 40)}`, this.location())
    }
    const stream = child(parseXml(tag.endsWith('/>') ? tag : `${tag}</STREAM>`, 'a STREAM'), 'STREAM')
    const href = attr(stream, 'href')
    if (href !== undefined) {
      throw new VotableError(
        `the data is in another file (STREAM href=${JSON.stringify(href)}), which is not supported`,
        this.location(),
      )
    }
    const encoding = attr(stream, 'encoding') ?? 'base64'
    if (encoding !== 'base64') {
      throw new VotableError(`STREAM encoding ${JSON.stringify(encoding)} is not supported`, this.location())
    }
    const rows = this.binary!
    this.base64 = new Base64Decoder((bytes) => rows.push(bytes))
    if (tag.endsWith('/>')) {
      this.finishStream()
      this.mode = 'binary-tail'
    } else {
      this.mode = 'base64'
    }
    return gt + 1
  }

  private finishStream(): void {
    this.base64!.end()
    if (this.binary!.pending !== 0) {
      throw new VotableError(
        `the binary data ends part-way through a row (${this.binary!.pending} bytes left over)`,
        this.location(),
      )
    }
  }

  /** Expects `</STREAM>` then `</BINARY>` or `</BINARY2>`. */
  private binaryTail(s: string, i: number): number {
    const lt = s.indexOf('<', i)
    if (lt < 0) return s.length
    const gt = s.indexOf('>', lt)
    if (gt < 0) return this.wait(lt)
    const tag = s.slice(lt, gt + 1).replace(/\s+/g, '')
    if (/^<\/([\w.-]+:)?STREAM>$/.test(tag)) return gt + 1
    if (tag === this.binaryEnd) {
      this.finishData(this.binary!.rowCount)
      return gt + 1
    }
    throw new VotableError(`expected ${this.binaryEnd}, found ${tag.slice(0, 40)}`, this.location())
  }

  private tableName(): string {
    return this.where ?? `#${this.tableCount}`
  }

  private location(): { table: string; row?: number } {
    const row = this.tabledata?.row ?? this.binary?.rowCount
    return row === undefined ? { table: this.tableName() } : { table: this.tableName(), row }
  }

  private located(error: unknown): VotableError {
    if (error instanceof VotableError) return error
    const column = this.tabledata?.column
    const message = (error as Error).message
    return new VotableError(column === undefined ? message : `column ${JSON.stringify(column)}: ${message}`, {
      ...this.location(),
      cause: error,
    })
  }
}

/** Index of the `>` closing the tag at `lt` (quotes respected), or -1 when not yet in `s`. */
function tagEnd(s: string, lt: number): number {
  let quote = 0
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === 34 || c === 39) {
      quote = c
    } else if (c === 62) {
      return i
    }
  }
  return -1
}
