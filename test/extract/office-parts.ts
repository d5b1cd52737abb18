// Test helper: minimal DOCX and ODT packages built in memory (with writeZip), for cases the
// LibreOffice fixtures do not cover: custom heading styles, hostile parts, entities.

import {writeZip, type ZipMember} from './zip-writer.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

export function docxPackage(bodyXml: string, stylesXml = '', extra: ZipMember[] = []): Buffer {
  return writeZip([
    {name: '[Content_Types].xml', data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')},
    {name: '_rels/.rels', data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')},
    {name: 'word/_rels/document.xml.rels', data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')},
    {name: 'word/styles.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${stylesXml}</w:styles>`)},
    {name: 'word/document.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${bodyXml}</w:body></w:document>`)},
    ...extra,
  ])
}

export function wordParagraph(text: string, styleId?: string): string {
  const style = styleId ? `<w:pPr><w:pStyle w:val="${styleId}"/></w:pPr>` : ''
  return `<w:p>${style}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
}

export function odtPackage(contentXml: string, manifestXml?: string): Buffer {
  const members: ZipMember[] = [
    {name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), method: 0},
    {name: 'content.xml', data: Buffer.from(contentXml)},
  ]
  if (manifestXml) members.push({name: 'META-INF/manifest.xml', data: Buffer.from(manifestXml)})
  return writeZip(members)
}

export const ODF_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
