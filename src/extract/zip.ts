// DCE archives: a ZIP (nested folders, nested ZIPs) expanded into one InputFile per member, with
// display paths such as `DCE.zip!/Pieces/CCAP.pdf`. Hostile members (climbing names, bombs,
// encrypted or damaged data) become InputProblems and the other members are still read.

import type {Entry, ZipFile} from 'yauzl'
import {sniffFormat} from './index.js'
import type {InputFile, InputProblem} from './types.js'
import {
  decodeMemberName, describeZipError, displayName, formatBytes, isDirectory, openZip, ratioReason,
  readEntries, readMember, unsafeNameReason, ZIP_LIMITS, ZipLimitError, type ZipLimits,
} from './zip-reader.js'

export {ZIP_LIMITS, type ZipLimits} from './zip-reader.js'

/** Files that archivers add and nobody wrote: macOS resource forks, Finder and Explorer caches, Office locks. */
function isJunk(name: string): boolean {
  const parts = name.replace(/\\/g, '/').split('/')
  const base = parts[parts.length - 1] ?? ''
  return parts.includes('__MACOSX') || base.startsWith('._') || base.startsWith('~$') ||
    ['.DS_Store', 'Thumbs.db', 'desktop.ini'].includes(base)
}

/**
 * Formats no reader handles: such members are reported without being inflated (plans and
 * photos are often most of a DCE's bytes). Unknown extensions are still read and sniffed.
 */
const UNREAD_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'heic', 'svg',
  'dwg', 'dxf', 'dwf', 'ifc', 'rvt', 'skp', 'plt',
  'mp3', 'wav', 'mp4', 'avi', 'mov', 'mkv', 'wmv',
  'xls', 'xlsx', 'xlsm', 'ods', 'csv', 'ppt', 'pptx', 'odp', 'doc', 'rtf',
  'rar', '7z', 'gz', 'tgz', 'exe', 'dll', 'msi', 'iso',
])

function extensionOf(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

/** What is left to unpack, shared by an archive and the archives nested in it. */
interface Budget {
  members: number
  bytes: number
}

interface Level {
  path: string        // display path of this archive
  container: string   // the outermost archive's path on disk
  depth: number       // 1 for the archive on disk
  url?: string        // where the outermost archive was downloaded from, if it was
}

function problem(path: string, level: Level, status: InputProblem['status'], errorCode: string, reason: string): InputProblem {
  return {path, status, errorCode, reason: `${path}: ${reason}.`, container: level.container}
}

/**
 * The members of a ZIP archive, in the archive's order, each read into memory within `limits`
 * (nested archives are expanded in place). Never throws for bad input: a damaged or hostile
 * archive or member is yielded as an InputProblem naming it.
 */
export async function* expandZip(archive: InputFile, limits: ZipLimits = ZIP_LIMITS): AsyncGenerator<InputFile | InputProblem> {
  const budget: Budget = {members: limits.maxMembers, bytes: limits.maxTotalBytes}
  const level: Level = {path: archive.path, container: archive.container ?? archive.path, depth: 1}
  if (archive.url) level.url = archive.url
  yield* expandLevel(archive.bytes, level, budget, limits)
}

async function* expandLevel(bytes: Buffer, level: Level, budget: Budget, limits: ZipLimits): AsyncGenerator<InputFile | InputProblem> {
  let zip: ZipFile
  try {
    zip = await openZip(bytes)
  } catch (error) {
    yield problem(level.path, level, 'failed', 'invalid-zip', `this file is not a valid ZIP archive or is truncated (${describeZipError(error)})`)
    return
  }
  try {
    const members = await listMembers(zip, level, budget, limits)
    if (!Array.isArray(members)) {
      yield members
      return
    }
    if (members.length === 0 && level.depth === 1) {
      yield problem(level.path, level, 'not_analysable', 'empty', 'the archive holds no documents')
    }
    for (const {entry, name} of members) yield* readOne(zip, entry, name, level, budget, limits)
  } finally {
    zip.close()
  }
}

/** The archive's real members, or one problem for the whole archive when it breaks a limit. */
async function listMembers(zip: ZipFile, level: Level, budget: Budget, limits: ZipLimits): Promise<Array<{entry: Entry; name: string}> | InputProblem> {
  let entries: Entry[]
  try {
    entries = await readEntries(zip, budget.members)
  } catch (error) {
    if (error instanceof ZipLimitError) return problem(level.path, level, 'failed', 'zip-bomb', `archive refused: ${error.message}`)
    return problem(level.path, level, 'failed', 'invalid-zip', `this file is not a valid ZIP archive or is damaged (${describeZipError(error)})`)
  }
  budget.members -= entries.length
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (declared > budget.bytes) {
    return problem(level.path, level, 'failed', 'zip-bomb',
      `archive refused: its members would unpack to ${formatBytes(declared)}, more than the limit of ` +
      `${formatBytes(limits.maxTotalBytes)} (a zip bomb, or an archive to unpack by hand and scan as a folder)`)
  }
  const members: Array<{entry: Entry; name: string}> = []
  for (const entry of entries) {
    const name = await decodeMemberName(entry)
    if (!isDirectory(name) && !isJunk(name)) members.push({entry, name})
  }
  return members
}

async function* readOne(zip: ZipFile, entry: Entry, name: string, level: Level, budget: Budget, limits: ZipLimits): AsyncGenerator<InputFile | InputProblem> {
  const path = `${level.path}!/${displayName(name)}`
  const unsafe = unsafeNameReason(name)
  if (unsafe) return yield problem(path, level, 'failed', 'unsafe-path', `member refused: ${unsafe}`)
  const ratio = ratioReason(entry, limits)
  if (ratio) return yield problem(path, level, 'failed', 'zip-bomb', `member refused as a zip bomb: ${ratio}`)
  if (entry.isEncrypted()) {
    return yield problem(path, level, 'not_analysable', 'encrypted', 'the member is encrypted in the archive (password-protected ZIP)')
  }
  const ext = extensionOf(name)
  if (UNREAD_EXTENSIONS.has(ext)) {
    return yield problem(path, level, 'not_analysable', 'unsupported-format',
      `unsupported format (.${ext}); PDF, DOCX, ODT, HTML, TXT/MD, XML notices and ZIP archives are read`)
  }
  let data: Buffer
  try {
    data = await readMember(zip, entry, budget.bytes)
  } catch (error) {
    if (error instanceof ZipLimitError) return yield problem(path, level, 'failed', 'zip-bomb', `member refused as a zip bomb: ${error.message}`)
    const code = /unsupported compression/.test(String(error)) ? 'unsupported-compression' : 'invalid-zip'
    return yield problem(path, level, 'failed', code, `the member cannot be unpacked: ${describeZipError(error)}`)
  }
  budget.bytes -= data.length
  if (sniffFormat(path, data) !== 'zip') {
    const member: InputFile = {path, bytes: data, container: level.container}
    if (level.url) member.url = level.url
    return yield member
  }
  if (level.depth >= limits.maxDepth) {
    return yield problem(path, level, 'failed', 'zip-bomb', `nested archive refused: archives nested more than ${limits.maxDepth} levels deep`)
  }
  yield* expandLevel(data, {...level, path, depth: level.depth + 1}, budget, limits)
}
