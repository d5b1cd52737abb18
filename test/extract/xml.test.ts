import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {DocumentError} from '../../src/core/errors.js'
import {extract} from '../../src/extract/index.js'
import {decodeEntities, parseXml, textOf} from '../../src/extract/xml.js'

const NOTICES = join(import.meta.dirname, '../../fixtures/notices')

async function documentError(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(DocumentError)
  return error as DocumentError
}

describe('safe XML parsing', () => {
  it('refuses an entity bomb before parsing, naming the file', async () => {
    const bytes = readFileSync(join(NOTICES, 'entity-bomb.xml'))
    const error = await documentError(extract({path: 'avis/entity-bomb.xml', bytes}))
    expect(error.status).toBe('failed')
    expect(error.code).toBe('xml-entities')
    expect(error.message).toContain('avis/entity-bomb.xml')
    expect(error.message).toMatch(/entit/i)
  })

  it('refuses an external entity (local file read)', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE ANNONCE [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ANNONCE><DONNEES>&xxe;</DONNEES></ANNONCE>'
    const error = await documentError(extract({path: 'xxe.xml', bytes: Buffer.from(xml)}))
    expect(error.code).toBe('xml-entities')
  })

  it('reports malformed XML as failed invalid-xml with the file and the line', async () => {
    const xml = '<?xml version="1.0"?>\n<TED_EXPORT>\n<FORM_SECTION>\n</TED_EXPORT>\n'
    const error = await documentError(extract({path: 'cassé.xml', bytes: Buffer.from(xml)}))
    expect(error.status).toBe('failed')
    expect(error.code).toBe('invalid-xml')
    expect(error.message).toContain('cassé.xml')
    expect(error.message).toMatch(/line 4/)
  })

  it('decodes the predefined entities and character references, and nothing else', () => {
    expect(decodeEntities('T&amp;I &lt;b&gt; &#233;t&#xE9; &quot;x&quot; &apos;y&apos;')).toBe('T&I <b> été "x" \'y\'')
    expect(decodeEntities('&nbsp;&unknown;')).toBe('&nbsp;&unknown;')
    // U+0092 typed in a Windows editor is a right single quotation mark
    expect(decodeEntities('l\u0092offre')).toBe('l\u2019offre')
  })

  it('repairs text escaped twice by the publisher', async () => {
    const root = await parseXml(Buffer.from('<R>mission a&amp;#768; remettre, article &amp;Quot;VI&amp;quot;</R>'), 'r.xml')
    expect(textOf(root).normalize('NFC')).toBe('mission à remettre, article "VI"')
  })

  it('keeps CDATA literal, reads mixed content in order, and breaks lines at <P>', async () => {
    const xml = '<R xmlns:a="urn:x"><a:T><P>Un <FT TYPE="SUP">e</FT>r lot</P><P>B &amp; C</P></a:T><D><![CDATA[x &amp; y]]></D></R>'
    const root = await parseXml(Buffer.from(xml), 'r.xml')
    expect(root.name).toBe('R')
    expect(root.children.map((c) => c.name)).toEqual(['T', 'D'])
    expect(textOf(root.children[0])).toBe('Un er lot\n\nB & C')
    expect(textOf(root.children[1])).toBe('x &amp; y')
  })

  it('decodes the encoding the XML declaration names', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><R>', 'latin1'),
      Buffer.from('Marché réservé', 'latin1'),
      Buffer.from('</R>', 'latin1'),
    ])
    expect(textOf(await parseXml(latin1, 'r.xml'))).toBe('Marché réservé')
  })
})
