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
