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
 * prepared statement "" requires 15"). A message that threw left the queue stopped for good. And
 * a notification (NOTIFY) reaches only the connection whose statement happened to be running, so
 * a worker waiting on LISTEN (BullMQ's) slept through the jobs added meanwhile.
 *
 * This replaces the queue's scheduler (same fields, same order otherwise): after a connection's
 * Parse/Bind/Describe/Execute/Close/Flush only that connection's messages run until its Sync; an
 * open transaction still keeps its connection's messages together; an error rejects the one
 * message and the queue goes on; and notifications are passed on to every connection that
 * LISTENs on their channel, as a server would.
 */
export function keepProtocolExchangesTogether(server: PGLiteSocketServer, db: PGlite): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!q || typeof q.processQueue !== "function" || !Array.isArray(q.queue)) {
    throw new Error("pglite-socket's query queue has changed; review src/db/embeddedQueue.ts");
  }
  /** The connection in the middle of an extended-protocol exchange, if any. */
  let exchange: number | null = null;
  const listeners = new Listeners();

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
        const output: Uint8Array[] = [];
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                if (listeners.any()) output.push(data.slice());
                item.onData(data);
              },
            }),
          );
          listeners.track(item);
          listeners.forward(output, item.handlerId);
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
    listeners.drop(handlerId);
    clear(handlerId);
    void q.processQueue();
  };
}

const QUERY = 0x51;
const PARSE = 0x50;
const NOTIFICATION = 0x41;
const LISTEN = /\b(UN)?LISTEN\s+(?:"([^"]+)"|([A-Za-z_][\w$]*)|(\*))/gi;
const text = new TextDecoder();

/** The SQL text of a simple Query or a Parse message, if the message is one. */
function statementOf(message: Uint8Array): string | undefined {
  const body = message.subarray(5);
  if (message[0] === QUERY) return text.decode(body.subarray(0, Math.max(0, body.indexOf(0))));
  if (message[0] !== PARSE) return undefined;
  const nameEnd = body.indexOf(0);
  const queryEnd = body.indexOf(0, nameEnd + 1);
  return nameEnd < 0 || queryEnd < 0
    ? undefined
    : text.decode(body.subarray(nameEnd + 1, queryEnd));
}

/** Which connections LISTEN on which channel, and how to write to each. */
class Listeners {
  readonly #byChannel = new Map<string, Map<number, (data: Uint8Array) => void>>();

  any(): boolean {
    return this.#byChannel.size > 0;
  }

  /** Notes a LISTEN / UNLISTEN a connection just ran. */
  track(item: QueuedMessage): void {
    const sql = statementOf(item.message);
    if (!sql || !/listen/i.test(sql)) return;
    for (const [, un, quoted, plain, all] of sql.matchAll(LISTEN)) {
      if (un && all) {
        this.drop(item.handlerId);
        continue;
      }
      const channel = quoted ?? plain?.toLowerCase();
      if (!channel) continue;
      if (un) {
        this.#byChannel.get(channel)?.delete(item.handlerId);
        if (this.#byChannel.get(channel)?.size === 0) this.#byChannel.delete(channel);
      } else {
        let handlers = this.#byChannel.get(channel);
        if (!handlers) {
          handlers = new Map();
          this.#byChannel.set(channel, handlers);
        }
        handlers.set(item.handlerId, item.onData);
      }
    }
  }

  drop(handlerId: number): void {
    for (const [channel, handlers] of this.#byChannel) {
      handlers.delete(handlerId);
      if (handlers.size === 0) this.#byChannel.delete(channel);
    }
  }

  /** Sends each NotificationResponse in `output` to the other connections listening on its channel. */
  forward(output: Uint8Array[], producer: number): void {
    if (output.length === 0 || !this.any()) return;
    const all = output.length === 1 ? output[0]! : Buffer.concat(output);
    const view = new DataView(all.buffer, all.byteOffset, all.byteLength);
    for (let at = 0; at + 5 <= all.length; ) {
      const length = view.getInt32(at + 1);
      const end = at + 1 + length;
      if (length < 4 || end > all.length) break;
      if (all[at] === NOTIFICATION) {
        const channelStart = at + 9;
        const channelEnd = all.indexOf(0, channelStart);
        const channel = text.decode(all.subarray(channelStart, channelEnd));
        const message = all.slice(at, end);
        for (const [handlerId, write] of this.#byChannel.get(channel) ?? []) {
          if (handlerId !== producer) write(message);
        }
      }
      at = end;
    }
  }
}
