import { invalid } from '../invalid.ts'
import type {
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
export type TableParts = Omit<VotableTable, 'column' | 'field' | 'row' | 'rows'>

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
  readonly columns: readonly (readonly VotableValue[])[]
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
    this.rowCount = parts.rowCount
    this.keys = parts.fields.map((f) => f.name || f.id || '')
  }

  field(key: string): VotableField | undefined {
    return this.fields.find((f) => f.name === key) ?? this.fields.find((f) => f.id === key)
  }

  column(key: string): readonly VotableValue[] | undefined {
    const field = this.field(key)
    return field && this.columns[this.fields.indexOf(field)]
  }

  row(index: number): VotableRow {
    if (!Number.isInteger(index) || index < 0 || index >= this.rowCount) {
      throw invalid('row', `must be a row index from 0 to ${this.rowCount - 1}, got ${index}`)
    }
    const row: Record<string, VotableValue> = {}
    for (let f = this.keys.length - 1; f >= 0; f--) row[this.keys[f]!] = this.columns[f]![index]!
    return row
  }

  *rows(): IterableIterator<VotableRow> {
    for (let i = 0; i < this.rowCount; i++) yield this.row(i)
  }
}
