import { createHash } from "node:crypto";
import type { SourceEvent } from "@forecourt/connectors";
import { ulid } from "@forecourt/sdk";
import { and, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type pg from "pg";
import { bulkInsert } from "../db/bulk.js";
import type { Db } from "../db/database.js";
import { connections, inbox } from "../db/schema.js";
import { atOnceInTenant, type Tx } from "../db/tenant.js";
import type { JobQueue } from "../jobs/queue.js";

/**
 * The inbox: every event a connection receives or pulls, stored before the sender is answered,
 * unique on (connection, event key) so a redelivery finds its row and adds nothing.
 */

export type InboxRow = typeof inbox.$inferSelect;
export const newInboxId = () => `inb_${ulid()}`;

/** Headers never stored: credentials a sender may put there. */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-forecourt-key|.*(token|secret|password|key|signature).*)$/i;

export function storableHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SECRET_HEADER.test(name)) continue;
    kept[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return kept;
}

export interface InboxWrite {
  eventKey: string;
  event: SourceEvent | null;
  status: "received" | "dead" | "ignored_test";
  lastError?: string;
  errorCode?: string;
}

export interface InboxRequest {
  tenantId: string;
  connectionId: string;
  origin: InboxRow["origin"];
  rawBody: Buffer;
  headers: Record<string, string>;
  contentType: string | null;
  receivedAt: Date;
}

/** The key for a body that could not be read: its digest, so the same bytes are one dead letter. */
export const deadKey = (rawBody: Uint8Array) =>
  `unreadable:sha256:${createHash("sha256").update(rawBody).digest("hex")}`;

export interface StoredEntry {
  id: string;
  tenantId: string;
  status: InboxWrite["status"];
  /** False when the row was there already (a redelivery). */
  created: boolean;
}

/**
 * Writes one row per event in the caller's transaction; an event already there is left as it
 * is. Returns every event's row, new or old.
 */
export async function writeInbox(
  tx: Tx,
  request: InboxRequest,
  writes: InboxWrite[],
  rawBodyOf?: (write: InboxWrite) => Buffer,
): Promise<StoredEntry[]> {
  const [stored] = await writeInboxMany(tx, [{ request, writes, rawBodyOf }]);
  return stored!;
}

/**
 * `writeInbox` for several requests in one INSERT. The same event twice (two deliveries in one
 * batch) is stored once: the first is created, the second is the redelivery.
 */
export async function writeInboxMany(tx: Tx, batch: InboxBatch): Promise<StoredEntry[][]> {
  return insertInbox(
    batch,
    false,
    async (statement) => (await tx.execute<{ id: string }>(statement)).rows,
  );
}

/**
 * `writeInboxMany` as its own transaction in one round trip (`atOnceInTenant`): the tenant's
 * settings and the INSERT in one message, committed when PostgreSQL answers. The webhook
 * endpoint's group commit writes this way.
 */
export async function writeInboxAtOnce(
  database: { pool: pg.Pool },
  tenantId: string,
  batch: InboxBatch,
): Promise<StoredEntry[][]> {
  return insertInbox(batch, true, (statement) =>
    atOnceInTenant<{ id: string }>(database, tenantId, statement),
  );
}

export type InboxBatch = {
  request: InboxRequest;
  writes: InboxWrite[];
  rawBodyOf?: ((write: InboxWrite) => Buffer) | undefined;
}[];

async function insertInbox(
  batch: InboxBatch,
  inline: boolean,
  run: (statement: SQL) => Promise<{ id: string }[]>,
): Promise<StoredEntry[][]> {
  const perRequest = batch.map(({ request, writes, rawBodyOf }) =>
    writes.map((w) => ({
      id: newInboxId(),
      tenantId: request.tenantId,
      connectionId: request.connectionId,
      eventKey: w.eventKey,
      origin: request.origin,
      status: w.status,
      rawBody: rawBodyOf ? rawBodyOf(w) : request.rawBody,
      headers: request.headers,
      contentType: request.contentType,
      event: w.event as unknown as Record<string, unknown> | null,
      receivedAt: request.receivedAt,
      lastError: w.lastError ?? null,
      errorCode: w.errorCode ?? null,
      processedAt: w.status === "received" ? null : request.receivedAt,
    })),
  );
  const rows = perRequest.flat();
  if (rows.length === 0) return perRequest.map(() => []);
  // In key order, so two batches written at once that share events take their locks in the same
  // order and never wait on each other in a cycle.
  const ordered = [...rows].sort((x, y) =>
    x.connectionId === y.connectionId
      ? compareText(x.eventKey, y.eventKey)
      : compareText(x.connectionId, y.connectionId),
  );
  // The rows as one JSON value (bound, or inlined for a one-message write): building a bound
  // parameter per value cost more of the hub's time than the database's work on a batch.
  const inserted = await run(
    sql`${bulkInsert(inbox, ordered, { inline })} ON CONFLICT (${sql.identifier(inbox.connectionId.name)}, ${sql.identifier(inbox.eventKey.name)}) DO NOTHING RETURNING ${sql.identifier(inbox.id.name)}`,
  );
  const created = new Set(inserted.map((r) => r.id));
  return perRequest.map((list) =>
    list.map((r) =>
      created.has(r.id)
        ? { id: r.id, tenantId: r.tenantId, status: r.status, created: true }
        : { id: "", tenantId: r.tenantId, status: r.status, created: false },
    ),
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Statuses after which a row is not processed again (except by a replay, which resets it). */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(["processed", "dead", "ignored_test"]);

/**
 * Locks these rows (in id order, so two workers never wait on each other in a cycle) and returns
 * the ids of those still to process. A row another run finished meanwhile is left out.
 */
export async function lockOpenInboxRows(
  tx: Tx,
  tenantId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: inbox.id, status: inbox.status })
    .from(inbox)
    .where(and(eq(inbox.tenantId, tenantId), inArray(inbox.id, ids)))
    .orderBy(inbox.id)
    .for("update");
  return new Set(rows.filter((r) => !FINAL_STATUSES.has(r.status)).map((r) => r.id));
}

