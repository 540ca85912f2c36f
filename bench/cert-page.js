/**
 * Benchmark page: generates certificates through the real crypto client (Web Worker) and measures, on the main
 * thread, the time to the self-signed certificate, the time to the full bundle, and the longest main-thread task.
 * Plain JavaScript because the Node TypeScript project that covers bench/ may not import src/ (TS6307).
 */
import { createCertificateClient } from '../src/crypto/certificate-client.ts';

/** @type {{ startTime: number; duration: number }[]} */
const longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    longTasks.push({ startTime: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const client = createCertificateClient();

/**
 * Longest gap between 5 ms interval ticks: a finer view of main-thread blocking than Long Tasks, which only
 * reports tasks of 50 ms or more.
 */
function watchTimerGaps() {
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    return maxGap;
  };
}

/**
 * One generation.
 * @param {import('../src/crypto/certificate-types.ts').CertificateRequest} request
 */
async function benchCertificate(request) {
  const stopWatching = watchTimerGaps();
  /** @type {Record<string, number>} */
  const stages = {};
  const start = performance.now();
  const result = await client.generate(request, {
    onProgress: (stage) => {
      stages[stage] = performance.now() - start;
    },
  });
  const end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the Long Tasks observer deliver
  const during = longTasks.filter((t) => t.startTime + t.duration >= start && t.startTime <= end);
  return {
    certificateMs: stages['protecting-key'] ?? end - start,
    bundleMs: end - start,
    stages,
    longestLongTaskMs: Math.max(0, ...during.map((t) => t.duration)),
    longTaskCount: during.length,
    longTasks: during.map((t) => ({ atMs: t.startTime - start, durationMs: t.duration })),
    maxTimerGapMs: stopWatching(),
    keyGeneration: result.keyGeneration,
    keySize: result.keySize,
  };
}

Object.assign(window, { benchCertificate, benchReady: true });
