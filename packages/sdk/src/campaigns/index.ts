export * from "./budgets.js";
export * from "./registrations.js";
export * from "./schema.js";
