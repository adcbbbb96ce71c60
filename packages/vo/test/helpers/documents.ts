/** A one-table document around `data` (the DATA element's content), with the given FIELDs. */
export function document(fields: string, data: string, name = 'sample'): string {
  return `<?xml version="1.0"?>
<VOTABLE version="1.5" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
  <RESOURCE type="results">
    <TABLE name="${name}">
      ${fields}
      <DATA>${data}</DATA>
    </TABLE>
  </RESOURCE>
</VOTABLE>`
}

export const TWO_FIELDS = '<FIELD name="a" datatype="int"/><FIELD name="b" datatype="char" arraysize="*"/>'
