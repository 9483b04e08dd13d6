export * from "./assignment.js";
export {
  type AssignableLead,
  assignmentLeadSchema,
} from "./assignmentChecks.js";
export {
  type AssignableSalesperson,
  type AssignmentConfig,
  type AssignmentRule,
  assignableSalespersonSchema,
  assignmentConditionsSchema,
  assignmentConfigSchema,
  assignmentRuleSchema,
  assignmentStoreSchema,
  type CompiledAssignmentRules,
  compileAssignmentRules,
} from "./assignmentRules.js";
export {
  addBusinessMinutes,
  type BusinessCalendar,
  compileBusinessCalendar,
  type ScheduleStore,
  scheduleStoreSchema,
} from "./businessCalendar.js";
export * from "./conversion.js";
export * from "./dormant.js";
export * from "./followUps.js";
export * from "./identity.js";
export {
  createIdentityIndex,
  IdentityIndex,
  type IdentityRecord,
  identityRecordSchema,
} from "./identityIndex.js";
export * from "./normalize.js";
export * from "./rating.js";
export {
  compileRatingScheme,
  DEFAULT_RATING_POINTS,
  DEFAULT_RATING_SCHEME,
  ENGAGEMENT_FLAGS,
  gradeRank,
  INTENT_ORDER,
  type RatingPoints,
  type RatingScheme,
  type RatingSchemeConfig,
  ratingPointsSchema,
  ratingSchemeSchema,
  TIMEFRAME_ORDER,
} from "./ratingScheme.js";
export * from "./schema.js";
