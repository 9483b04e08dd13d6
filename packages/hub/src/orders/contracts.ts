import {
  CONTRACT_PLACEHOLDERS,
  type ContractTemplate,
  renderContract,
  signContract,
} from "@forecourt/sdk";
import { and, desc, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/roles.js";
import { contracts, contractTemplates, customers, stores } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";
import { HubError, notFound } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import { assertInDealScope, type DealScope } from "../opportunities/scope.js";
import { actingPerson } from "./access.js";
import { recordOrderEvent } from "./events.js";
import { changeTime, moveOrder, mutateOrder, runOrderDomain } from "./mutate.js";
import { contractColumns, contractFromRow, loadOrder, type StoredContract } from "./rows.js";
import type { TenantOrderRules } from "./rules.js";
import type { contractRenderSchema, contractSignSchema, templateBodySchema } from "./schemas.js";
import { type ServedOrder, servedOrder } from "./serve.js";

/**
 * The template a group has until it stores its own under the id `default`: the parties, the
 * vehicle, the price breakdown and the amount in words — only placeholders every order has.
 */
export const DEFAULT_CONTRACT_TEMPLATE: ContractTemplate = {
  id: "default",
  version: "1",
  kind: "html",
  body: [
    "<h1>汽车销售合同</h1>",
    "<p>合同日期：{{contract.date}}　订单号：{{order.number}}（条款版本 {{order.version}}）</p>",
    "<p>买方：{{customer.name}}</p>",
    "<p>卖方：{{dealer.name}}</p>",
    "<p>车辆：{{vehicle.description}}</p>",
    "<table>",
    "<tr><td>车辆及选装</td><td>{{order.subtotal}}</td></tr>",
    "<tr><td>优惠</td><td>{{order.discounts}}</td></tr>",
    "<tr><td>代办费用</td><td>{{order.fees}}</td></tr>",
    "<tr><td>置换抵扣</td><td>{{order.tradeInCredit}}</td></tr>",
    "<tr><td>合同总价（含增值税 {{order.vat}}）</td><td>{{order.total}}（{{order.totalInWords}}）</td></tr>",
    "<tr><td>应付余额</td><td>{{order.balanceDue}}</td></tr>",
    "</table>",
    "<p>买方签字：＿＿＿＿　　卖方签字：＿＿＿＿</p>",
  ].join("\n"),
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(CONTRACT_PLACEHOLDERS);

/** The placeholders a template uses, each once; an unknown one is a 400 naming all of them. */
export function templatePlaceholders(body: string): string[] {
  const used = [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  const unknown = used.filter((name) => !KNOWN.has(name) && !/^extra\.[A-Za-z]\w*$/.test(name));
  if (unknown.length > 0) {
    throw new HubError(
      "validation_failed",
      `Invalid body: unknown placeholders ${unknown.join(", ")}`,
      {
        issues: unknown.map((name) => ({
          path: "body",
          message: `unknown placeholder {{${name}}}`,
          in: "body",
        })),
      },
    );
  }
  return used;
}

export async function loadTemplate(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<ContractTemplate> {
  const [row] = await tx
    .select()
    .from(contractTemplates)
    .where(and(eq(contractTemplates.tenantId, tenantId), eq(contractTemplates.id, id)))
    .limit(1);
  if (row) {
    return {
      id: row.id,
      kind: row.kind as "html" | "text",
      body: row.body,
      ...(row.templateVersion ? { version: row.templateVersion } : {}),
    };
  }
  if (id === DEFAULT_CONTRACT_TEMPLATE.id) return DEFAULT_CONTRACT_TEMPLATE;
  throw notFound("contract template", id);
}

/** Creates or replaces a group's template (checking the placeholders first). */
export async function putTemplate(
  tx: Tx,
  actor: Actor,
  requestId: string,
  id: string,
  body: z.output<typeof templateBodySchema>,
) {
  const placeholders = templatePlaceholders(body.body);
  const [existing] = await tx
    .select()
    .from(contractTemplates)
    .where(and(eq(contractTemplates.tenantId, actor.tenantId), eq(contractTemplates.id, id)))
    .limit(1)
    .for("update");
  if (existing && body.version !== undefined && body.version !== existing.version) {
    throw new HubError(
      "version_conflict",
      `contract template ${id} is no longer at version ${body.version}`,
      {
        entity: "contract template",
        id,
        sentVersion: body.version,
        currentVersion: existing.version,
      },
    );
  }
  const now = new Date();
  const values = {
    kind: body.kind,
    body: body.body,
    templateVersion: body.templateVersion ?? null,
    updatedAt: now,
    version: (existing?.version ?? 0) + 1,
  };
  if (existing) {
    await tx
      .update(contractTemplates)
      .set(values)
      .where(and(eq(contractTemplates.tenantId, actor.tenantId), eq(contractTemplates.id, id)));
  } else {
    await tx
      .insert(contractTemplates)
      .values({ tenantId: actor.tenantId, id, ...values, createdAt: now });
  }
  const after = { id, ...values, placeholders };
  await recordAudit(tx, actor, requestId, {
    action: existing ? "contract_template.updated" : "contract_template.created",
    entityType: "contract_template",
    entityId: id,
    ...(existing ? { before: existing } : {}),
    after,
  });
  return {
    id,
    kind: body.kind,
    body: body.body,
    ...(body.templateVersion ? { templateVersion: body.templateVersion } : {}),
    placeholders,
    updatedAt: now.toISOString(),
    version: values.version,
  };
}

/** The order's contract that is neither voided nor superseded; 404 when there is none. */
async function currentContract(tx: Tx, tenantId: string, orderId: string): Promise<StoredContract> {
  const [row] = await tx
    .select()
    .from(contracts)
    .where(
      and(
        eq(contracts.tenantId, tenantId),
        eq(contracts.orderId, orderId),
        ne(contracts.status, "voided"),
      ),
    )
    .orderBy(desc(contracts.id))
    .limit(1)
    .for("update");
  if (!row) throw notFound("contract of order", orderId);
  return contractFromRow(row);
}

/**
 * Renders the contract of an approved order from a template, with the customer's name and the
 * store as the dealer; details the hub keeps encrypted (ID number, address) come in the request
 * for this contract only. A contract still unsigned for older terms is voided by the new one.
 */
export async function generateContract(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  id: string,
  rules: TenantOrderRules,
  body: z.output<typeof contractRenderSchema>,
): Promise<{ contract: StoredContract; order: ServedOrder }> {
  const tenantId = actor.tenantId;
  const order = await loadOrder(tx, tenantId, id, true);
  assertInDealScope(scope, "order", order);
  if (body.version !== order.version) {
    throw new HubError(
      "version_conflict",
      `order ${id} is no longer at version ${body.version}; read it again and retry`,
      {
        entity: "order",
        id,
        sentVersion: body.version,
        currentVersion: order.version,
      },
    );
  }
  if (order.status !== "approved") {
    throw new HubError(
      "order_not_approved",
      `Order ${order.orderNumber} is ${order.status}; a contract needs an approved order`,
      {
        status: order.status,
      },
    );
  }
  const template = await loadTemplate(tx, tenantId, body.templateId);
  const [customer] = await tx
    .select({ name: customers.name, companyName: customers.companyName })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, order.customerId)))
    .limit(1);
  const [store] = await tx
    .select({ name: stores.name, address: stores.address, timeZone: stores.timeZone })
    .from(stores)
    .where(and(eq(stores.tenantId, tenantId), eq(stores.id, order.storeId)))
    .limit(1);
  const at = changeTime(order);
  const rendered = await runOrderDomain(() =>
    renderContract(
      template,
      {
        order,
        customer: {
          name: customer?.companyName ?? customer?.name ?? "",
          ...body.customer,
        },
        dealer: {
          name: store?.name ?? "",
          ...(store?.address ? { address: store.address } : {}),
          ...body.dealer,
        },
        ...(body.extra ? { extra: body.extra } : {}),
      },
      {
        at,
        ...(store ? { timeZone: store.timeZone } : {}),
        ...(body.locale ? { locale: body.locale } : {}),
        ...(rules.tax ? { taxRules: rules.tax } : {}),
      },
    ),
  );
  const previous = await tx
    .update(contracts)
    .set({
      status: "voided",
      voidedAt: new Date(at),
      voidReason: `superseded by ${rendered.contract.id}`,
      updatedAt: new Date(at),
    })
    .where(
      and(
        eq(contracts.tenantId, tenantId),
        eq(contracts.orderId, id),
        eq(contracts.status, "generated"),
      ),
    )
    .returning({ id: contracts.id });
  const c = rendered.contract;
  await tx.insert(contracts).values({
    id: c.id,
    tenantId,
    orderId: id,
    orderVersion: c.orderVersion,
    templateId: c.templateId,
    templateVersion: c.templateVersion ?? null,
    renderedText: rendered.text,
    renderedSha256: c.renderedSha256,
    ...contractColumns(c),
    createdAt: new Date(c.createdAt),
  });
  const stored: StoredContract = { ...c, text: rendered.text };
  await recordAudit(tx, actor, requestId, {
    action: "order.contract_generated",
    entityType: "contract",
    entityId: c.id,
    after: { ...c },
  });
  await recordOrderEvent(tx, tenantId, "order.contract_generated", order, {
    contractId: c.id,
    renderedSha256: c.renderedSha256,
    voided: previous.map((p) => p.id),
  });
  return { contract: stored, order: servedOrder(order, rules) };
}

/**
 * Records the signature of the order's current contract and moves the order to `contracted`.
 * The caller names the SHA-256 of the text that was signed: a contract rendered since, or one
 * for older terms, is refused with 409 rather than signed unseen.
 */
export async function signOrderContract(
  tx: Tx,
  actor: Actor,
  scope: DealScope,
  requestId: string,
  id: string,
  rules: TenantOrderRules,
  body: z.output<typeof contractSignSchema>,
): Promise<{ contract: StoredContract; order: ServedOrder }> {
  const tenantId = actor.tenantId;
  const person = await actingPerson(tx, actor, scope, body.by);
  let signed: StoredContract | undefined;
  const order = await mutateOrder(tx, actor, scope, requestId, id, {
    action: "order.contract_signed",
    version: body.version,
    async change(current, at) {
      const contract = await currentContract(tx, tenantId, id);
      if (
        contract.renderedSha256 !== body.renderedSha256 ||
        contract.orderVersion !== (current.termsVersion ?? 1)
      ) {
        throw new HubError(
          "contract_outdated",
          `The signed text is not contract ${contract.id} for the order's current terms; render it again`,
          {
            contractId: contract.id,
            renderedSha256: contract.renderedSha256,
            orderVersion: contract.orderVersion,
            termsVersion: current.termsVersion ?? 1,
          },
        );
      }
      const { text, ...record } = contract;
      const signedAt = body.signedAt ?? at;
      const next = await signContract(record, {
        by: body.signedBy,
        at: signedAt,
        text,
        ...(body.documentRef ? { documentRef: body.documentRef } : {}),
      });
      await tx
        .update(contracts)
        .set(contractColumns(next))
        .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, contract.id)));
      signed = { ...next, text };
      return moveOrder(current, "contracted", person, { at, contractId: contract.id });
    },
  });
  await recordOrderEvent(tx, tenantId, "order.contract_signed", order, {
    contractId: signed!.id,
    signedAt: signed!.signedAt,
  });
  return { contract: signed!, order: servedOrder(order, rules) };
}
