import { isSomeoneElse } from "../customer-match.js";
import { defineConnector } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { type PushContext, type PushOrder, type PushResult, readPushOrder } from "../push.js";
import { type OdooTransport, odooTransport } from "./client.js";
import { type OdooConfig, odooConfigSchema } from "./config.js";
import { odooPartnerValues, odooSaleOrderValues } from "./mapping.js";
import { type OdooSaleOrder, odooPartnerSchema, odooSaleOrderSchema } from "./types.js";

/**
 * Odoo: an approved order becomes a `sale.order` (confirmed by default) whose
 * `client_order_ref` is the hub's order number, for a partner found by the hub's customer id
 * (`ref`), email or name, or created. Odoo has no idempotency key, so every push looks the
 * order up by `client_order_ref` first. JSON-2 (Odoo 19+) or XML-RPC for older servers.
 */

export const ODOO_CONNECTOR_ID = "odoo";
const ORDER_FIELDS = ["id", "name", "state", "client_order_ref", "partner_id"];
/** States a quotation is in before `action_confirm`. */
const QUOTATION_STATES = new Set(["draft", "sent"]);

async function findOrder(
  odoo: OdooTransport,
  domain: unknown[],
): Promise<OdooSaleOrder | undefined> {
  const [row] = await odoo.searchRead("sale.order", domain, ORDER_FIELDS, 1);
  if (row === undefined) return undefined;
  const parsed = odooSaleOrderSchema.safeParse(row);
  if (!parsed.success) {
    throw new PermanentConnectorError("Odoo sale.order search_read answered an unexpected shape", {
      code: "odoo_unexpected_response",
    });
  }
  return parsed.data;
}

/** The partner's id: the hub's mapping, else by `ref` (the hub's customer id), email or name, else created. */
async function ensurePartner(odoo: OdooTransport, order: PushOrder): Promise<number> {
  const { customer } = order;
  const known = Number(customer.externalIds[ODOO_CONNECTOR_ID]);
  if (Number.isSafeInteger(known) && known > 0) return known;
  const fields = ["id", "name", "email", "phone"];
  const first = async (domain: unknown[], limit = 1) =>
    (await odoo.searchRead("res.partner", domain, fields, limit)).map((row) =>
      odooPartnerSchema.parse(row),
    );
  const [byRef] = await first([["ref", "=", customer.id]]);
  if (byRef !== undefined) return byRef.id;
  if (customer.email) {
    const [byEmail] = await first([["email", "=ilike", customer.email]]);
    if (byEmail !== undefined) return byEmail.id;
  }
  const values = odooPartnerValues(customer);
  const named = await first([["name", "=", values.name as string]], 2);
  const only = named.length === 1 ? named[0]! : undefined;
  if (
    only !== undefined &&
    !isSomeoneElse(customer, { email: only.email || undefined, phone: only.phone || undefined })
  ) {
    return only.id;
  }
  return odoo.create("res.partner", values);
}

async function pushToOdoo(input: PushOrder, ctx: PushContext<OdooConfig>): Promise<PushResult> {
  const order = readPushOrder(input);
  const { config } = ctx;
  const odoo = odooTransport(ctx, [order.customer.email, order.customer.phone]);
  const result = (found: OdooSaleOrder, created: boolean): PushResult => ({
    externalId: String(found.id),
    externalNumber: found.name,
    url: `${ctx.baseUrl}/web#id=${found.id}&model=sale.order&view_type=form`,
    created,
    ...(found.partner_id && { externalCustomerId: String(found.partner_id[0]) }),
  });
  const existing = await findOrder(odoo, [["client_order_ref", "=", order.orderNumber]]);
  if (existing !== undefined) {
    if (config.confirm && QUOTATION_STATES.has(existing.state)) {
      await odoo.callOn("sale.order", "action_confirm", [existing.id]);
    }
    return result(existing, false);
  }
  const partnerId = await ensurePartner(odoo, order);
  const id = await odoo.create("sale.order", odooSaleOrderValues(order, partnerId, config));
  if (config.confirm) await odoo.callOn("sale.order", "action_confirm", [id]);
  const created = await findOrder(odoo, [["id", "=", id]]);
  return created !== undefined
    ? result(created, true)
    : { externalId: String(id), created: true, externalCustomerId: String(partnerId) };
}

export const odooConnector = defineConnector({
  id: ODOO_CONNECTOR_ID,
  title: "Odoo",
  description:
    "Approved orders as Odoo sales orders (client_order_ref = order number, looked up first), partner found or created; JSON-2 on Odoo 19+, XML-RPC on older servers.",
  direction: "destination",
  auth: "api_key",
  config: odooConfigSchema,
  push: pushToOdoo,
  async testConnection(ctx) {
    const odoo = odooTransport(ctx);
    await odoo.searchRead("sale.order", [], ["id"], 1);
    return { ok: true, detail: `database ${ctx.config.database} over ${odoo.protocol}` };
  },
});

export {
  classifyOdooFault,
  classifyOdooJson2Error,
  isJson2Missing,
  json2Transport,
  ODOO_FAULT_ACCESS_DENIED,
  ODOO_FAULT_ACCESS_ERROR,
  ODOO_FAULT_APPLICATION_ERROR,
  ODOO_FAULT_WARNING,
  type OdooProtocol,
  type OdooTransport,
  odooTransport,
  xmlRpcTransport,
} from "./client.js";
export { type OdooConfig, odooConfigSchema } from "./config.js";
export { odooPartnerValues, odooSaleOrderValues } from "./mapping.js";
export type * from "./types.js";
export {
  decodeXmlRpcCall,
  decodeXmlRpcResponse,
  encodeXmlRpcCall,
  encodeXmlRpcFault,
  encodeXmlRpcResponse,
  encodeXmlRpcValue,
  XmlRpcFault,
  XmlRpcParseError,
  type XmlRpcValue,
} from "./xmlrpc.js";
