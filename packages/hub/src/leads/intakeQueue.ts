import type { NormalizedLead, Reason } from "@forecourt/sdk";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Actor } from "../auth/roles.js";
import { idempotencyKeys, touchpoints } from "../db/schema.js";
import { type Tx, withTenant } from "../db/tenant.js";
import { lockOpenInboxRows, markInboxProcessed } from "../gateway/inbox.js";
import { backgroundOf, TrailingWork } from "../lib/background.js";
import {
  claimIdempotency,
  completeIdempotency,
  type IdempotencyClaim,
} from "../plugins/idempotency.js";
import { type HubServices, queueSharesSession } from "../services.js";
import { loadAssignmentSetup } from "./assignmentSetup.js";
import type { LeadContext } from "./context.js";
import { lockIntakeKeys, matchStoredIdentities } from "./identity.js";
import {
  createLeads,
  type FreshLead,
  type IntakeOutcome,
  intakeLead,
  type PreparedIntake,
  prepareIntake,
} from "./intake.js";
import { scheduleReminders } from "./reminders.js";
import type { LeadScope } from "./scope.js";

/** At most this many inquiries share one transaction. */
export const MAX_INTAKE_BATCH = 200;

/** One `POST /v1/leads`, validated and normalised, waiting for its turn. */
export interface IntakeRequest {
  lead: NormalizedLead;
  warnings: Reason[];
  actor: Actor;
  scope: LeadScope;
  requestId: string;
  log?: FastifyBaseLogger;
  /** The request's `Idempotency-Key`, claimed and completed in the lead's own transaction. */
  idempotency?: IdempotencyClaim | undefined;
  /**
   * The gateway's inbox row this inquiry comes from: locked in the lead's transaction and marked
   * processed with it, so a row is made into a lead once however often its job runs. A row found
   * finished already is answered `skipped`.
   */
  inboxId?: string | undefined;
}

/** What a request gets: its lead's outcome, or the stored answer to an earlier request. */
export type IntakeAnswer =
  | ({ kind: "stored" } & IntakeOutcome)
  | { kind: "replay"; statusCode: number; body: string }
  | { kind: "skipped" };

interface Waiting extends IntakeRequest {
  resolve(answer: IntakeAnswer): void;
  reject(error: unknown): void;
  /** Set when the inquiry was refused (bad store) before the batch's writes. */
  refused?: boolean;
}

/**
 * Group commit for lead intake. Every new lead of a tenant must take the tenant's assignment lock
 * (that is what keeps round-robin turns exact across processes), so leads of one tenant are
 * stored one transaction after another, and the transaction — not the work in it — sets the
 * pace. Here the inquiries that arrive while a tenant's transaction runs wait, and the next
 * transaction takes all of them (up to `MAX_INTAKE_BATCH`): their intake locks in one statement,
 * repeated inquiries and identity matches in one query each, one turn of the assignment lock,
 * every row in one statement, one commit. A lone inquiry starts at once, so an idle hub adds no
 * delay. The next transaction starts as soon as the one before holds the assignment lock (see
 * `#drain`), so its claims, locks, lookups and preparation overlap the other's writes and commit.
 * Each caller still gets exactly its own answer, after its lead is committed; the reminders of
 * its follow-up tasks are scheduled right after, in the background.
 *
 * The fast path is for new people. An inquiry that repeats a sender's id, belongs to an open lead
 * or shares a phone, email or sender id with an earlier inquiry of the same batch is taken after
 * the batch commits, by the one-at-a-time `intakeLead` (which then sees the batch's leads and
 * merges into them). If the batch's transaction fails, each of its inquiries is tried alone, so
 * one bad inquiry fails only its own request.
 */
export class IntakeQueue {
  readonly #services: HubServices;
  readonly #waiting = new Map<string, Waiting[]>();
  readonly #running = new Set<string>();
  /** By tenant, the reminders of its last batch still being queued. */
  readonly #reminding: TrailingWork;
  /** Whether two of a tenant's batches may run at once (see `#drain`). */
  readonly #batchesOverlap: boolean;
  /**
   * Transactions run, the largest batch, leads stored by the batch path, and batches started
   * while the one before was still writing (for tests, metrics).
   */
  readonly stats = { transactions: 0, largestBatch: 0, storedInBatches: 0, overlapped: 0 };

