export * from "./contact.js";
export * from "./ids.js";
export * from "./money.js";
export * from "./regions.js";
export * from "./time.js";
