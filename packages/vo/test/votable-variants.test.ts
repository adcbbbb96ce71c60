import { describe, expect, test } from 'vitest'
import { parseVotable, queryStatus } from '../src/index.ts'
import { document, TWO_FIELDS } from './helpers/documents.ts'

describe('VOTable versions, namespaces and structure', () => {
  test.each([
    ['no namespace', '<VOTABLE version="1.1">', '</VOTABLE>', ''],
    [
      'the v1.1 namespace',
      '<VOTABLE version="1.1" xmlns="http://www.ivoa.net/xml/VOTable/v1.1">',
      '</VOTABLE>',
      '',
    ],
    [
      'a prefixed v1.3 namespace',
      '<vot:VOTABLE version="1.3" xmlns:vot="http://www.ivoa.net/xml/VOTable/v1.3">',
      '</vot:VOTABLE>',
      'vot:',
    ],
  ])('%s', (_name, open, close, p) => {
    const doc = parseVotable(`${open}<${p}RESOURCE><${p}TABLE name="t"><${p}FIELD name="x" datatype="short"/>
      <${p}DATA><${p}TABLEDATA><${p}TR><${p}TD>7</${p}TD></${p}TR><${p}TR><${p}TD/></${p}TR></${p}TABLEDATA></${p}DATA>
      </${p}TABLE></${p}RESOURCE>${close}`)
    expect(doc.tables[0]!.values('x')).toEqual([7, null])
  })

  test('nested RESOURCEs, tables in document order, INFO before and after the table (last wins)', () => {
    const doc = parseVotable(`<VOTABLE version="1.5">
      <INFO name="QUERY_STATUS" value="OK"/>
      <RESOURCE type="results">
        <INFO name="QUERY_STATUS" value="OK"/>
        <TABLE name="first"><FIELD name="x" datatype="int"/><DATA><TABLEDATA><TR><TD>1</TD></TR></TABLEDATA></DATA>
          <INFO name="QUERY_STATUS" value="ERROR">in table</INFO></TABLE>
        <RESOURCE name="inner"><TABLE name="second"><FIELD name="y" datatype="int"/></TABLE></RESOURCE>
        <TABLE name="third"><FIELD name="z" datatype="int"/></TABLE>
        <INFO name="QUERY_STATUS" value="OVERFLOW">truncated at MAXREC</INFO>
      </RESOURCE></VOTABLE>`)
    expect(doc.tables.map((t) => t.name)).toEqual(['first', 'second', 'third'])
    expect(doc.resources[0]!.resources[0]!.tables[0]!.name).toBe('second')
    expect(doc.tables[0]!.infos[0]!.content).toBe('in table')
    expect(queryStatus(doc)).toEqual({ status: 'OVERFLOW', message: 'truncated at MAXREC' })
  })

  test('character references, CDATA and comments inside TABLEDATA', () => {
    const doc = parseVotable(
      document(
        TWO_FIELDS,
        `<TABLEDATA><!-- a comment --><TR><TD>&#49;&#x32;</TD><TD>&lt;&#x263A;&gt; &amp; &quot;&apos;</TD></TR>
        <TR><TD>3</TD><TD><![CDATA[<raw> & stuff]]></TD></TR></TABLEDATA>`,
      ),
    )
    expect(doc.tables[0]!.column('a')).toEqual(Int32Array.of(12, 3))
    expect(doc.tables[0]!.column('b')).toEqual(['<\u263a> & "\'', '<raw> & stuff'])
  })

  test('every datatype in TABLEDATA, with nulls from empty cells, VALUES null and NaN', () => {
    const fields = `
      <FIELD name="bool" datatype="boolean"/><FIELD name="bit" datatype="bit"/>
      <FIELD name="ub" datatype="unsignedByte"><VALUES null="255"/></FIELD><FIELD name="s" datatype="short"/>
      <FIELD name="i" datatype="int"><VALUES null="-1"/></FIELD><FIELD name="l" datatype="long"/>
      <FIELD name="c" datatype="char"/><FIELD name="u" datatype="unicodeChar" arraysize="*"/>
      <FIELD name="f" datatype="float"/><FIELD name="d" datatype="double"/>
      <FIELD name="fc" datatype="floatComplex"/><FIELD name="dc" datatype="doubleComplex" arraysize="*"/>
      <FIELD name="matrix" datatype="int" arraysize="2x2"/><FIELD name="names" datatype="char" arraysize="3x*"/>`
    const doc = parseVotable(
      document(
        fields,
        `<TABLEDATA>
        <TR><TD>T</TD><TD>1</TD><TD>0x0F</TD><TD>-3</TD><TD>42</TD><TD>9007199254740993</TD><TD>x</TD><TD>Ωμ</TD>
          <TD>1.5</TD><TD>-Inf</TD><TD>1 2</TD><TD>1 -1 NaN 0</TD><TD>1 2 3 4</TD><TD>abcdefghi</TD></TR>
        <TR><TD>?</TD><TD>0</TD><TD>255</TD><TD/><TD>-1</TD><TD/><TD/><TD/><TD>NaN</TD><TD>nan</TD><TD/><TD/><TD/><TD/></TR>
        </TABLEDATA>`,
      ),
    )
    const table = doc.tables[0]!
    expect(table.row(0)).toEqual({
      bool: true,
      bit: true,
      ub: 15,
      s: -3,
      i: 42,
      l: 9007199254740993n,
      c: 'x',
      u: 'Ωμ',
      f: 1.5,
      d: Number.NEGATIVE_INFINITY,
      fc: { re: 1, im: 2 },
      dc: [
        { re: 1, im: -1 },
        { re: Number.NaN, im: 0 },
      ],
      matrix: new Int32Array([1, 2, 3, 4]),
      names: ['abc', 'def', 'ghi'],
    })
    expect(Object.values(table.row(1)).filter((v) => v !== null)).toEqual([false])
    expect(table.field('matrix')?.shape).toEqual([2, 2])
    expect(table.field('names')?.shape).toEqual([3, null])
  })

  test('PARAM, GROUP with PARAMref, LINK and VALUES with nested OPTIONs', () => {
    const doc = parseVotable(`<VOTABLE version="1.4"><RESOURCE>
      <PARAM name="n" datatype="long" value="9223372036854775807"/>
      <GROUP name="g" ucd="meta"><PARAMref ref="p1"/><GROUP name="inner"><PARAM name="q" datatype="double" value="NaN"/></GROUP></GROUP>
      <LINK content-role="doc" href="http://example.com/doc" title="Docs"/>
      <TABLE><FIELD name="x" datatype="char" arraysize="*"><VALUES><MIN value="a" inclusive="no"/>
        <OPTION name="top" value="1"><OPTION name="sub" value="1.1"/></OPTION></VALUES>
        <LINK href="http://example.com/x"/></FIELD></TABLE></RESOURCE></VOTABLE>`)
    const resource = doc.resources[0]!
    expect(resource.params[0]!.value).toBe(9223372036854775807n)
    expect(resource.groups[0]!.paramRefs).toEqual([{ ref: 'p1' }])
    expect(resource.groups[0]!.groups[0]!.params[0]!.value).toBeNull()
    expect(resource.links).toEqual([{ contentRole: 'doc', href: 'http://example.com/doc', title: 'Docs' }])
    const field = doc.tables[0]!.fields[0]!
    expect(field.values).toEqual({
      min: { value: 'a', inclusive: false },
      options: [{ name: 'top', value: '1', options: [{ name: 'sub', value: '1.1', options: [] }] }],
    })
    expect(field.links).toEqual([{ href: 'http://example.com/x' }])
    expect(doc.tables[0]!.rowCount).toBe(0)
  })
})
