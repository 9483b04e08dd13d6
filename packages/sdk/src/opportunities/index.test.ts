import { describe, expect, expectTypeOf, it } from "vitest";
import type { Money } from "../primitives/money.js";
import type {
  ActivityInput,
  Opportunity,
  OpportunityActivity,
  OpportunityForecast,
  OpportunityFunnel,
  OpportunityInput,
  OpportunityStage,
  StaleOpportunitiesResult,
} from "./index.js";
import * as opportunities from "./index.js";

describe("the opportunities API", () => {
  it("exports the functions and constants callers use, and no test helpers", () => {
    for (const name of [
      "createOpportunity",
      "changeStage",
      "canChangeStage",
      "reopenOpportunity",
      "transferOpportunity",
      "recordActivity",
      "funnel",
      "forecast",
      "findStaleOpportunities",
      "OPPORTUNITY_TRANSITIONS",
      "DEFAULT_STAGE_PROBABILITIES",
      "DEFAULT_STALE_AFTER_DAYS",
      "opportunitySchema",
      "opportunityInputSchema",
      "activitySchema",
      "activityInputSchema",
    ]) {
      expect(opportunities, name).toHaveProperty(name);
    }
    expect(opportunities).not.toHaveProperty("makeOpportunity");
    expect(opportunities).not.toHaveProperty("parseStoredInstant");
  });

  it("has the types the docs promise", () => {
    expectTypeOf(opportunities.changeStage).parameter(1).toEqualTypeOf<OpportunityStage>();
    expectTypeOf(opportunities.changeStage).returns.toEqualTypeOf<Opportunity>();
    expectTypeOf(opportunities.transferOpportunity).returns.toEqualTypeOf<Opportunity>();
    expectTypeOf(opportunities.createOpportunity).parameter(0).toEqualTypeOf<OpportunityInput>();
    expectTypeOf(opportunities.recordActivity).parameter(1).toEqualTypeOf<ActivityInput>();
    expectTypeOf(opportunities.recordActivity)
      .returns.toHaveProperty("activity")
      .toEqualTypeOf<OpportunityActivity>();
    expectTypeOf(opportunities.funnel).returns.toEqualTypeOf<OpportunityFunnel>();
    expectTypeOf(opportunities.forecast).returns.toEqualTypeOf<OpportunityForecast>();
    expectTypeOf<OpportunityForecast["point"]>().toEqualTypeOf<Money>();
    expectTypeOf(
      opportunities.findStaleOpportunities,
    ).returns.toEqualTypeOf<StaleOpportunitiesResult>();
    expectTypeOf<Opportunity["stage"]>().toEqualTypeOf<OpportunityStage>();
    expectTypeOf<OpportunityActivity["type"]>().toEqualTypeOf<
      "call" | "visit" | "message" | "test_drive" | "quote" | "note"
    >();
  });
});
