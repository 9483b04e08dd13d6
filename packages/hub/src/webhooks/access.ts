import type { ApiKeyRole } from "../auth/roles.js";

/**
 * Only admin keys manage webhook endpoints and read the delivery log: an endpoint receives
 * every matching event of the whole tenant (all stores), and its secret is a credential.
 */
export const WEBHOOK_ADMINS: readonly ApiKeyRole[] = ["admin"];

/** `webhook_endpoint` ids: `whep_` + ULID; deliveries are `msg_` + ULID (the `webhook-id`). */
export const endpointIdSchema = /^whep_[0-9A-HJKMNP-TV-Z]{26}$/;
export const deliveryIdSchema = /^msg_[0-9A-HJKMNP-TV-Z]{26}$/;
