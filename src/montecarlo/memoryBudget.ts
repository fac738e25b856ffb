/**
 * The memory a computation may plan for its data (4 GB) before it is refused, up front: well within a
 * machine of 8 GB or more with the process itself (~0.2 GB) and its worker threads.
 */
export const MEMORY_BUDGET = 4e9;

/** Formats a number of bytes in decimal units, as the refusals and docs/PERFORMANCE.md say them: "5.4 GB", "230 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.ceil(bytes / 1e3)} kB`;
}

/**
 * Says why a computation whose data would take about `bytes` is refused (`what` names it, `advice` says how
 * to fit), or undefined when it is within MEMORY_BUDGET.
 */
export function memoryRefusal(what: string, bytes: number, advice: string): string | undefined {
  if (bytes <= MEMORY_BUDGET) return undefined;
  return `${what} would need about ${formatBytes(bytes)} of memory, above the limit of ${formatBytes(MEMORY_BUDGET)}; ${advice}`;
}
