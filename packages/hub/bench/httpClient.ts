/**
 * A lean HTTP/1.1 client for the load generators: each request is written as one buffer on a
 * keep-alive socket and its answer read with just enough parsing to time it (status line,
 * `Content-Length` or chunked framing, `Connection: close`). A generator that spends less of the
 * machine's two cores leaves more to the server it measures; undici's pool took about as much CPU
 * per request as the bare route's server did. No pipelining: one request at a time per socket.
 * Loopback only, as everything in the benchmarks.
 */
import { connect, type Socket } from "node:net";

export interface LeanRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LeanResponse {
  status: number;
}

interface Pending {
  bytes: Buffer;
  /** When it was handed to the pool (`performance.now()`), for the timeout. */
  since: number;
  resolve(response: LeanResponse): void;
  reject(error: Error): void;
}

/** The request as it goes on the wire. */
export function serializeRequest(host: string, request: LeanRequest): Buffer {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  let head = `${request.method} ${request.path} HTTP/1.1\r\nhost: ${host}\r\n`;
  for (const [name, value] of Object.entries(request.headers)) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new Error(`bad header ${name}`);
    const lower = name.toLowerCase();
    if (lower === "host" || lower === "content-length" || lower === "connection") continue;
    head += `${name}: ${value}\r\n`;
  }
  head += `content-length: ${body?.length ?? 0}\r\n\r\n`;
  return body ? Buffer.concat([Buffer.from(head, "latin1"), body]) : Buffer.from(head, "latin1");
}

const HEAD_END = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** One keep-alive connection reading one answer at a time. */
class Connection {
  readonly socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #current: Pending | undefined;
  /** Body bytes still to come (Content-Length framing), or -1 while reading chunks. */
  #remaining = 0;
  #status = 0;
  #close = false;
  #inBody = false;
  closed = false;

