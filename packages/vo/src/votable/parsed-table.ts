import { invalid } from '../invalid.ts'
import { isNullAt } from './column-store.ts'
import type {
  VotableColumn,
  VotableEncoding,
  VotableField,
  VotableGroup,
  VotableInfo,
  VotableLink,
  VotableParam,
  VotableRow,
  VotableTable,
  VotableValue,
} from './model.ts'

/** A table's metadata and values, without the lookups a ParsedTable adds. */
export type TableParts = Omit<VotableTable, 'column' | 'field' | 'row' | 'rows' | 'values'>

/** A table holding its values column-wise; row objects are made on demand. */
export class ParsedTable implements VotableTable {
  readonly id?: string
  readonly name?: string
  readonly ref?: string
  readonly ucd?: string
  readonly utype?: string
  readonly description?: string
  readonly fields: readonly VotableField[]
  readonly params: readonly VotableParam[]
  readonly groups: readonly VotableGroup[]
  readonly links: readonly VotableLink[]
  readonly infos: readonly VotableInfo[]
  readonly encoding?: VotableEncoding
  readonly columns: readonly VotableColumn[]
  readonly nulls: readonly (Uint8Array | undefined)[]
  readonly rowCount: number
  private readonly keys: readonly string[]

  constructor(parts: TableParts) {
    Object.assign(this, parts)
    this.fields = parts.fields
    this.params = parts.params
    this.groups = parts.groups
    this.links = parts.links
    this.infos = parts.infos
    this.columns = parts.columns
    this.nulls = parts.nulls
    this.rowCount = parts.rowCount
    this.keys = parts.fields.map((f) => f.name || f.id || '')
  }

  field(key: string): VotableField | undefined {
    return this.fields.find((f) => f.name === key) ?? this.fields.find((f) => f.id === key)
  }

  column(key: string): VotableColumn | undefined {
    const field = this.field(key)
    return field && this.columns[this.fields.indexOf(field)]
  }

  values(key: string): VotableValue[] | undefined {
    const field = this.field(key)
    if (!field) return undefined
    const f = this.fields.indexOf(field)
    return Array.from({ length: this.rowCount }, (_, i) => this.value(f, i))
  }

  row(index: number): VotableRow {
    if (!Number.isInteger(index) || index < 0 || index >= this.rowCount) {
      throw invalid('row', `must be a row index from 0 to ${this.rowCount - 1}, got ${index}`)
    }
    const row: Record<string, VotableValue> = {}
    for (let f = this.keys.length - 1; f >= 0; f--) row[this.keys[f]!] = this.value(f, index)
    return row
  }

  private value(f: number, index: number): VotableValue {
    const column = this.columns[f]!
    return isNullAt(column, this.nulls[f], index) ? null : column[index]!
  }

  *rows(): IterableIterator<VotableRow> {
    for (let i = 0; i < this.rowCount; i++) yield this.row(i)
  }
}
