// Safe, in-memory reading of ZIP containers (DCE archives, DOCX, ODT) with yauzl: the central
// directory, member names decoded and checked by us, and members inflated under byte limits.
// Nothing is ever written to disk.

import type {Entry, ZipFile} from 'yauzl'

/**
 * Limits on what one archive (nested archives included) may unpack to. Declared sizes are checked
 * before anything is inflated, and inflated bytes are counted again while streaming, because
 * sizes in a ZIP can lie.
 */
export interface ZipLimits {
  /** Members in an archive and all archives nested in it. A large DCE holds a few hundred. */
  maxMembers: number
  /** Uncompressed bytes of all members together. Above it, unpack the archive and scan the folder. */
  maxTotalBytes: number
  /** Compression ratio above which a member is treated as a bomb... */
  maxRatio: number
  /** ...when it inflates to more than this (small files compress well legitimately). */
  ratioCheckAbove: number
  /** Archive levels: `A.zip!/B.zip!/C.zip!/x.pdf` is three. */
  maxDepth: number
}

export const ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxMembers: 2_000,
  maxTotalBytes: 500 * 1024 * 1024,
  maxRatio: 100,
  ratioCheckAbove: 1024 * 1024,
  maxDepth: 3,
})

/** An archive broke one of the limits: a zip bomb, or something too large to read in memory. */
export class ZipLimitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipLimitError'
  }
}

export async function openZip(bytes: Buffer): Promise<ZipFile> {
  const yauzl = (await import('yauzl')).default
  // decodeStrings: false, so that one hostile member name does not make yauzl reject the whole
  // archive; names are decoded and validated by decodeMemberName() / unsafeNameReason().
  // validateEntrySizes: false, because yauzl would reject the whole archive for one stored member
  // whose two sizes differ; readMember() enforces the recorded size itself, member by member.
  return yauzl.fromBufferPromise(bytes, {lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: false})
}

/** Every entry of the central directory (metadata only, nothing inflated). */
export function readEntries(zip: ZipFile, maxEntries: number): Promise<Entry[]> {
  if (zip.entryCount > maxEntries) {
    return Promise.reject(new ZipLimitError(`it holds ${zip.entryCount.toLocaleString('en')} members, more than the limit of ${maxEntries.toLocaleString('en')}`))
  }
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(entries))
    zip.once('error', reject)
    zip.readEntry()
  })
}

/** The member's name: UTF-8 when flagged or valid, else code page 850 (French Windows' zipper). */
export async function decodeMemberName(entry: Entry): Promise<string> {
  const raw = entry.fileName as unknown as Buffer // a Buffer with decodeStrings: false
  const flaggedUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0
  if (flaggedUtf8 || entry.extraFields.some((f) => f.id === 0x7075)) {
    // yauzl handles the UTF-8 flag and the Info-ZIP Unicode Path field (0x7075); strict keeps '\'.
    const yauzl = (await import('yauzl')).default
    return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true)
  }
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(raw)
  } catch {
    // The ZIP spec says CP437; Windows writes the OEM code page, CP850 in France. They agree on
    // the accented lower-case letters and CP850 also has À, Â, Ê, È... in the upper half.
    const iconv = (await import('iconv-lite')).default
    return iconv.decode(raw, 'cp850')
  }
}

/** Why a member name must not be used (it could write outside a folder if unpacked), or undefined. */
export function unsafeNameReason(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'its name holds control characters'
  const slashed = name.replace(/\\/g, '/')
  if (slashed.startsWith('/')) return 'its name is an absolute path'
  if (/^[a-zA-Z]:/.test(slashed)) return 'its name starts with a drive letter'
  if (slashed.split('/').includes('..')) return 'its name climbs out of the archive folder (..)'
  return undefined
}

/** Display form of a member name: '/' as separator, control characters shown as '?'. */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/\\/g, '/').replace(/[\u0000-\u001f]/g, '?')
}

export function isDirectory(name: string): boolean {
  return name.endsWith('/') || name.endsWith('\\')
}

/** A member's declared size breaks the ratio limit. */
export function ratioReason(entry: Entry, limits: ZipLimits): string | undefined {
  if (entry.uncompressedSize <= limits.ratioCheckAbove) return undefined
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
  if (ratio <= limits.maxRatio) return undefined
  return `it inflates from ${formatBytes(entry.compressedSize)} to ${formatBytes(entry.uncompressedSize)} ` +
    `(ratio ${Math.round(ratio)}:1, limit ${limits.maxRatio}:1)`
}

/**
 * Inflates one member into memory, stopping as soon as more bytes come out than its recorded
 * size (sizes that lie are the classic way past size checks) or than `budget` allows.
 */
export function readMember(zip: ZipFile, entry: Entry, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error)
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > entry.uncompressedSize) {
          stream.destroy(new ZipLimitError(`it inflates to more than its recorded size of ${formatBytes(entry.uncompressedSize)} (the archive lies about its sizes)`))
        } else if (size > budget) {
          stream.destroy(new ZipLimitError(`it inflates to more than ${formatBytes(budget)}, the space left under the limits`))
        } else {
          chunks.push(chunk)
        }
      })
      stream.once('error', reject)
      stream.once('end', () => resolve(Buffer.concat(chunks, size)))
    })
  })
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 ** 3).toFixed(1)} GB`
  if (n >= 1024 * 1024) return `${(n / 1024 ** 2).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} bytes`
}

/** yauzl's message when sizes lie or data is damaged, in words a user understands. */
export function describeZipError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof ZipLimitError) return message
  if (/end of central directory|comment length/i.test(message)) return 'its table of contents at the end of the file is missing'
  if (/too many bytes|too few bytes|size mismatch/.test(message)) return `its recorded sizes are wrong (${message})`
  if (/unsupported compression method: (\d+)/.test(message)) {
    return `it is compressed with method ${/(\d+)/.exec(message)?.[1]}, which cannot be read (only Stored and Deflate)`
  }
  return message
}

/**
 * Checks an office document's container (DOCX, ODT) before a library loads it whole: the entry
 * count, the declared sizes, and the real inflated size of every XML part, within ZIP_LIMITS.
 * Returns the parts whose names `keep` accepts, inflated. Throws ZipLimitError or yauzl's error.
 */
export async function readOfficeParts(bytes: Buffer, keep: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): Promise<Map<string, Buffer>> {
  const zip = await openZip(bytes)
  try {
    const entries = await readEntries(zip, limits.maxMembers)
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
    if (declared > limits.maxTotalBytes) {
      throw new ZipLimitError(`its parts declare ${formatBytes(declared)} uncompressed, more than the limit of ${formatBytes(limits.maxTotalBytes)}`)
    }
    const parts = new Map<string, Buffer>()
    let budget = limits.maxTotalBytes
    for (const entry of entries) {
      const name = await decodeMemberName(entry)
      if (isDirectory(name) || !/\.(xml|rels)$/i.test(name)) continue // media are not inflated
      const ratio = ratioReason(entry, limits)
      if (ratio) throw new ZipLimitError(`part ${displayName(name)}: ${ratio}`)
      const data = await readMember(zip, entry, budget)
      budget -= data.length
      if (keep(name)) parts.set(name, data)
    }
    return parts
  } finally {
    zip.close()
  }
}
