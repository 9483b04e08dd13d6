/**
 * An open-loop load generator for the hub's benchmarks: requests are sent on a fixed schedule —
 * evenly spaced, or as a Poisson process — whatever the server answers, and each answer's time
 * is measured from the moment its request was *due*, not from when it happened to be sent. That
 * is how a population of independent senders (webhook deliveries from a vendor's many workers)
 * meets a server: a slow answer does not hold back the next sender, and time a request waits
 * behind others (on the server or for a free connection here) counts against it.
 *
 * autocannon cannot offer a rate that way: given one, each of its connections sends a per-second
 * quota back to back from the start of every second (see docs/performance.md), so its offered-rate
 * runs are bursts of closed-loop load. The benchmarks keep autocannon for closed-loop figures and
 * the ratio to the bare route, and use this for figures *at a rate*.
 *
 * HTTP is the lean keep-alive pool of bench/httpClient.ts (no pipelining); loopback targets only.
 */

import { prng } from "../../sdk/bench/synthetic.js";
import { LeanPool, type LeanRequest } from "./httpClient.js";
import { type ResponseTimes, rank } from "./support.js";

export type Arrivals = "uniform" | "poisson";

/** What a run sends: the lean client's request. */
export type OpenLoopRequest = LeanRequest;

export interface OpenLoopOptions<C> {
  /** http://127.0.0.1:<port>; anything else is refused. */
  url: string;
  /** Requests due per second. */
  rate: number;
  /** Seconds of schedule; requests due later are not sent. */
  duration: number;
  /** Most sockets open at once; a request due while all are busy waits for one (and that counts). */
  connections: number;
  arrivals: Arrivals;
  /** The next request, with whatever the answer's handler needs to know about it. */
  next: () => { request: OpenLoopRequest; context: C };
  onAnswer?: (status: number, context: C) => void;
  /**
   * An answer not finished this long after its request was sent — or queued for a connection, if
   * none was free — is abandoned and counted as a timeout; default 10 s.
   */
  timeoutMs?: number;
  /** How long to wait for the answers still due when the schedule ends; default 15 s. */
  graceMs?: number;
  /** Seeds the Poisson schedule, so two runs offer the same arrival pattern. */
  seed?: number;
}

export interface OpenLoopResult {
  /** Requests due within the duration (all of them were sent). */
  due: number;
  answered2xx: number;
  non2xx: number;
  /** Connection errors and timeouts together. */
  errors: number;
  timeouts: number;
  /** The first error that was not a timeout, to say what went wrong. */
  firstError?: string;
  /** 2xx answers per second of schedule. */
  rps: number;
  /** 2xx answers' times from due time to the answer's last byte, ms. */
  responses: ResponseTimes & { p90: number; max: number };
  /** How late the generator itself sent requests (due time to hand-off to the pool), ms. */
  sendLag: { p50: number; p99: number; max: number };
  /** Requests still unanswered when the schedule ended. */
  inFlightAtEnd: number;
  /** Of those, requests still unanswered after the grace period, abandoned (and in `errors`). */
  abandoned: number;
}

export async function openLoop<C>(options: OpenLoopOptions<C>): Promise<OpenLoopResult> {
  if (!(options.rate > 0) || !(options.duration > 0) || !(options.connections >= 1)) {
    throw new Error("rate, duration and connections must be positive");
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  // The pool refuses anything but a loopback URL.
  const pool = new LeanPool(options.url, { connections: options.connections, timeoutMs });
  await pool.warm();
  const gap = 1000 / options.rate;
  // Seeded (the SDK benchmarks' PRNG), so a Poisson schedule is repeatable.
  const random = prng(options.seed ?? 1);
  // Uniform: due times at exact multiples of the gap. Poisson: exponential gaps of that mean.
  const nextGap = options.arrivals === "poisson" ? () => -Math.log(1 - random()) * gap : () => gap;

  const times: number[] = [];
  const lags: number[] = [];
  let answered2xx = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let inFlight = 0;
  let firstError: string | undefined;
  const settled: Promise<void>[] = [];

  const send = (dueAt: number) => {
    const { request, context } = options.next();
    lags.push(performance.now() - dueAt);
    inFlight++;
    settled.push(
      (async () => {
        try {
          const { status } = await pool.request(request);
          const elapsed = performance.now() - dueAt;
          if (status >= 200 && status < 300) {
            answered2xx++;
            times.push(elapsed);
          } else {
            non2xx++;
          }
          options.onAnswer?.(status, context);
        } catch (error) {
          errors++;
          const code = (error as { code?: string }).code;
          if (code === "TIMEOUT") timeouts++;
          else if (!firstError) firstError = error instanceof Error ? error.message : String(error);
        } finally {
          inFlight--;
        }
      })(),
    );
  };

  const start = performance.now() + 5;
  const end = start + options.duration * 1000;
  let nextAt = start;
  let due = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (nextAt <= now && nextAt < end) {
        due++;
        send(nextAt);
        nextAt += nextGap();
      }
      if (nextAt >= end) resolve();
      // Timers fire no sooner than asked and about a millisecond apart at best; a request sent
      // late has the lateness in its measured time.
      else setTimeout(tick, Math.max(0, nextAt - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  const inFlightAtEnd = inFlight;
  // A server that cannot keep up leaves a queue of requests behind; past the grace period they
  // are abandoned (counted as errors) rather than waited for.
  const grace = options.graceMs ?? 15_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finished = await Promise.race([
    Promise.all(settled).then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), grace);
    }),
  ]);
  clearTimeout(timer);
  const abandoned = finished ? 0 : inFlight;
  pool.close();
  if (!finished) await Promise.all(settled);

  const sorted = Float64Array.from(times).sort();
  const lagSorted = Float64Array.from(lags).sort();
  const round1 = (n: number) => Math.round(n * 10) / 10;
  return {
    due,
    answered2xx,
    non2xx,
    errors,
    timeouts,
    rps: answered2xx / options.duration,
    responses: {
      p50: round1(rank(sorted, 0.5)),
      p90: round1(rank(sorted, 0.9)),
      p99: round1(rank(sorted, 0.99)),
      max: round1(rank(sorted, 1)),
    },
    sendLag: {
      p50: round1(rank(lagSorted, 0.5)),
      p99: round1(rank(lagSorted, 0.99)),
      max: round1(rank(lagSorted, 1)),
    },
    inFlightAtEnd,
    abandoned,
    ...(firstError === undefined ? {} : { firstError }),
  };
}
