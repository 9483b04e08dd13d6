/**
 * Every error the hub sends has a stable code from this table; docs/errors.md lists them and a
 * test keeps the two in step. Responses are `{ error: { code, message, details? } }`.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, summary: "The request body, query or path is invalid." },
  invalid_json: { status: 400, summary: "The body is not valid JSON." },
  idempotency_key_invalid: {
    status: 400,
    summary: "The Idempotency-Key header is missing its value or longer than 255 characters.",
  },
  unauthenticated: {
    status: 401,
    summary: "No API key, an unknown key, or a revoked key. Send `Authorization: Bearer fc_…`.",
  },
  webhook_unauthorized: {
    status: 401,
    summary:
      "An inbound webhook failed its connector's verification (signature, key, timestamp); nothing was stored.",
  },
  forbidden: { status: 403, summary: "The key's role or scope does not allow this action." },
  not_found: {
    status: 404,
    summary: "No such object in this tenant (or outside the key's scope).",
  },
  route_not_found: { status: 404, summary: "No such route." },
  conflict: { status: 409, summary: "The change conflicts with existing data (a duplicate code)." },
  version_conflict: {
    status: 409,
    summary: "The object changed since the `version` you sent; read it again and retry.",
  },
  illegal_stage_transition: {
    status: 409,
    summary: "The stage cannot follow the current one; `details.allowed` lists those that can.",
  },
  opportunity_closed: {
    status: 409,
    summary: "The opportunity is won or lost; it cannot be handed over.",
  },
  lead_not_convertible: {
    status: 409,
    summary: "The lead already has an opportunity, or its status does not allow opening one.",
  },
  illegal_status_transition: {
    status: 409,
    summary: "The lead cannot move to that status; `details.allowed` lists where it can go.",
  },
  lead_closed: {
    status: 409,
    summary: "The lead is converted, ordered, lost or dormant; it cannot change hands.",
  },
  task_closed: { status: 409, summary: "The follow-up task is already completed or cancelled." },
  illegal_order_transition: {
    status: 409,
    summary:
      "The order (or its change or contract) cannot move to that state; `details.allowed` lists where it can go.",
  },
  order_not_submitted: { status: 409, summary: "Only a submitted order takes approvals." },
  approval_not_required: {
    status: 409,
    summary:
      "The approval rules do not ask this role to approve the order; `details.required` lists who.",
  },
  order_not_approved: {
    status: 409,
    summary: "A contract is rendered for an approved order only.",
  },
  order_change_stale: {
    status: 409,
    summary:
      "The change was written against older terms (another change was applied since); request it again.",
  },
  contract_outdated: {
    status: 409,
    summary:
      "The signed text is not the order's current contract (re-rendered, or for older terms); render it again.",
  },
  webhook_url_invalid: {
    status: 422,
    summary:
      "The webhook endpoint URL is not https:// (http:// only to 127.0.0.1/localhost where allowed) or carries credentials.",
  },
  webhook_endpoint_disabled: {
    status: 409,
    summary: "The webhook endpoint is disabled (through the API or after a 410); enable it first.",
  },
  webhook_delivery_not_replayable: {
    status: 409,
    summary: "Only dead or failed webhook deliveries can be replayed.",
  },
  inbox_not_replayable: {
    status: 409,
    summary:
      "Only dead or test inbox entries can be replayed; processed ones already made their lead.",
  },
  order_sync_not_replayable: {
    status: 409,
    summary:
      "Only dead or failed order pushes can be replayed; pending and synced ones are left alone.",
  },
  oauth_not_supported: {
    status: 422,
    summary:
      "The connection's connector does not authorise through OAuth2 (Xero, QuickBooks and Meta do).",
  },
  import_not_supported: {
    status: 422,
    summary:
      "The connection's connector takes no file imports (csv_import and vcard connections do).",
  },
  import_unreadable: {
    status: 422,
    summary:
      "The file cannot be imported as a whole (a CSV header without a phone, email or WeChat column, or without its idColumn); nothing was stored.",
  },
  connection_not_active: {
    status: 409,
    summary: "The connection is disabled or needs re-authorisation; make it active first.",
  },
  oauth_state_invalid: {
    status: 400,
    summary:
      "The OAuth2 callback's state is unknown, already used or expired, or the code is missing; start the authorisation again.",
  },
  oauth_denied: {
    status: 400,
    summary: "The provider reported that the authorisation was refused or cancelled.",
  },
  oauth_exchange_failed: {
    status: 502,
    summary:
      "The provider's token endpoint refused or failed the code exchange; start the authorisation again.",
  },
  idempotency_request_in_progress: {
    status: 409,
    summary: "A request with this Idempotency-Key is still being processed; retry later.",
  },
  idempotency_key_reused: {
    status: 422,
    summary: "This Idempotency-Key was used with a different request body or route.",
  },
  payload_too_large: { status: 413, summary: "The body is larger than the configured limit." },
  unsupported_media_type: { status: 415, summary: "Send `Content-Type: application/json`." },
  rate_limited: { status: 429, summary: "Too many requests for this key; see `Retry-After`." },
  internal_error: { status: 500, summary: "An unexpected error; the request id identifies it." },
  service_unavailable: {
    status: 503,
    summary: "The database or the queue is not reachable, or the hub is shutting down.",
  },
} as const satisfies Record<string, { status: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class HubError extends Error {
  override readonly name = "HubError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }
}

export const notFound = (entity: string, id: string) =>
  new HubError("not_found", `${entity} ${id} not found`, { entity, id });

export const forbidden = (message: string) => new HubError("forbidden", message);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function errorBody(error: HubError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}
