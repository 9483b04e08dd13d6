import { delay, HttpResponse } from "msw";

/**
 * Pieces the destination mocks share: failures queued for the next matching requests, and the
 * two ways a response gets lost after the vendor did the work. For `mocks.ts` files only (they
 * need msw).
 */

/** How a response is lost: the connection drops (`reset`) or nothing comes back in time (`timeout`). */
export type LostResponse = "reset" | "timeout";

/** How long a `timeout` loss keeps the request waiting: longer than any test's client timeout. */
export const LOST_RESPONSE_DELAY_MS = 3_000;

/** What a caller sees when the vendor's answer never arrives. */
export async function lostResponse(how: LostResponse): Promise<Response> {
  if (how === "timeout") await delay(LOST_RESPONSE_DELAY_MS);
  return HttpResponse.error();
}

/** A failure queued for the next requests an operation matches. */
interface QueuedFault<F> {
  operation: string | undefined;
  fault: F;
  remaining: number;
}

/**
 * Failures to serve instead of the real answer: `add(fault, { on: "create", times: 2 })`; each
 * matching request takes one. Requests for other operations go through.
 */
export class FaultQueue<F> {
  readonly #queue: QueuedFault<F>[] = [];

  add(fault: F, options: { on?: string; times?: number } = {}): void {
    this.#queue.push({ operation: options.on, fault, remaining: options.times ?? 1 });
  }

  /** The fault for this request, if one is queued for its operation. */
  take(operation: string): F | undefined {
    const index = this.#queue.findIndex(
      (entry) => entry.operation === undefined || entry.operation === operation,
    );
    if (index < 0) return undefined;
    const entry = this.#queue[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#queue.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.#queue.length = 0;
  }
}

/** The bearer token of a request, or `undefined`. */
export function bearerOf(request: Request): string | undefined {
  const match = /^bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}