  constructor(services: HubServices) {
    this.#services = services;
    this.#reminding = new TrailingWork({ overlap: !queueSharesSession(services) });
    this.#batchesOverlap = services.database.mode !== "embedded";
  }

  /** Stores one inquiry; resolves once it is committed and its reminders are scheduled. */
  submit(request: IntakeRequest): Promise<IntakeAnswer> {
    const tenantId = request.actor.tenantId;
    return new Promise<IntakeAnswer>((resolve, reject) => {
      const list = this.#waiting.get(tenantId);
      const entry = { ...request, resolve, reject };
      if (list) list.push(entry);
      else this.#waiting.set(tenantId, [entry]);
      if (!this.#running.has(tenantId)) void this.#drain(tenantId);
    });
  }

  /**
   * Runs the tenant's batches. On a PostgreSQL server two run at a time at most, staggered: the
   * next batch starts once the one before holds the assignment lock (or has finished), so it
   * gathers its claims, locks and lookups and prepares its rows while the one before writes and
   * commits. The assignment lock still orders the batches' turns; a batch locks its intake keys
   * before it waits for that lock, and the batch before already holds all of its own, so the two
   * cannot deadlock. The embedded database has one session, on which a second transaction would
   * only wait its turn: there batches run one after another.
   */
  async #drain(tenantId: string): Promise<void> {
    this.#running.add(tenantId);
    /** The batch before, which may still be writing and committing. */
    let before: Promise<void> | undefined;
    try {
      for (;;) {
        const list = this.#waiting.get(tenantId);
        if (!list || list.length === 0) {
          if (before) {
            // Whatever arrives while it commits goes in the next batch.
            await before;
            before = undefined;
            continue;
          }
          this.#waiting.delete(tenantId);
          break;
        }
        const batch = list.splice(0, MAX_INTAKE_BATCH);
        if (before) this.stats.overlapped++;
        const reminders: Promise<void>[] = [];
        let signalLocked: () => void = () => {};
        const locked = new Promise<void>((resolve) => (signalLocked = resolve));
        const done = (async () => {
          try {
            await this.#run(tenantId, batch, reminders, signalLocked);
          } catch (error) {
            // Nothing may be left waiting for ever: whoever is not answered yet gets the error
            // (a promise settles once, so those answered keep their answer).
            for (const waiting of batch) waiting.reject(error);
          }
          // A queue slower than intake must slow intake down, not pile up work in memory. With
          // batches overlapping, a batch counts as done once its reminders are queued, and the
          // batch after next starts only then: at most two batches' reminders are on their way.
          // One after another, a batch's reminders may overlap the next transaction, no more —
          // except where a database-backed queue shares the embedded database's one session,
          // on which the two would only take turns (measured slower): there they are done
          // before the next batch begins.
          if (this.#batchesOverlap) await Promise.allSettled(reminders);
          else await this.#reminding.next(tenantId, Promise.allSettled(reminders));
        })();
        if (!this.#batchesOverlap) {
          await done;
          continue;
        }
        await Promise.race([locked, done]);
        // This batch holds the lock, so the one before has committed: no third runs beside them.
        if (before) await before;
        before = done;
      }
    } finally {
      this.#running.delete(tenantId);
    }
  }

  async #run(
    tenantId: string,
    batch: Waiting[],
    reminders: Promise<void>[],
    onLocked: () => void,
  ): Promise<void> {
    const now = new Date();
    const contextOf = (w: Waiting): Omit<LeadContext, "tx"> => ({
      actor: w.actor,
      scope: w.scope,
      crypto: this.#services.crypto,
      requestId: w.requestId,
      owner: this.#services,
      now,
    });
    let later: Waiting[] = [];
    let done: { waiting: Waiting; outcome: IntakeOutcome }[] = [];
    if (batch.length === 1) {
      later = batch;
    } else {
      try {
        const result = await withTenant(this.#services.db, tenantId, (tx) =>
          this.#fastPath(tx, tenantId, batch, contextOf, now, onLocked),
        );
        done = result.done;
        later = result.later;
        this.stats.transactions++;
        this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
        this.stats.storedInBatches += done.length;
      } catch {
        // Something in the batch failed the transaction: each inquiry is tried on its own, so
        // the error reaches only the request it belongs to. (Those refused before it keep
        // their refusal.)
        done = [];
        later = batch.filter((w) => !w.refused);
      }
    }
    if (done.length > 0) {
      for (const d of done) d.waiting.resolve({ kind: "stored", ...d.outcome });
      this.#remind(
        tenantId,
        done.flatMap((d) => d.outcome.remind),
        done[0]!.waiting,
        reminders,
      );
    }
    for (const waiting of later) {
      try {
        const outcome = await withTenant(this.#services.db, tenantId, async (tx) => {
          const [claim] = await this.#claim(tx, tenantId, [waiting]);
          if (!claim) return undefined;
          const stored = await intakeLead(
            { ...contextOf(waiting), tx, now: new Date() },
            waiting.lead,
            waiting.warnings,
            onLocked,
          );
          await this.#complete(tx, tenantId, [{ waiting, outcome: stored }]);
          return stored;
        });
        this.stats.transactions++;
        if (outcome) this.#answer(tenantId, waiting, outcome, reminders);
      } catch (error) {
        waiting.reject(error);
      }
    }
  }

  /**
   * Claims the requests' idempotency keys and locks their inbox rows; a request whose key was
   * used before is answered (the stored answer, or the refusal), one whose inbox row is finished
   * is answered `skipped`, and both are left out of what is returned.
   */
  async #claim(tx: Tx, tenantId: string, list: Waiting[]): Promise<Waiting[]> {
    const fromInbox = list.filter((w) => w.inboxId);
    if (fromInbox.length > 0) {
      const open = await lockOpenInboxRows(
        tx,
        tenantId,
        fromInbox.map((w) => w.inboxId!),
      );
      const finished = new Set(fromInbox.filter((w) => !open.has(w.inboxId!)));
      for (const waiting of finished) {
        waiting.refused = true;
        waiting.resolve({ kind: "skipped" });
      }
      if (finished.size > 0) list = list.filter((w) => !finished.has(w));
    }
    const keyed = list.filter((w) => w.idempotency);
    if (keyed.length === 0) return list;
    const outcomes = await claimIdempotency(
      tx,
      this.#services.crypto,
      tenantId,
      keyed.map((w) => w.idempotency!),
    );
    const answered = new Set<Waiting>();
    keyed.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.kind === "claimed") return;
      answered.add(waiting);
      waiting.refused = true;
      if (outcome.kind === "replay") waiting.resolve(outcome);
      else waiting.reject(outcome.error);
    });
    return list.filter((w) => !answered.has(w));
  }

  /**
   * Stores each keyed request's answer with its lead, and marks inbox rows processed, in the
   * same transaction.
   */
  async #complete(
    tx: Tx,
    tenantId: string,
    done: { waiting: Waiting; outcome: IntakeOutcome }[],
  ): Promise<void> {
    await markInboxProcessed(
      tx,
      tenantId,
      done.flatMap(({ waiting, outcome }) =>
        waiting.inboxId ? [{ inboxId: waiting.inboxId, leadId: outcome.body.leadId }] : [],
      ),
      new Date(),
    );
    await completeIdempotency(
      tx,
      this.#services.crypto,
      tenantId,
      done.flatMap(({ waiting, outcome }) =>
        waiting.idempotency
          ? [
              {
                claim: waiting.idempotency,
                statusCode: outcome.status,
                body: JSON.stringify(outcome.body),
              },
            ]
          : [],
      ),
    );
  }

  /** Stores the batch's new people; returns them answered and the rest for one at a time. */
  async #fastPath(
    tx: Tx,
    tenantId: string,
    batch: Waiting[],
    contextOf: (w: Waiting) => Omit<LeadContext, "tx">,
    now: Date,
    onLocked: () => void,
  ): Promise<{ done: { waiting: Waiting; outcome: IntakeOutcome }[]; later: Waiting[] }> {
    const setup = await loadAssignmentSetup(tx, this.#services, tenantId);
    const claimed = await this.#claim(tx, tenantId, batch);
    const later: Waiting[] = [];
    const candidates: { waiting: Waiting; c: Omit<LeadContext, "tx">; prepared: PreparedIntake }[] =
      [];
    const taken = new Set<string>();
    for (const waiting of claimed) {
      const c = contextOf(waiting);
      let prepared: PreparedIntake;
      try {
        prepared = prepareIntake(c, setup, waiting.lead, waiting.warnings);
      } catch (error) {
        waiting.refused = true;
        waiting.reject(error);
        continue;
      }
      // A second inquiry from the same person in one batch must see the first one's lead.
      if (prepared.keys.some((key) => taken.has(key))) {
        later.push(waiting);
        continue;
      }
      for (const key of prepared.keys) taken.add(key);
      candidates.push({ waiting, c, prepared });
    }
    await lockIntakeKeys(tx, tenantId, [...taken]);

    const repeated = await seenInquiries(
      tx,
      tenantId,
      candidates.flatMap(({ prepared: { lead } }) =>
        lead.externalId ? [{ source: lead.source, externalId: lead.externalId }] : [],
      ),
    );
    const unseen = candidates.filter(({ waiting, prepared: { lead } }) => {
      if (lead.externalId && repeated.has(inquiryKey(lead.source, lead.externalId))) {
        later.push(waiting);
        return false;
      }
      return true;
    });
    const matches = await matchStoredIdentities(
      tx,
      tenantId,
      unseen.map((u) => u.prepared),
      now,
    );
    const fresh: (FreshLead & { waiting: Waiting })[] = [];
    unseen.forEach((u, i) => {
      const match = matches[i]!;
      if (match.decision === "merge" && match.into.kind === "lead") later.push(u.waiting);
      else fresh.push({ ...u, match });
    });
    const outcomes = await createLeads(tx, setup, fresh, onLocked);
    const done = fresh.map((f, i) => ({ waiting: f.waiting, outcome: outcomes[i]! }));
    await this.#complete(tx, tenantId, done);
    // The keys of those taken one at a time are claimed again in their own transactions.
    if (later.some((w) => w.idempotency)) await releaseClaims(tx, tenantId, later);
    return { done, later };
  }

  #answer(
    tenantId: string,
    waiting: Waiting,
    outcome: IntakeOutcome,
    reminders: Promise<void>[],
  ): void {
    waiting.resolve({ kind: "stored", ...outcome });
    this.#remind(tenantId, outcome.remind, waiting, reminders);
  }

  /**
   * Schedules the reminders of committed leads after their callers are answered, without holding
   * up the tenant's next transaction (on the database-backed queue adding them costs as much as a
   * write); adds the scheduling to `reminders`, which the tenant's batch after next waits for.
   * The hub waits for them before closing; a stop that cuts them off is made good at the next
   * start (`rescheduleFollowUpReminders`).
   */
  #remind(
    tenantId: string,
    tasks: IntakeOutcome["remind"],
    waiting: Waiting,
    reminders: Promise<void>[],
  ): void {
    if (!tasks.some(Boolean)) return;
    const scheduled = scheduleReminders(this.#services.queue, tenantId, tasks, waiting.log);
    backgroundOf(this.#services).add(scheduled);
    reminders.push(scheduled);
  }
}

const inquiryKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/** Which of these sender inquiries are already stored as touchpoints (one index probe each). */
async function seenInquiries(
  tx: Tx,
  tenantId: string,
  inquiries: { source: string; externalId: string }[],
): Promise<Set<string>> {
  if (inquiries.length === 0) return new Set();
  const rows = await tx
    .select({ source: touchpoints.source, externalId: touchpoints.externalId })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.tenantId, tenantId),
        inArray(touchpoints.source, [...new Set(inquiries.map((i) => i.source))]),
        inArray(
          touchpoints.externalId,
          inquiries.map((i) => i.externalId),
        ),
      ),
    );
  return new Set(rows.map((r) => inquiryKey(r.source, r.externalId ?? "")));
}

/** Gives back the keys claimed for requests that will be run (and claim again) on their own. */
async function releaseClaims(tx: Tx, tenantId: string, list: Waiting[]): Promise<void> {
  const claims = list.flatMap((w) => (w.idempotency ? [w.idempotency] : []));
  await tx.delete(idempotencyKeys).where(
    and(
      eq(idempotencyKeys.tenantId, tenantId),
      inArray(idempotencyKeys.apiKeyId, [...new Set(claims.map((c) => c.apiKeyId))]),
      inArray(
        idempotencyKeys.key,
        claims.map((c) => c.key),
      ),
      isNull(idempotencyKeys.completedAt),
    ),
  );
}

const queues = new WeakMap<HubServices, IntakeQueue>();

/** The hub's intake queue (one per hub, made on first use). */
export function intakeQueueOf(services: HubServices): IntakeQueue {
  let queue = queues.get(services);
  if (!queue) {
    queue = new IntakeQueue(services);
    queues.set(services, queue);
  }
  return queue;
}
