export * from "./schema.js";
export * from "./stocktakes.js";
export * from "./transfers.js";
