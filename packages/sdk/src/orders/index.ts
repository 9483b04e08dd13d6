export * from "./change-schema.js";
export * from "./contracts.js";
export * from "./number.js";
export * from "./order-number.js";
export * from "./schema.js";
export * from "./totals.js";
