import { defineConnector } from "../define.js";
import { ConnectorError, PermanentConnectorError, RetryableConnectorError } from "../errors.js";
import { type PushContext, type PushOrder, type PushResult, readPushOrder } from "../push.js";
import { type YonyouApi, yonyouApi } from "./client.js";
import { YONYOU_GATEWAY_LOOKUP_URL, type YonyouConfig, yonyouConfigSchema } from "./config.js";
import {
  YONYOU_ORDER_LIST_PATH,
  YONYOU_SINGLE_SAVE_PATH,
  yonyouLookupBody,
  yonyouOrderBody,
} from "./mapping.js";
import { type YonyouSavedOrder, yonyouOrderPageSchema, yonyouSavedOrderSchema } from "./types.js";

/**
 * Yonyou YonBIP (用友): an approved order becomes a sales order through `singleSave`, with the
 * push's idempotency key as `resubmitCheckKey`. The tenant's gateway is looked up, the token
 * signed with HMAC-SHA256 and kept for its lifetime; the order is looked up by the hub's order
 * number before saving, and again when YonBIP calls a save a repeated submission.
 */

export const YONYOU_CONNECTOR_ID = "yonyou";

async function findOrder(
  api: YonyouApi,
  order: PushOrder,
  config: YonyouConfig,
): Promise<YonyouSavedOrder | undefined> {
  const data = await api.post(
    YONYOU_ORDER_LIST_PATH,
    "order lookup",
    yonyouLookupBody(order.orderNumber, config),
  );
  const page = yonyouOrderPageSchema.safeParse(data ?? {});
  if (!page.success) {
    throw new PermanentConnectorError("YonBIP order lookup answered an unexpected shape", {
      code: "yonyou_unexpected_response",
    });
  }
  return page.data.recordList[0];
}

function resultOf(
  saved: YonyouSavedOrder,
  order: PushOrder,
  created: boolean,
  agentId?: string,
): PushResult {
  const customer = agentId ?? saved.agentId ?? undefined;
  return {
    externalId: saved.id,
    externalNumber: saved.code ?? order.orderNumber,
    created,
    ...(customer && { externalCustomerId: customer }),
  };
}

async function pushToYonyou(input: PushOrder, ctx: PushContext<YonyouConfig>): Promise<PushResult> {
  const order = readPushOrder(input);
  const { config } = ctx;
  const api = yonyouApi(ctx, [order.customer.email, order.customer.phone]);
  const found = await findOrder(api, order, config);
  if (found !== undefined) return resultOf(found, order, false);
  const agentId = order.customer.externalIds[YONYOU_CONNECTOR_ID] ?? config.agentId;
  if (agentId === undefined) {
    throw new PermanentConnectorError(
      `No YonBIP customer for ${order.customer.id}: the hub knows none and the connection has no agentId for walk-in customers`,
      { code: "yonyou_no_customer" },
    );
  }
  let data: unknown;
  try {
    data = await api.post(
      YONYOU_SINGLE_SAVE_PATH,
      "singleSave",
      yonyouOrderBody(order, agentId, ctx.idempotencyKey, config),
    );
  } catch (error) {
    if (!(error instanceof ConnectorError && error.code === "yonyou_duplicate_submission"))
      throw error;
    // An earlier attempt with this key got through: its order is the answer.
    const earlier = await findOrder(api, order, config);
    if (earlier !== undefined) return resultOf(earlier, order, false);
    throw new RetryableConnectorError(
      "YonBIP refused a repeated submission, and the order it made is not listed yet",
      { code: "yonyou_submission_pending", retryAfterMs: 30_000 },
    );
  }
  const saved = yonyouSavedOrderSchema.safeParse(data);
  if (!saved.success) {
    throw new PermanentConnectorError("YonBIP singleSave answered without the order's id", {
      code: "yonyou_unexpected_response",
    });
  }
  return resultOf(saved.data, order, true, agentId);
}

export const yonyouConnector = defineConnector({
  id: YONYOU_CONNECTOR_ID,
  title: "Yonyou YonBIP (用友)",
  description:
    "Approved orders as YonBIP sales orders through singleSave with resubmitCheckKey = the idempotency key; gateway looked up, HMAC-SHA256-signed token kept for its lifetime, order looked up by number first.",
  direction: "destination",
  auth: "hmac",
  config: yonyouConfigSchema,
  defaultBaseUrl: YONYOU_GATEWAY_LOOKUP_URL,
  push: pushToYonyou,
  async testConnection(ctx) {
    await yonyouApi(ctx).post(YONYOU_ORDER_LIST_PATH, "order list", {
      pageIndex: 1,
      pageSize: 1,
      isSum: false,
    });
    return { ok: true, detail: `tenant ${ctx.config.tenantId}` };
  },
});

export {
  classifyYonyouAnswer,
  clearYonyouCaches,
  YONYOU_AUTH_OK,
  YONYOU_GATEWAY_TTL_MS,
  YONYOU_OK,
  YONYOU_TOKEN_MARGIN_MS,
  type YonyouAnswerClass,
  type YonyouApi,
  yonyouApi,
  yonyouError,
  yonyouSignature,
} from "./client.js";
export { YONYOU_GATEWAY_LOOKUP_URL, type YonyouConfig, yonyouConfigSchema } from "./config.js";
export {
  YONYOU_ORDER_LIST_PATH,
  YONYOU_SINGLE_SAVE_PATH,
  yonyouLookupBody,
  yonyouOrderBody,
} from "./mapping.js";
export type * from "./types.js";
