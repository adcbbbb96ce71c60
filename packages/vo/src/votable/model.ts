/** VOTable primitive types. */
export type VotableDatatype =
  | 'boolean'
  | 'bit'
  | 'unsignedByte'
  | 'short'
  | 'int'
  | 'long'
  | 'char'
  | 'unicodeChar'
  | 'float'
  | 'double'
  | 'floatComplex'
  | 'doubleComplex'

export interface Complex {
  readonly re: number
  readonly im: number
}

/**
 * A cell or PARAM value. Scalars: boolean, number, bigint (long), string (char arrays), Complex.
 * Arrays (flattened, first dimension fastest): Uint8Array, Int16Array, Int32Array, BigInt64Array,
 * Float32Array, Float64Array, boolean[], Complex[], or string[] for char arrays of 2+ dimensions.
 */
export type VotableValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Complex
  | Uint8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Float32Array
  | Float64Array
  | readonly boolean[]
  | readonly (boolean | null)[]
  | readonly Complex[]
  | readonly string[]

export interface VotableOption {
  readonly name?: string
  readonly value: string
  readonly options: readonly VotableOption[]
}

export interface VotableLimit {
  readonly value: string
  readonly inclusive: boolean
}

export interface VotableValues {
  readonly id?: string
  readonly ref?: string
  /** The raw text that stands for null in this column. */
  readonly null?: string
  readonly min?: VotableLimit
  readonly max?: VotableLimit
  readonly options: readonly VotableOption[]
}

export interface VotableLink {
  readonly id?: string
  readonly href?: string
  readonly title?: string
  readonly value?: string
  readonly contentRole?: string
  readonly contentType?: string
  readonly action?: string
}

export interface VotableField {
  readonly name: string
  readonly id?: string
  readonly datatype: VotableDatatype
  /** The attribute as written: `12`, `*`, `12*`, `3x4x*`. */
  readonly arraysize?: string
  /** Dimensions, first fastest; the last is `null` when variable. Empty for scalars. */
  readonly shape: readonly (number | null)[]
  readonly unit?: string
  readonly ucd?: string
  readonly utype?: string
  readonly xtype?: string
  readonly ref?: string
  readonly width?: string
  readonly precision?: string
  readonly description?: string
  readonly values?: VotableValues
  readonly links: readonly VotableLink[]
}

export interface VotableParam extends VotableField {
  /** The `value` attribute as written. */
  readonly rawValue: string
  /** The value converted by datatype (null when empty or the null value). */
  readonly value: VotableValue
}

export interface VotableRef {
  readonly ref: string
  readonly ucd?: string
  readonly utype?: string
}

export interface VotableGroup {
  readonly id?: string
  readonly name?: string
  readonly ref?: string
  readonly ucd?: string
  readonly utype?: string
  readonly description?: string
  readonly params: readonly VotableParam[]
  readonly fieldRefs: readonly VotableRef[]
  readonly paramRefs: readonly VotableRef[]
  readonly groups: readonly VotableGroup[]
}

export interface VotableInfo {
  readonly name: string
  readonly value: string
  readonly id?: string
  readonly ucd?: string
  readonly utype?: string
  /** The element's text. */
  readonly content: string
}

export interface VotableCoosys {
  readonly id?: string
  readonly system?: string
  readonly equinox?: string
  readonly epoch?: string
  readonly refposition?: string
}

export interface VotableTimesys {
  readonly id?: string
  readonly timeorigin?: string
  readonly timescale?: string
  readonly refposition?: string
}

export type VotableEncoding = 'TABLEDATA' | 'BINARY' | 'BINARY2'

/**
 * One column's values in row order. A scalar numeric column is a typed array: Float64Array (double),
 * Float32Array (float), Int32Array (int), Int16Array (short), Uint8Array (unsignedByte), BigInt64Array
 * (long). A null is NaN in a float or double column; in an integer column the slot holds 0 and the row is
 * flagged in the table's `nulls`. Every other column (boolean, bit, char, arrays, complex) is an array of
 * VotableValue holding null for a null.
 */
export type VotableColumn =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Uint8Array
  | BigInt64Array
  | readonly VotableValue[]

/** A row as an object keyed by column name (ID when a column has no name). */
export type VotableRow = Readonly<Record<string, VotableValue>>

export interface VotableTable {
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
  /** INFO elements before and after the data, in document order. */
  readonly infos: readonly VotableInfo[]
  /** How the data was written; undefined for a table without DATA. */
  readonly encoding?: VotableEncoding
  readonly rowCount: number
  /** Column-wise values, one per field in field order: typed arrays for numeric scalars (see VotableColumn). */
  readonly columns: readonly VotableColumn[]
  /**
   * Per field, a byte per row that is 1 where an integer (int, short, unsignedByte, long) column is null;
   * undefined when the column has no such null (float columns use NaN, other columns hold null).
   */
  readonly nulls: readonly (Uint8Array | undefined)[]
  /** The stored column with this name or ID (typed for numeric scalars); undefined when there is none. */
  column(key: string): VotableColumn | undefined
  /** The column's values as one array with null for every null (a copy); undefined when there is none. */
  values(key: string): VotableValue[] | undefined
  /** The field with this name or ID. */
  field(key: string): VotableField | undefined
  /** Row `index` as an object keyed by column name. */
  row(index: number): VotableRow
  rows(): IterableIterator<VotableRow>
}

export interface VotableResource {
  readonly id?: string
  readonly name?: string
  readonly type?: string
  readonly utype?: string
  readonly description?: string
  readonly infos: readonly VotableInfo[]
  readonly params: readonly VotableParam[]
  readonly groups: readonly VotableGroup[]
  readonly links: readonly VotableLink[]
  readonly coosys: readonly VotableCoosys[]
  readonly timesys: readonly VotableTimesys[]
  readonly tables: readonly VotableTable[]
  readonly resources: readonly VotableResource[]
}

export interface VotableDocument {
  readonly version?: string
  readonly description?: string
  readonly infos: readonly VotableInfo[]
  readonly params: readonly VotableParam[]
  readonly groups: readonly VotableGroup[]
  readonly coosys: readonly VotableCoosys[]
  readonly timesys: readonly VotableTimesys[]
  readonly resources: readonly VotableResource[]
  /** Every table in document order, nested resources included. */
  readonly tables: readonly VotableTable[]
}
