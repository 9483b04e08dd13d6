import { defineConnector } from "../define.js";
import { type TmallCarConfig, tmallCarConfigSchema } from "./config.js";
import { mapTmallLead } from "./mapping.js";
import type { ParsedTmallLead } from "./types.js";
import { parseTmallLeadRequest, tmallAck, verifyQimenRequest } from "./webhook.js";

/**
 * Tmall Car (天猫汽车) leads pushed through Qimen (奇门): `qimen.tmall.car.leads.synchronize`
 * posts each lead to the connection's webhook, signed with the Qimen app's secret. The answer is
 * Qimen's `{ success, msgCode, msgDesc }` (built by `webhook.respond`).
 */

export const TMALL_CAR_CONNECTOR_ID = "tmall_car";

export const tmallCarConnector = defineConnector({
  id: TMALL_CAR_CONNECTOR_ID,
  title: "Tmall Car (天猫汽车) via Qimen",
  description:
    "Leads pushed by Tmall Car through Qimen's qimen.tmall.car.leads.synchronize, signed with the app secret.",
  direction: "source",
  auth: "hmac",
  config: tmallCarConfigSchema,
  webhook: {
    verify: (rawBody, headers, config, request) =>
      verifyQimenRequest(rawBody, headers, config, request),
    parse: (rawBody, headers, config, request) =>
      parseTmallLeadRequest(rawBody, headers, config, request),
    respond: (outcome) => tmallAck(outcome),
  },
  mapToLead: (lead: ParsedTmallLead, config: TmallCarConfig) => mapTmallLead(lead, config),
});

export {
  DEFAULT_QIMEN_TOLERANCE_MS,
  TMALL_LEADS_METHOD,
  type TmallCarConfig,
  tmallCarConfigSchema,
} from "./config.js";
export { mapTmallLead, TMALL_ATTRIBUTE_PREFIX, TMALL_CAR_LEAD_SOURCE } from "./mapping.js";
export {
  type ParsedTmallLead,
  type TmallAck,
  type TmallLead,
  tmallLeadSchema,
} from "./types.js";
export {
  parseTmallLeadRequest,
  TMALL_ACK_CODES,
  tmallAck,
  verifyQimenRequest,
} from "./webhook.js";