/** Marks rows processed, each with the lead it became, in the caller's transaction. */
export async function markInboxProcessed(
  tx: Tx,
  tenantId: string,
  done: { inboxId: string; leadId: string }[],
  now: Date,
): Promise<void> {
  if (done.length === 0) return;
  const pairs = JSON.stringify(done.map((d) => ({ id: d.inboxId, lead_id: d.leadId })));
  await tx.execute(sql`
    UPDATE ${inbox} SET status = 'processed', lead_id = v.lead_id, processed_at = ${now},
      last_error = NULL, error_code = NULL, next_attempt_at = NULL, updated_at = ${now}
    FROM jsonb_to_recordset(${pairs}::jsonb) AS v(id text, lead_id text)
    WHERE ${inbox.tenantId} = ${tenantId} AND ${inbox.id} = v.id`);
}

/** The job id of a row's next run: the inbox id, then `-r<run>` after replays, `-a<n>` on retries. */
export function jobIdOf(row: Pick<InboxRow, "id" | "run" | "attempts">): string {
  return `${row.id}${row.run > 0 ? `-r${row.run}` : ""}${row.attempts > 0 ? `-a${row.attempts}` : ""}`;
}

/**
 * Adds the rows' `gateway.process` jobs at the head of the leads lane, ahead of the relays still
 * waiting, so a backlog's first leads are made at once rather than after all of its relays have
 * run (229,000–234,000 rows waiting: the first lead 1.3 s after the workers started, not 13.2 s).
 * Each is added in front of the one after it, so rows added together are still taken in order.
 */
export async function enqueueProcessing(
  queue: JobQueue,
  entries: { id: string; tenantId: string; run?: number; attempts?: number }[],
  delayMs = 0,
): Promise<void> {
  await queue.enqueueMany(
    [...entries].reverse().map((entry) => ({
      name: "gateway.process" as const,
      data: { tenantId: entry.tenantId, inboxId: entry.id },
      options: {
        jobId: jobIdOf({ id: entry.id, run: entry.run ?? 0, attempts: entry.attempts ?? 0 }),
        ...(delayMs > 0 && { delayMs }),
        first: true,
      },
    })),
  );
}

/**
 * One `gateway.relay` job for rows of one tenant committed together; the worker that runs it adds
 * their `gateway.process` jobs (`relayProcessing`). Nothing is added for no rows.
 */
export async function enqueueRelay(
  queue: JobQueue,
  tenantId: string,
  entries: { id: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  await queue.enqueue("gateway.relay", { tenantId, inboxIds: entries.map((entry) => entry.id) });
}

/** The `gateway.relay` job: each row's `gateway.process` job, added in one call. */
export async function relayProcessing(
  queue: JobQueue,
  data: { tenantId: string; inboxIds: string[] },
): Promise<void> {
  await enqueueProcessing(
    queue,
    data.inboxIds.map((id) => ({ id, tenantId: data.tenantId })),
  );
}

/**
 * Rows acknowledged but never processed — the process stopped between the commit and the enqueue,
 * or the queue lost the job — go back on the queue. Rows of connections that are not active wait
 * (they run when the connection is re-enabled); rows with a retry pending keep their delayed job.
 * Adding a job whose id exists is a no-op, so running this while the job waits is harmless.
 */
export async function reconcileInbox(
  db: Db,
  queue: JobQueue,
  options: { olderThanMs?: number; limit?: number } = {},
): Promise<number> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 10_000));
  const limit = options.limit ?? 5_000;
  // Across tenants: this runs as the tables' owner, outside any tenant's policy.
  const rows = await db
    .select({
      id: inbox.id,
      tenantId: inbox.tenantId,
      run: inbox.run,
      attempts: inbox.attempts,
    })
    .from(inbox)
    .innerJoin(connections, eq(connections.id, inbox.connectionId))
    .where(
      and(
        inArray(inbox.status, ["received", "processing"]),
        eq(connections.status, "active"),
        lt(inbox.updatedAt, cutoff),
        or(isNull(inbox.nextAttemptAt), lt(inbox.nextAttemptAt, sql`now() - interval '1 minute'`)),
      ),
    )
    .orderBy(inbox.id)
    .limit(limit);
  await enqueueProcessing(queue, rows);
  return rows.length;
}
