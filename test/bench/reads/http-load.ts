import autocannon from 'autocannon';

/** One load run's outcome: throughput and latency as autocannon measured them. */
export interface LoadResult {
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  /** Non-2xx answers, connection errors and timeouts, and bodies that differ from the expected one. */
  failures: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Every answer must be exactly this body (autocannon counts the others as mismatches). */
  expectBody?: string;
}

/** POSTs `body` to `url` from `connections` connections for `seconds` (autocannon, in this process). */
export async function postLoad(url: string, body: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: options.connections,
    duration: options.seconds,
    ...(options.expectBody ? { expectBody: options.expectBody } : {}),
  });
  return {
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
  };
}
