// Progress for batches, on stderr: a bar when stderr is a terminal, a line every few documents
// otherwise. Never on stdout, so --json output stays clean.

import {SingleBar} from 'cli-progress'

export interface Progress {
  tick(path: string): void
  /** Run `print` (which writes to stdout) without garbling the bar. */
  interrupt(print: () => void): void
  stop(): void
}

export function startProgress(total: number, quietLines: boolean): Progress {
  let done = 0
  const started = Date.now()
  if (process.stderr.isTTY && total > 1) {
    const bar = new SingleBar({
      stream: process.stderr, format: 'scanning [{bar}] {value}/{total} {file}', hideCursor: true,
      clearOnComplete: true, barsize: 30,
    })
    bar.start(total, 0, {file: ''})
    return {
      tick(path) {
        done++
        if (done > bar.getTotal()) bar.setTotal(done)
        bar.update(done, {file: path.length > 50 ? `…${path.slice(-49)}` : path})
      },
      interrupt(print) {
        // clear the bar's line, print, and let the next update redraw it
        process.stderr.write('\r\x1b[K')
        print()
      },
      stop() {
        bar.stop()
      },
    }
  }
  const every = Math.max(10, Math.ceil(total / 10))
  return {
    tick() {
      done++
      if (total > 1 && (done % every === 0)) process.stderr.write(`scanned ${done}/${Math.max(total, done)} documents\n`)
    },
    interrupt(print) {
      print()
    },
    stop() {
      if (total > 1 && !quietLines) process.stderr.write(`scanned ${done} documents in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    },
  }
}
