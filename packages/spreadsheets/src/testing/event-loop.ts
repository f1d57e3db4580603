/**
 * The longest wait, in milliseconds, between ticks of an interval on this thread while `work` runs:
 * how long any other request of the process would have waited for the event loop meanwhile.
 */
export async function longestTickGap<T>(work: () => Promise<T>, everyMs = 10): Promise<{ result: T; maxGapMs: number; tookMs: number }> {
  const start = performance.now();
  let last = start;
  let maxGapMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, everyMs);
  try {
    const result = await work();
    const end = performance.now();
    return { result, maxGapMs: Math.max(maxGapMs, end - last), tookMs: end - start };
  } finally {
    clearInterval(ticker);
  }
}
