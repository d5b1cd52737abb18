// Reads a DECP file in a worker thread: the worker cuts, parses and maps the records; the main
// thread only writes them to SQLite. Records cross the thread boundary as flat arrays of
// primitives (cheap to clone, unlike objects), a batch at a time, with at most a few batches in
// flight (the reader waits for credits), so memory stays flat whatever the file size.
// On two cores this about doubles the import rate; where no worker can start (a bundler, a test
// runner without a TypeScript loader), readDecp reads in the calling thread.

import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import {ClausescopeError} from '../core/errors.js'
import type {AwardHolder, AwardRecord} from './decp-record.js'
import type {DecpItem} from './decp.js'

const IN_FLIGHT = 4

type Packed = unknown[]
type Message = {items: Packed[]} | {done: true} | {error: {code?: string; message: string}}

export function packItem(item: DecpItem): Packed {
  if ('problem' in item) return [0, item.problem]
  const a = item.award
  return [1, a.uid, a.id, a.buyerId, a.kind, a.nature, a.procedure, a.object, a.cpv, a.placeCode, a.placeType,
    a.departement, a.notificationDate, a.publicationDate, a.version, a.initialAmount, a.amount, a.durationMonths,
    a.socialConsiderations, a.envConsiderations, a.social, a.env, a.reserved, a.euCategory, a.format,
    a.holders.flatMap((h) => [h.idType, h.id, h.siren]), item.merge ? item.merge.modificationId : undefined]
}

export function unpackItem(p: Packed): DecpItem {
  if (p[0] === 0) return {problem: p[1] as string}
  const flat = p[25] as (string | null)[]
  const holders: AwardHolder[] = []
  for (let i = 0; i < flat.length; i += 3) holders.push({idType: flat[i]!, id: flat[i + 1]!, siren: flat[i + 2]!})
  const award = {
    uid: p[1], id: p[2], buyerId: p[3], kind: p[4], nature: p[5], procedure: p[6], object: p[7], cpv: p[8],
    placeCode: p[9], placeType: p[10], departement: p[11], notificationDate: p[12], publicationDate: p[13], version: p[14],
    initialAmount: p[15], amount: p[16], durationMonths: p[17], socialConsiderations: p[18], envConsiderations: p[19],
    social: p[20], env: p[21], reserved: p[22], euCategory: p[23], format: p[24], holders,
  } as AwardRecord
  return p[26] === undefined ? {award} : {award, merge: {modificationId: p[26] as number | null}}
}

function workerUrl(): URL | undefined {
  // Compiled: this .js file. Under tsx the sources are .ts and the worker inherits tsx's loader
  // through execArgv. Anything else (vitest's transformed modules): no worker.
  const self = new URL(import.meta.url)
  if (self.protocol !== 'file:' || !existsSync(fileURLToPath(self))) return undefined
  if (self.pathname.endsWith('.ts') && !process.execArgv.some((a) => a.includes('tsx'))) return undefined
  return self
}

/** The batches of `file` read by a worker thread, or undefined when no worker could start. */
export async function readInWorker(file: string): Promise<AsyncGenerator<DecpItem[]> | undefined> {
  const url = workerUrl()
  if (!url) return undefined
  let worker: Worker
  try {
    worker = new Worker(url, {workerData: {decpFile: file}})
  } catch {
    return undefined
  }
  const queue: Message[] = []
  let wake: (() => void) | undefined
  let failure: Error | undefined
  let exited = false
  worker.on('message', (m: Message) => {
    queue.push(m)
    wake?.()
  })
  worker.on('error', (e) => {
    failure = e
    wake?.()
  })
  worker.on('exit', () => {
    exited = true
    wake?.()
  })
  const next = async (): Promise<Message | undefined> => {
    while (queue.length === 0 && !failure && !exited) await new Promise<void>((r) => (wake = r))
    return queue.shift()
  }
  const first = await next()
  if (!first) {
    // The worker could not load (no loader for its module): read in this thread instead.
    await worker.terminate()
    return undefined
  }
  return (async function* () {
    try {
      for (let m: Message | undefined = first; m; m = await next()) {
        if ('error' in m) throw new ClausescopeError(m.error.code ?? 'decp-read', m.error.message)
        if ('done' in m) return
        worker.postMessage(1)
        yield m.items.map(unpackItem)
      }
      throw failure ?? new ClausescopeError('decp-read', `${file}: the reading thread stopped unexpectedly.`)
    } finally {
      await worker.terminate()
    }
  })()
}

async function runWorker(file: string): Promise<void> {
  const {readDecpInThread} = await import('./decp.js')
  const port = parentPort!
  let credits = IN_FLIGHT
  let wake: (() => void) | undefined
  port.on('message', (n: number) => {
    credits += n
    wake?.()
  })
  try {
    for await (const batch of readDecpInThread(file)) {
      while (credits <= 0) await new Promise<void>((r) => (wake = r))
      credits--
      port.postMessage({items: batch.map(packItem)} satisfies Message)
    }
    port.postMessage({done: true} satisfies Message)
  } catch (error) {
    port.postMessage({error: {code: (error as ClausescopeError).code, message: (error as Error).message}} satisfies Message)
  }
  port.close()
}

const data = workerData as {decpFile?: string} | null
if (!isMainThread && parentPort && data?.decpFile) await runWorker(data.decpFile)
