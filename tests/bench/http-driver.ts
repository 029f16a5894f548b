// Drives an HTTP vote endpoint with N requests at a fixed concurrency (keep-alive), timing each.
import { percentile } from './harness.js';

export interface HttpStormResult {
  voters: number;
  acknowledged: number;
  refused: Record<string, number>;
  receipts: string[];
  secondsToLastAck: number;
  votesPerSecond: number;
  ackP50: number;
  ackP95: number;
  ackP99: number;
}

export async function httpStorm(requests: { url: string; headers: Record<string, string>; body: unknown; receipt: string }[], concurrency = 100): Promise<HttpStormResult> {
  const latencies: number[] = [];
  const receipts: string[] = [];
  const refused: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  let lastAck = started;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const sent = performance.now();
      try {
        const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: JSON.stringify(request.body) });
        const text = await response.text();
        const now = performance.now();
        if (response.status === 201) {
          latencies.push(now - sent);
          receipts.push(request.receipt);
          lastAck = Math.max(lastAck, now);
        } else {
          const code = (JSON.parse(text) as { code?: string }).code ?? String(response.status);
          refused[code] = (refused[code] ?? 0) + 1;
        }
      } catch {
        refused.NETWORK = (refused.NETWORK ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const seconds = (lastAck - started) / 1000;
  return {
    voters: requests.length,
    acknowledged: latencies.length,
    refused,
    receipts,
    secondsToLastAck: seconds,
    votesPerSecond: seconds > 0 ? latencies.length / seconds : 0,
    ackP50: percentile(latencies, 0.5),
    ackP95: percentile(latencies, 0.95),
    ackP99: percentile(latencies, 0.99),
  };
}
