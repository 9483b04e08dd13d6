export * from "./care-plans.js";
export * from "./complaints.js";
export * from "./contact.js";
export * from "./loyalty.js";
export * from "./schema.js";
export * from "./survey-scoring.js";
export * from "./surveys.js";
