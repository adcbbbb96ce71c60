// A one-line progress bar on a terminal; on a pipe, a line at every quarter instead.
const WIDTH = 30

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

export function progressBar(stream = process.stderr) {
  let lastQuarter = -1
  const render = (p) => {
    const bytes = p.unit === 'bytes'
    const done = bytes ? p.transferredBytes : (p.completedItems ?? 0)
    const total = bytes ? p.totalBytes : p.totalItems
    const ratio = total ? Math.min(1, done / total) : 0
    const amount = bytes ? `${mb(done)} / ${mb(total ?? 0)}` : ''
    const files = `${p.completedItems ?? 0}/${p.totalItems ?? '?'} files`
    if (stream.isTTY) {
      const filled = Math.round(ratio * WIDTH)
      stream.write(
        `\r  [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${amount}  ${files} `,
      )
      return
    }
    const quarter = Math.floor(ratio * 4)
    if (quarter > lastQuarter) {
      lastQuarter = quarter
      stream.write(`  ${(ratio * 100).toFixed(0).padStart(3)}%  ${amount}  ${files}\n`)
    }
  }
  return { update: render, end: () => stream.isTTY && stream.write('\n') }
}
