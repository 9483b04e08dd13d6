/**
 * Work a hub starts after it has answered the caller — the jobs of rows already committed — kept
 * track of so that closing waits for it instead of cutting it off. The work must handle its own
 * errors (it has nobody left to report them to but the log); one that rejects anyway is dropped
 * from the set all the same. What a stop interrupts is recovered at the next start (the inbox
 * reconciler, the rescheduling of follow-up reminders).
 */
export class BackgroundWork {
  readonly #pending = new Set<Promise<unknown>>();

  /** Keeps track of `work` until it settles. */
  add(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(tracked);
    void tracked.then(() => this.#pending.delete(tracked));
  }

  /** How much is still running. */
  get size(): number {
    return this.#pending.size;
  }

  /** Resolves once everything added — including what is added meanwhile — has settled. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }
}

const owners = new WeakMap<object, BackgroundWork>();

/** The background work of `owner` (a hub's services), made on first use. */
export function backgroundOf(owner: object): BackgroundWork {
  let work = owners.get(owner);
  if (!work) {
    work = new BackgroundWork();
    owners.set(owner, work);
  }
  return work;
}

/**
 * Work a step of some key (a tenant's batch) leaves running after its callers are answered —
 * queueing its jobs — allowed to overlap that key's next step, and no more: the step after next
 * waits for it. A queue slower than the steps then slows the steps down instead of piling up work
 * in memory. With `overlap: false` each step's work is done before the key's next step begins
 * (for work that would only take turns with the step, as on one shared database session).
 */
export class TrailingWork {
  readonly #overlap: boolean;
  /** By key, the work of its last step, settled or not. */
  readonly #last = new Map<string, Promise<void>>();

  constructor(options: { overlap: boolean }) {
    this.#overlap = options.overlap;
  }

  /**
   * Records `work`, the background work of the step of `key` just finished, and resolves when
   * the key's next step may begin. `work` never makes this reject: it reports its own errors.
   */
  async next(key: string, work: Promise<unknown>): Promise<void> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    const before = this.#last.get(key);
    this.#last.set(key, settled);
    void settled.then(() => {
      if (this.#last.get(key) === settled) this.#last.delete(key);
    });
    await (this.#overlap ? before : settled);
  }

  /** Keys with work still running (for tests). */
  get size(): number {
    return this.#last.size;
  }
}
