import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {readJsonRecords, type RawRecord} from '../../src/sources/json-records.js'

async function records(content: string | Buffer, test = (p: readonly string[]) => p.join('.') === 'marches.marche'): Promise<RawRecord[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'clausescope-json-')), 'f.json')
  writeFileSync(file, content)
  const out: RawRecord[] = []
  for await (const batch of readJsonRecords(file, test)) out.push(...batch)
  return out
}

describe('readJsonRecords', () => {
  it('cuts the records of the chosen arrays only, whatever their strings contain', async () => {
    const text = JSON.stringify({
      meta: {marche: [{id: 'not me'}]},
      marches: {
        comment: 'a } and a ] and a \\" in a string',
        marche: [{id: 'a', objet: 'brace } bracket ] quote " backslash \\', n: [1, {x: [2]}]}, {id: 'b'}],
        'contrat-concession': [{id: 'c'}],
      },
    })
    const out = await records(text)
    expect(out.map((r) => JSON.parse(r.text!).id)).toEqual(['a', 'b'])
    expect(out.map((r) => [r.array, r.index])).toEqual([['marches.marche', 0], ['marches.marche', 1]])
  })

  it('reads records split across read chunks (records larger than a chunk)', async () => {
    const big = 'é'.repeat(1_500_000) // 3 MB of UTF-8: several 1 MB chunks, multi-byte characters cut in two
    const out = await records(`{"marches":{"marche":[{"id":"x","objet":"${big}"},{"id":"y"}]}}`)
    expect(out).toHaveLength(2)
    expect(JSON.parse(out[0]!.text!).objet).toBe(big)
    expect(JSON.parse(out[1]!.text!).id).toBe('y')
  })

  it('skips a UTF-8 BOM, reports non-object elements, and a record cut by the end of the file', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"id":1}, "s", 42, {"id":2')])
    const out = await records(bom, (p) => p.length === 0)
    expect(out.map((r) => r.text ?? r.problem)).toEqual([
      '{"id":1}', 'the record is not a JSON object', 'the record is not a JSON object',
      'the file ends in the middle of this record (truncated file?)',
    ])
  })

  it('fails with the file and the byte offset on broken structure outside records', async () => {
    await expect(records('{"marches": ]')).rejects.toThrow(/f\.json: invalid JSON at byte 12/)
  })
})
