import { z } from "zod";
import { ValidationError } from "../errors.js";
import { OPPORTUNITY_STAGES, type OpportunityStage } from "./schema.js";

/*
 * The analytics (funnel, forecast, stale search) read stored opportunities — records that were
 * validated when they were written. Running the zod schema over a million of them would take
 * seconds, so they are not re-validated; only the options are. Each row still gets cheap guards
 * for what would silently corrupt the figures (an unknown stage, a non-integer amount, an
 * unreadable timestamp, a history out of order). By default a bad row is skipped and counted in
 * the result's `skipped` (with the first few examples); `onInvalid: "throw"` raises a
 * `ValidationError` naming the row's index instead.
 */

export const onInvalidSchema = z.enum(["skip", "throw"]);
export type OpportunityAnalyticsOnInvalid = z.infer<typeof onInvalidSchema>;

/** What the analytics do with a row that fails the guards, unless told otherwise. */
export const DEFAULT_ON_INVALID: OpportunityAnalyticsOnInvalid = "skip";

/** How many skipped rows are described in a result. */
export const SKIPPED_EXAMPLES_LIMIT = 10;

export interface SkippedOpportunityRow {
  /** Dotted path of the problem: `opportunities.1234.stageHistory.2.enteredAt`. */
  path: string;
  message: string;
}

export interface SkippedOpportunityRows {
  count: number;
  /** The first few problems (at most `SKIPPED_EXAMPLES_LIMIT`). */
  examples: SkippedOpportunityRow[];
}

/** Collects bad rows during one pass, or throws at the first one in `"throw"` mode. */
export class BadRowCollector {
  readonly skipped: SkippedOpportunityRows = { count: 0, examples: [] };

  constructor(
    private readonly mode: OpportunityAnalyticsOnInvalid,
    private readonly what: string,
  ) {}

  reject(list: string, index: number, field: string, message: string): void {
    const path = field ? `${list}.${index}.${field}` : `${list}.${index}`;
    if (this.mode === "throw") {
      throw new ValidationError(`Invalid ${this.what}: ${path}: ${message}`, [{ path, message }]);
    }
    this.skipped.count++;
    if (this.skipped.examples.length < SKIPPED_EXAMPLES_LIMIT) {
      this.skipped.examples.push({ path, message });
    }
  }
}

const WON = OPPORTUNITY_STAGES.indexOf("won");
const LOST = OPPORTUNITY_STAGES.indexOf("lost");

export { LOST as LOST_INDEX, WON as WON_INDEX };
/** Number of open stages (they take indices 0 … OPEN_STAGE_COUNT − 1). */
export const OPEN_STAGE_COUNT = WON;
export const STAGE_COUNT = OPPORTUNITY_STAGES.length;

/**
 * The index of a stage in `OPPORTUNITY_STAGES`, or -1 for anything else. The stage names all
 * differ in length, so one switch and one comparison decide — several times faster than a
 * dictionary lookup, which matters at millions of history entries.
 */
export function stageIndexOf(stage: unknown): number {
  if (typeof stage !== "string") return -1;
  switch (stage.length) {
    case 15:
      return stage === "initial_contact" ? 0 : -1;
    case 14:
      return stage === "needs_analysis" ? 1 : -1;
    case 20:
      return stage === "product_presentation" ? 2 : -1;
    case 10:
      return stage === "test_drive" ? 3 : -1;
    case 5:
      return stage === "quote" ? 4 : -1;
    case 11:
      return stage === "negotiation" ? 5 : -1;
    case 3:
      return stage === "won" ? 6 : -1;
    case 4:
      return stage === "lost" ? 7 : -1;
    default:
      return -1;
  }
}

export function stageAt(index: number): OpportunityStage {
  return OPPORTUNITY_STAGES[index]!;
}

/** A non-negative safe integer amount of minor units, as stored money must be. */
export function isStoredAmount(amount: unknown): amount is number {
  return typeof amount === "number" && Number.isSafeInteger(amount) && amount >= 0;
}

/** Currency codes are short: anything else is not a stored currency. */
export function isStoredCurrency(currency: unknown): currency is string {
  return typeof currency === "string" && currency.length === 3;
}
