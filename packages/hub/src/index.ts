export { buildApp } from "./app.js";
export { ConfigError, type HubConfig, loadConfig } from "./config.js";
export { ERROR_CODES, type ErrorCode, HubError } from "./errors.js";
export { buildHub, type Hub, type HubOptions, openServices } from "./hub.js";
export { V1_ROUTES } from "./routes/index.js";
