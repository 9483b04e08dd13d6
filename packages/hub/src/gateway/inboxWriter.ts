import type { FastifyBaseLogger } from "fastify";
import { backgroundOf, TrailingWork } from "../lib/background.js";
import { type HubServices, queueSharesSession } from "../services.js";
import {
  enqueueRelay,
  type InboxRequest,
  type InboxWrite,
  type StoredEntry,
  writeInboxAtOnce,
} from "./inbox.js";

/** At most this many deliveries share one transaction. */
export const MAX_INBOX_BATCH = 500;

interface Waiting {
  request: InboxRequest;
  writes: InboxWrite[];
  log: FastifyBaseLogger | undefined;
  resolve(stored: StoredEntry[]): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the webhook inbox. A delivery is answered 2xx only once its events are
 * committed, and a commit waits for the disk; so the deliveries of a tenant that arrive while its
 * previous write runs are written together by the next one: one INSERT, one commit, then one job
 * that gets their processing started. A lone delivery is written at once. If a shared write
 * fails, each delivery of it is written alone, so a failure answers only the delivery it belongs
 * to.
 *
 * The senders are answered as soon as the commit is done. Then one `gateway.relay` job is added
 * for the write's new rows — a worker adds each row's `gateway.process` job (`relayProcessing`),
 * so this process adds one job per write rather than one per event — while the tenant's next write
 * runs (the write after next waits for it: a slow queue slows acknowledgement down rather than
 * piling up jobs in memory). If adding it fails (or the process stops first) the rows are stored
 * all the same and the reconciler enqueues them later (`reconcileInbox`).
 */
export class InboxWriter {
  readonly #services: HubServices;
  readonly #waiting = new Map<string, Waiting[]>();
  readonly #running = new Set<string>();
  /** By tenant, the jobs of its last write still being added. */
  readonly #enqueueing: TrailingWork;
  /** Transactions run and the largest batch (for tests and metrics). */
  readonly stats = { transactions: 0, largestBatch: 0 };

  constructor(services: HubServices) {
    this.#services = services;
    this.#enqueueing = new TrailingWork({ overlap: !queueSharesSession(services) });
  }

  /** Stores a delivery's events; resolves with each event's row once they are committed. */
  write(
    request: InboxRequest,
    writes: InboxWrite[],
    log?: FastifyBaseLogger,
  ): Promise<StoredEntry[]> {
    const tenantId = request.tenantId;
    return new Promise((resolve, reject) => {
      const entry = { request, writes, log, resolve, reject };
      const list = this.#waiting.get(tenantId);
      if (list) list.push(entry);
      else this.#waiting.set(tenantId, [entry]);
      if (!this.#running.has(tenantId)) void this.#drain(tenantId);
    });
  }

  async #drain(tenantId: string): Promise<void> {
    this.#running.add(tenantId);
    try {
      for (;;) {
        const list = this.#waiting.get(tenantId);
        if (!list || list.length === 0) {
          this.#waiting.delete(tenantId);
          break;
        }
        const batch = list.splice(0, MAX_INBOX_BATCH);
        let enqueued: Promise<void> = Promise.resolve();
        try {
          ({ enqueued } = await this.#run(tenantId, batch));
        } catch (error) {
          // Nothing may be left waiting for ever: whoever is not answered yet gets the error
          // (a promise settles once, so those answered keep their answer).
          for (const waiting of batch) waiting.reject(error);
        }
        await this.#enqueueing.next(tenantId, enqueued);
      }
    } finally {
      this.#running.delete(tenantId);
    }
  }

  /** Writes a batch and answers it; returns the adding of its jobs, which runs on. */
  async #run(tenantId: string, batch: Waiting[]): Promise<{ enqueued: Promise<void> }> {
    let written: { waiting: Waiting; stored: StoredEntry[] }[];
    try {
      const stored = await this.#commit(tenantId, batch);
      written = batch.map((waiting, i) => ({ waiting, stored: stored[i]! }));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return { enqueued: Promise.resolve() };
      }
      written = [];
      for (const waiting of batch) {
        try {
          const [stored] = await this.#commit(tenantId, [waiting]);
          written.push({ waiting, stored: stored! });
        } catch (alone) {
          waiting.reject(alone);
        }
      }
    }
    // Committed is what the sender needs: it hears 2xx now, and the jobs are added meanwhile.
    for (const { waiting, stored } of written) waiting.resolve(stored);
    const fresh = written.flatMap(({ stored }) =>
      stored.filter((s) => s.created && s.status === "received"),
    );
    const enqueued = enqueueRelay(this.#services.queue, tenantId, fresh).catch((error: unknown) => {
      // Stored all the same: the reconciler enqueues rows that were never processed.
      batch[0]?.log?.warn(
        { tenantId, events: fresh.length, err: (error as Error).message },
        "enqueue failed; the reconciler will enqueue these inbox rows",
      );
    });
    backgroundOf(this.#services).add(enqueued);
    return { enqueued };
  }

  async #commit(tenantId: string, batch: Waiting[]): Promise<StoredEntry[][]> {
    // One round trip: the tenant's settings and the INSERT in one message, one commit.
    const stored = await writeInboxAtOnce(
      this.#services.database,
      tenantId,
      batch.map(({ request, writes }) => ({ request, writes })),
    );
    this.stats.transactions++;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    return stored;
  }
}

const writers = new WeakMap<HubServices, InboxWriter>();

/** The hub's inbox writer (one per hub, made on first use). */
export function inboxWriterOf(services: HubServices): InboxWriter {
  let writer = writers.get(services);
  if (!writer) {
    writer = new InboxWriter(services);
    writers.set(services, writer);
  }
  return writer;
}