  constructor(
    port: number,
    private readonly onIdle: (connection: Connection) => void,
    private readonly onGone: (connection: Connection) => void,
  ) {
    this.socket = connect({ host: "127.0.0.1", port, noDelay: true });
    this.socket.on("data", (chunk) => this.#read(chunk));
    const gone = (error?: Error) => {
      if (this.closed) return;
      this.closed = true;
      const current = this.#current;
      this.#current = undefined;
      if (current) {
        current.reject(error ?? new Error("connection closed before the answer ended"));
      }
      this.onGone(this);
    };
    this.socket.on("error", (error) => gone(error));
    this.socket.on("close", () => gone());
  }

  send(pending: Pending): void {
    this.#current = pending;
    this.#inBody = false;
    this.#close = false;
    this.socket.write(pending.bytes);
  }

  /** The request this connection is answering, if any. */
  get current(): Pending | undefined {
    return this.#current;
  }

  destroy(): void {
    this.socket.destroy();
  }

  #read(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      if (!this.#current) {
        // Bytes nobody asked for: the server broke the framing.
        if (this.#buffer.length > 0) this.socket.destroy(new Error("unexpected bytes from server"));
        return;
      }
      if (!this.#inBody) {
        const end = this.#buffer.indexOf(HEAD_END);
        if (end < 0) return;
        const head = this.#buffer.toString("latin1", 0, end);
        this.#buffer = this.#buffer.subarray(end + 4);
        const status = Number(head.slice(9, 12));
        if (!head.startsWith("HTTP/1.1 ") || !(status >= 100 && status < 600)) {
          this.socket.destroy(new Error(`malformed status line: ${head.slice(0, 40)}`));
          return;
        }
        this.#status = status;
        const lower = head.toLowerCase();
        this.#close = /\r\nconnection:\s*close/.test(lower);
        const length = /\r\ncontent-length:\s*(\d+)/.exec(lower);
        if (/\r\ntransfer-encoding:\s*chunked/.test(lower)) this.#remaining = -1;
        else if (length) this.#remaining = Number(length[1]);
        else if (status === 204 || status === 304) this.#remaining = 0;
        else {
          this.socket.destroy(new Error("an answer without Content-Length or chunked framing"));
          return;
        }
        this.#inBody = true;
      }
      if (this.#remaining >= 0) {
        if (this.#buffer.length < this.#remaining) return;
        this.#buffer = this.#buffer.subarray(this.#remaining);
      } else if (!this.#skipChunks()) return;
      this.#finish();
    }
  }

  /** Consumes whole chunks; true once the last one (and its trailers) is in. */
  #skipChunks(): boolean {
    for (;;) {
      const line = this.#buffer.indexOf(CRLF);
      if (line < 0) return false;
      const size = Number.parseInt(this.#buffer.toString("latin1", 0, line), 16);
      if (Number.isNaN(size)) {
        this.socket.destroy(new Error("malformed chunk size"));
        return false;
      }
      if (size === 0) {
        const end = this.#buffer.indexOf(HEAD_END, line);
        // "0\r\n\r\n" (no trailers): the size line's CRLF is the first half of the end.
        const last = end === line ? line + 4 : end < 0 ? -1 : end + 4;
        if (last < 0) return false;
        this.#buffer = this.#buffer.subarray(last);
        return true;
      }
      if (this.#buffer.length < line + 2 + size + 2) return false;
      this.#buffer = this.#buffer.subarray(line + 2 + size + 2);
    }
  }

  #finish(): void {
    const current = this.#current!;
    this.#current = undefined;
    this.#inBody = false;
    current.resolve({ status: this.#status });
    if (this.#close) this.socket.destroy();
    else this.onIdle(this);
  }
}

/** Up to `connections` keep-alive sockets to one loopback server; requests wait for a free one. */
export class LeanPool {
  readonly #port: number;
  readonly #host: string;
  readonly #max: number;
  readonly #timeoutMs: number;
  readonly #idle: Connection[] = [];
  readonly #all = new Set<Connection>();
  readonly #queue: Pending[] = [];
  #sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(url: string, options: { connections: number; timeoutMs: number }) {
    const parsed = /^http:\/\/127\.0\.0\.1:(\d+)$/.exec(url);
    if (!parsed) throw new Error(`refusing to load anything but loopback: ${url}`);
    this.#port = Number(parsed[1]);
    this.#host = `127.0.0.1:${parsed[1]}`;
    this.#max = options.connections;
    this.#timeoutMs = options.timeoutMs;
  }

  /** Sends `request`; resolves with its status once the whole answer has been read. */
  request(request: LeanRequest): Promise<LeanResponse> {
    const bytes = serializeRequest(this.#host, request);
    return new Promise((resolve, reject) => {
      this.#queue.push({ bytes, since: performance.now(), resolve, reject });
      this.#pump();
      if (!this.#sweeper) {
        // One timer for all requests rather than one each; the requests hold the process open.
        this.#sweeper = setInterval(() => this.#sweep(), Math.min(250, this.#timeoutMs / 4));
        this.#sweeper.unref();
      }
    });
  }

  /**
   * Refuses requests unanswered `timeoutMs` after their hand-off to the pool (the caller times
   * from the due time): a queued one is dropped, a sent one's socket closed.
   */
  #sweep(): void {
    const before = performance.now() - this.#timeoutMs;
    const late = () => Object.assign(new Error("no answer in time"), { code: "TIMEOUT" });
    while (this.#queue.length > 0 && this.#queue[0]!.since <= before)
      this.#queue.shift()!.reject(late());
    for (const connection of this.#all) {
      const current = connection.current;
      if (current && current.since <= before) {
        current.reject(late());
        connection.destroy();
      }
    }
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      const connection = this.#idle.pop() ?? this.#open();
      if (!connection) return;
      connection.send(this.#queue.shift()!);
    }
  }

  #open(): Connection | undefined {
    if (this.#all.size >= this.#max) return undefined;
    const connection = new Connection(
      this.#port,
      (c) => {
        this.#idle.push(c);
        this.#pump();
      },
      (c) => {
        this.#all.delete(c);
        const at = this.#idle.indexOf(c);
        if (at >= 0) this.#idle.splice(at, 1);
        this.#pump();
      },
    );
    this.#all.add(connection);
    return connection;
  }

  /**
   * Opens every socket the pool may use and resolves once they are connected, so a run does not
   * begin with a burst of connection setups (hundreds in its first tenth of a second) that no
   * steady stream of senders would make.
   */
  async warm(): Promise<void> {
    const opening: Promise<void>[] = [];
    while (this.#all.size < this.#max) {
      const connection = this.#open()!;
      opening.push(
        new Promise((resolve, reject) => {
          connection.socket.once("connect", () => resolve());
          connection.socket.once("error", reject);
        }),
      );
      this.#idle.push(connection);
    }
    await Promise.all(opening);
  }

  /** Closes every socket; requests still waiting are refused. */
  close(): void {
    clearInterval(this.#sweeper);
    this.#sweeper = undefined;
    for (const pending of this.#queue.splice(0)) pending.reject(new Error("pool closed"));
    for (const connection of this.#all) connection.destroy();
  }
}
