// Local inputs: files and folders (recursive), in a stable order. Archives are expanded into
// their members by src/extract/zip.ts. Unreadable paths become InputProblems, never exceptions.

import {readdir, readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {sniffFormat} from '../extract/index.js'
import type {InputFile, InputProblem} from '../extract/types.js'

const SKIP = new Set(['.git', 'node_modules', '.DS_Store', 'Thumbs.db', '__MACOSX'])

async function* walk(path: string): AsyncGenerator<string | InputProblem> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    yield {path, status: 'failed', errorCode: 'not-found', reason: `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`}
    return
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path)).filter((e) => !SKIP.has(e) && !e.startsWith('~$')).sort()
    for (const e of entries) yield* walk(join(path, e))
  } else if (info.isFile()) {
    yield path
  }
}

/** Every document under the given paths; a ZIP archive yields its members (`DCE.zip!/Pieces/CCAP.pdf`). */
export async function* readInputs(paths: string[]): AsyncGenerator<InputFile | InputProblem> {
  for (const root of paths) {
    for await (const item of walk(root)) {
      if (typeof item !== 'string') {
        yield item
        continue
      }
      let bytes: Buffer
      try {
        bytes = await readFile(item)
      } catch (error) {
        yield {path: item, status: 'failed', errorCode: 'unreadable', reason: `${item}: cannot read (${(error as Error).message}).`}
        continue
      }
      if (sniffFormat(item, bytes) === 'zip') {
        const {expandZip} = await import('../extract/zip.js')
        yield* expandZip({path: item, bytes})
        continue
      }
      yield {path: item, bytes}
    }
  }
}
