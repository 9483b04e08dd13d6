import type { Reason } from "../leads/schema.js";
import { formatMoneyDecimal, type Money } from "../primitives/money.js";
import type { OpportunityForecast } from "./forecast-options.js";

function show(m: Money): string {
  return `${formatMoneyDecimal(m)} ${m.currency}`;
}

function deals(n: number): string {
  return `${n} ${n === 1 ? "deal" : "deals"}`;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** The forecast explained in sentences a sales manager can check, one reason per step. */
export function describeForecast(f: OpportunityForecast, zScore: number, sigma: number): Reason[] {
  const reasons: Reason[] = [];
  reasons.push({
    code: "pipeline",
    message: `${f.opportunities} open ${f.opportunities === 1 ? "opportunity is" : "opportunities are"} expected to close between ${f.periodStart} and ${f.periodEnd}, worth ${show(f.pipelineValue)} before weighting`,
  });

  const bySource = { configured: [] as string[], history: [] as string[], default: [] as string[] };
  for (const p of f.stageProbabilities) {
    bySource[p.source].push(`${p.stage} ${percent(p.probability)}`);
  }
  if (bySource.history.length > 0) {
    reasons.push({
      code: "historical_win_rates",
      message: `weighted by the historical win rate of deals that reached each stage: ${bySource.history.join(", ")}`,
    });
  }
  if (bySource.configured.length > 0) {
    reasons.push({
      code: "configured_probabilities",
      message: `weighted by configured probabilities: ${bySource.configured.join(", ")}`,
    });
  }
  if (bySource.default.length > 0) {
    reasons.push({
      code: "default_probabilities",
      message: `weighted by default stage probabilities (too little history): ${bySource.default.join(", ")}`,
    });
  }
  if (f.overridden > 0) {
    reasons.push({
      code: "overrides",
      message: `${deals(f.overridden)} weighted by the salesperson's own probability instead of the stage's`,
    });
  }

  if (f.history) {
    const rate = f.history.winRate === null ? "no closed deals" : percent(f.history.winRate);
    const cycle =
      f.history.medianCycleDays === null
        ? "no won deals to time"
        : `won deals took a median of ${f.history.medianCycleDays} days from opening to close`;
    reasons.push({
      code: "history",
      message: `history: ${f.history.closed} closed deals, win rate ${rate}; ${cycle}`,
    });
  }
  if (f.slipped.count > 0) {
    reasons.push(
      f.slipped.counted
        ? {
            code: "slipped_weighted",
            message: `${deals(f.slipped.count)} whose expected close date already passed count with their chance of closing in the period, from the cycle times of won deals (${show(f.slipped.expectedValue)} expected)`,
          }
        : {
            code: "slipped_not_counted",
            message: `${deals(f.slipped.count)} whose expected close date already passed are not counted: update their dates, or pass enough history to estimate them from cycle times`,
          },
    );
  }

  reasons.push({
    code: "range",
    message: `range ${show(f.low)} – ${show(f.high)} at ${percent(f.confidence)}: point ± ${zScore}·σ, σ = ${Math.round(sigma)} minor units from the Bernoulli variance Σ value²·p(1−p) of independent deals`,
  });
  for (const other of f.otherCurrencies) {
    reasons.push({
      code: "other_currency",
      message: `${deals(other.count)} in ${other.currency} are not in this ${f.currency} forecast`,
    });
  }
  if (f.skipped.count > 0) {
    reasons.push({
      code: "skipped_rows",
      message: `${f.skipped.count} rows were skipped as invalid (see skipped.examples)`,
    });
  }
  return reasons;
}
