export * from "./changes.js";
export * from "./contracts.js";
export * from "./order-number.js";
export * from "./schema.js";
export * from "./totals.js";
