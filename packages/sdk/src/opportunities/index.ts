export * from "./activities.js";
export type {
  OpportunityAnalyticsOnInvalid,
  SkippedOpportunityRow,
  SkippedOpportunityRows,
} from "./bad-rows.js";
export { DEFAULT_ON_INVALID as DEFAULT_ANALYTICS_ON_INVALID } from "./bad-rows.js";
export * from "./create.js";
export * from "./forecast.js";
export * from "./funnel.js";
export * from "./schema.js";
export * from "./stages.js";
export * from "./stale.js";
export * from "./transfer.js";
