// Test helper: builds small ZIP archives in memory with full control over names, flags and
// recorded sizes, to make hostile archives on the fly (the committed ones are in fixtures/docs).

import {crc32, deflateRawSync} from 'node:zlib'

export interface ZipMember {
  name: string | Buffer
  data?: Buffer
  /** 0 stored, 8 deflate (default); any other number is written as is. */
  method?: number
  /** Set the UTF-8 name flag (default true). */
  utf8?: boolean
  /** Set the "encrypted" flag (the data itself is left as is). */
  encrypted?: boolean
  /** Recorded uncompressed size, when it should lie. */
  declaredSize?: number
}

export function writeZip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const m of members) {
    const name = Buffer.isBuffer(m.name) ? m.name : Buffer.from(m.name, 'utf8')
    const data = m.data ?? Buffer.alloc(0)
    const method = m.method ?? 8
    const packed = method === 8 ? deflateRawSync(data) : data
    // traditional encryption puts a 12-byte header before the data
    const stored = m.encrypted ? Buffer.concat([Buffer.alloc(12, 0x5a), packed]) : packed
    const flags = (m.utf8 === false ? 0 : 0x800) | (m.encrypted ? 1 : 0)
    const size = m.declaredSize ?? data.length
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(stored.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(flags, 8)
    c.writeUInt16LE(method, 10)
    c.writeUInt32LE(crc, 16)
    c.writeUInt32LE(stored.length, 20)
    c.writeUInt32LE(size, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(offset, 42)
    locals.push(local, name, stored)
    central.push(c, name)
    offset += local.length + name.length + stored.length
  }
  const cd = Buffer.concat(central)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(members.length, 8)
  eocd.writeUInt16LE(members.length, 10)
  eocd.writeUInt32LE(cd.length, 12)
  eocd.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, eocd])
}
