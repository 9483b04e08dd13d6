import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** What this module touches of pglite-socket 0.2's (private) query queue. */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Frontend messages of the extended query protocol that a Sync closes (P, B, D, E, C, H). */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC = 0x53;

/**
 * PGlite is one PostgreSQL session shared by every socket connection, and pglite-socket queues
 * the connections' protocol messages one by one. It keeps a connection's messages together while
 * a transaction is open, but not within one extended-protocol exchange (Parse, Bind, Describe,
 * Execute … Sync), so two connections querying outside a transaction at the same moment could
 * have one's Bind meet the other's unnamed statement ("bind message supplies 2 parameters, but
 * prepared statement "" requires 15"). And a message that threw left the queue stopped for good.
 *
 * This replaces the queue's scheduler (same fields, same order otherwise): after a connection's
 * Parse/Bind/Describe/Execute/Close/Flush only that connection's messages run until its Sync; an
 * open transaction still keeps its connection's messages together; an error rejects the one
 * message and the queue goes on.
 */
export function keepProtocolExchangesTogether(server: PGLiteSocketServer, db: PGlite): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue)) {
    throw new Error("pglite-socket's query queue has changed; review src/db/embeddedQueue.ts");
  }
  /** The connection in the middle of an extended-protocol exchange, if any. */
  let exchange: number | null = null;

  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = exchange ?? (db.isInTransaction() ? this.lastHandlerId : null);
        let item: QueuedMessage | undefined;
        if (owner !== null) {
          const at = this.queue.findIndex((m) => m.handlerId === owner);
          // The owner's next message has not arrived yet; its enqueue restarts processing.
          if (at === -1) break;
          item = this.queue.splice(at, 1)[0];
        } else {
          item = this.queue.shift();
        }
        if (!item) break;
        const type = item.message[0] ?? 0;
        if (EXTENDED.has(type)) exchange = item.handlerId;
        else if (type === SYNC || exchange === item.handlerId) exchange = null;
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          if (exchange === item.handlerId) exchange = null;
          this.lastHandlerId = item.handlerId;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that goes away mid-exchange must not keep everyone else waiting.
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    if (exchange === handlerId) exchange = null;
    clear(handlerId);
    void q.processQueue();
  };
}
