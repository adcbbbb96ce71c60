// A one-line progress bar on a terminal; on a pipe, a line at every quarter and one at the end.
const WIDTH = 30

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

/** Bytes when the listing gave a total (`unit: 'bytes'`), files otherwise. */
function ratioOf(p) {
  const bytes = p.unit === 'bytes'
  const done = bytes ? p.transferredBytes : (p.completedItems ?? 0)
  const total = bytes ? p.totalBytes : p.totalItems
  return total ? Math.min(1, done / total) : 0
}

// The bar moves for files already on disk too; the text tells them from bytes actually received.
function describe(p) {
  const skipped = p.skippedItems ? `, ${p.skippedItems} already there` : ''
  return `${(ratioOf(p) * 100).toFixed(0).padStart(3)}%  ${p.completedItems ?? 0}/${p.totalItems ?? '?'} files${skipped}  ${mb(p.receivedBytes ?? 0)} received`
}

export function progressBar(stream = process.stderr) {
  let lastQuarter = -1
  let last
  const update = (p) => {
    last = p
    const ratio = ratioOf(p)
    if (stream.isTTY) {
      const filled = Math.round(ratio * WIDTH)
      stream.write(`\r  [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${describe(p)} `)
      return
    }
    const quarter = Math.floor(ratio * 4)
    if (quarter > lastQuarter && quarter < 4) {
      lastQuarter = quarter
      stream.write(`  ${describe(p)}\n`)
    }
  }
  // The last report (every file finished) always shows.
  const end = () => stream.write(stream.isTTY ? '\n' : last ? `  ${describe(last)}\n` : '')
  return { update, end }
}
