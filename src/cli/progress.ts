/** Formats seconds as `42s` or `3m05s`. */
function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * Returns a progress callback that redraws one stderr line (runs done, runs per second, time left) at most
 * ten times a second, and a function that clears the line when the runs are over.
 */
export function progressLine(write: (text: string) => void, now: () => number = () => performance.now()): {
  onProgress: (done: number, total: number) => void;
  clear: () => void;
} {
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    onProgress(done, total) {
      const t = now();
      if (t - last < 100 && done < total) return;
      last = t;
      const elapsed = (t - start) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const left = rate > 0 ? (total - done) / rate : Infinity;
      const pct = Math.floor((100 * done) / total);
      write(`\r\x1b[2Kruns ${done}/${total} (${pct}%)  ${Math.round(rate)} runs/s  ${duration(left)} left`);
      shown = true;
    },
    clear() {
      if (shown) write('\r\x1b[2K');
    },
  };
}
