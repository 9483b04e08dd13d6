export {
  WebhookVerificationError,
  type WebhookVerificationFailure,
} from "../errors.js";
export * from "./events.js";
export * from "./signature.js";
