import { defineConnector } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type PushContext, type PushOrder, type PushResult, readPushOrder } from "../push.js";
import { type KingdeeApi, kingdeeApi, kingdeeLogin } from "./client.js";
import { type KingdeeConfig, kingdeeConfigSchema } from "./config.js";
import { kingdeeFilterLiteral, kingdeeOrderFilter, kingdeeSaleOrderModel } from "./mapping.js";

/**
 * Kingdee K3Cloud (金蝶云星空): an approved order becomes a sales order (`SAL_SaleOrder`), saved
 * and — when configured — submitted and audited. K3Cloud has no idempotency key, so every push
 * first looks the bill up by its number (`FBillNo` = the hub's order number, or an
 * external-number field); a bill found is returned, and taken on through submit and audit if an
 * earlier attempt stopped half-way.
 */

export const KINGDEE_CONNECTOR_ID = "kingdee";
/** The customer base-data form. */
export const KINGDEE_CUSTOMER_FORM = "BD_Customer";

/**
 * Takes a bill on to where the connection wants it: submitted (`B`, 审核中) and audited (`C`,
 * 已审核). `A` is saved (创建), `D` sent back for re-audit (重新审核), `Z` a draft (暂存).
 */
async function advance(api: KingdeeApi, config: KingdeeConfig, number: string, status: string) {
  let current = status;
  if ((config.submit || config.audit) && (current === "A" || current === "D")) {
    await api.submit(config.formId, [number]);
    current = "B";
  }
  if (config.audit && current === "B") await api.audit(config.formId, [number]);
}

/**
 * The customer's number: the hub's mapping, else the one customer with the buyer's name, else
 * the connection's walk-in customer. Customers are not created: in K3Cloud a customer belongs to
 * organisations by the group's allocation rules, which a connector should not guess.
 */
async function customerNumber(api: KingdeeApi, order: PushOrder, config: KingdeeConfig) {
  const known = order.customer.externalIds[KINGDEE_CONNECTOR_ID];
  if (known !== undefined) return known;
  const { customer } = order;
  const name = customer.type === "individual" ? customer.name : (customer.company ?? customer.name);
  const rows = await api.query(
    KINGDEE_CUSTOMER_FORM,
    ["FNumber"],
    `FName=${kingdeeFilterLiteral(name)}`,
  );
  if (rows.length === 1 && typeof rows[0]![0] === "string") return rows[0]![0];
  if (config.customerNumber !== undefined) return config.customerNumber;
  throw new PermanentConnectorError(
    `No Kingdee customer for ${customer.id}: ${rows.length === 0 ? "none" : "more than one"} has its name, and the connection has no customerNumber for walk-in customers`,
    { code: "kingdee_no_customer" },
  );
}

async function pushToKingdee(
  input: PushOrder,
  ctx: PushContext<KingdeeConfig>,
): Promise<PushResult> {
  const order = readPushOrder(input);
  const { config } = ctx;
  const api = kingdeeApi(ctx, [order.customer.email, order.customer.phone]);
  const [found] = await api.query(
    config.formId,
    ["FID", "FBillNo", "FDocumentStatus", "FCustId.FNumber"],
    kingdeeOrderFilter(order.orderNumber, config),
  );
  if (found !== undefined) {
    const [id, number, status, customer] = found.map((cell) => (cell == null ? "" : String(cell)));
    await advance(api, config, number!, status!);
    return {
      externalId: id!,
      externalNumber: number!,
      created: false,
      ...(customer && { externalCustomerId: customer }),
    };
  }
  const customer = await customerNumber(api, order, config);
  const saved = await api.save(config.formId, kingdeeSaleOrderModel(order, customer, config));
  const number = saved.number ?? order.orderNumber;
  await advance(api, config, number, "A");
  return {
    externalId: saved.id,
    externalNumber: number,
    created: true,
    externalCustomerId: customer,
  };
}

export const kingdeeConnector = defineConnector({
  id: KINGDEE_CONNECTOR_ID,
  title: "Kingdee K3Cloud (金蝶云星空)",
  description:
    "Approved orders as K3Cloud sales orders (SAL_SaleOrder), saved then optionally submitted and audited; exactly once by looking the bill number up first; the session logs in again when K3Cloud has lost it.",
  direction: "destination",
  auth: "shared_secret",
  config: kingdeeConfigSchema,
  push: pushToKingdee,
  async testConnection(ctx) {
    await kingdeeLogin(ctx);
    return { ok: true, detail: `data centre ${ctx.config.acctId}, user ${ctx.config.username}` };
  },
});

export {
  checkKingdeeStatus,
  KINGDEE_SESSION_LOST_MESSAGE,
  type KingdeeApi,
  type KingdeeSession,
  kingdeeApi,
  kingdeeLogin,
} from "./client.js";
export {
  KINGDEE_LCID_ZH_CN,
  KINGDEE_SALES_ORDER_FORM,
  KINGDEE_STANDARD_BILL_TYPE,
  type KingdeeConfig,
  kingdeeConfigSchema,
} from "./config.js";
export { kingdeeFilterLiteral, kingdeeOrderFilter, kingdeeSaleOrderModel } from "./mapping.js";
export type * from "./types.js";
