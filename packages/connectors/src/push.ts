import {
  currencySchema,
  idSchema,
  localDateSchema,
  orderLineKindSchema,
  orderNumberSchema,
  orderVehicleSchema,
  parseInput,
  timestampSchema,
} from "@forecourt/sdk";
import { z } from "zod";
import {
  type ConfigSchema,
  type ConnectorContext,
  type CreateContextOptions,
  createContext,
} from "./define.js";
import { AuthConnectorError, PermanentConnectorError } from "./errors.js";

/**
 * The destination side of the contract. The hub pushes an approved order to each destination
 * connection as a job; `push` creates the order's document there (an invoice, a sales order, a
 * webhook delivery) and returns its reference. A job may run more than once — after a timeout, a
 * crash, a replay from the dead letters — so every push carries an idempotency key derived from
 * the order id and its terms version: the vendor's own idempotency header or field where it has
 * one, and a lookup by the order number before creating everywhere.
 */

/** Integer minor units (fen for CNY), exact. */
const minorUnits = z
  .number()
  .int({ message: "must be an integer number of minor units" })
  .refine(Number.isSafeInteger, { message: "is beyond the safe integer range" });

const basisPoints = z.number().int().min(0).max(10_000);

/** One order line as a destination needs it: per-unit and line amounts, and the VAT in the line. */
export const pushOrderLineSchema = z
  .strictObject({
    kind: orderLineKindSchema,
    description: z.string().trim().min(1).max(200),
    /** Option code, accessory SKU or fee code; connectors may map it to the vendor's item. */
    code: z.string().trim().min(1).max(64).optional(),
    quantity: z.number().int().min(1).max(10_000),
    /** Per unit, in minor units; VAT included when the order's `pricesIncludeVat`. */
    unitAmount: minorUnits,
    /** `unitAmount × quantity`. Negative on discount and trade-in lines. */
    amount: minorUnits,
    /** The VAT rate applied to the line (1300 = 13 %); 0 when the line is outside VAT. */
    taxRateBps: basisPoints,
    /** The VAT in `amount` (or on top of it, prices exclusive); the lines sum to `totals.vat`. */
    taxAmount: minorUnits,
  })
  .refine((line) => line.amount === line.unitAmount * line.quantity, {
    path: ["amount"],
    message: "must be unitAmount × quantity",
  });
export type PushOrderLine = z.output<typeof pushOrderLineSchema>;

/** The buyer, as much as destinations need to find or create their customer record. */
export const pushCustomerSchema = z.strictObject({
  id: idSchema("customer"),
  type: z.enum(["individual", "business", "fleet"]).default("individual"),
  /** The person's name, or the company's for businesses and fleets. */
  name: z.string().trim().min(1).max(200),
  /** E.164. */
  phone: z.string().trim().min(3).max(32).optional(),
  email: z.email().max(254).optional(),
  /** The company an individual buys for, or the legal name of a business. */
  company: z.string().trim().min(1).max(200).optional(),
  /** 统一社会信用代码 / VAT number, for invoices to companies. */
  taxId: z.string().trim().min(1).max(64).optional(),
  /**
   * The customer's id in destination systems, keyed by connector id (`{ quickbooks: "58" }`):
   * the hub fills in what it knows for the connection being pushed to. A connector that has an
   * id here uses it and skips its lookup.
   */
  externalIds: z.record(z.string(), z.string().trim().min(1).max(100)).default({}),
});
export type PushCustomerInput = z.input<typeof pushCustomerSchema>;
export type PushCustomer = z.output<typeof pushCustomerSchema>;

/** Every figure of `computeOrderTotals` a destination may show, in minor units. */
export const pushTotalsSchema = z.strictObject({
  subtotal: minorUnits,
  discounts: minorUnits,
  fees: minorUnits,
  tradeInCredit: minorUnits,
  taxableBase: minorUnits,
  vat: minorUnits,
  total: minorUnits,
  downPayment: minorUnits,
  amountFinanced: minorUnits,
  balanceDue: minorUnits,
});
export type PushTotals = z.output<typeof pushTotalsSchema>;

/** What a destination receives: an approved order at one terms version, totals and customer. */
export const pushOrderSchema = z
  .strictObject({
    id: idSchema("order"),
    orderNumber: orderNumberSchema,
    /** The terms version pushed (`termsVersion`); with `id`, the idempotency key. */
    version: z.number().int().min(1),
    store: z.strictObject({
      id: idSchema("store"),
      /** The store's short code (`BJ01`), the prefix of its order numbers. */
      code: z.string().trim().min(1).max(16).optional(),
      name: z.string().trim().min(1).max(200).optional(),
    }),
    salesperson: z
      .strictObject({
        id: idSchema("salesperson"),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .optional(),
    customer: pushCustomerSchema,
    vehicle: orderVehicleSchema.optional(),
    currency: currencySchema,
    /** Whether line amounts contain VAT (China: yes) or VAT is added on top. */
    pricesIncludeVat: z.boolean(),
    lines: z.array(pushOrderLineSchema).min(1).max(200),
    totals: pushTotalsSchema,
    /** The lender, when the order is financed (`totals.amountFinanced` is the loan). */
    lender: z.string().trim().min(1).max(200).optional(),
    /** The document date: the day the order was approved, in the store's time zone. */
    orderDate: localDateSchema,
    dueDate: localDateSchema.optional(),
    requestedDeliveryDate: localDateSchema.optional(),
    approvedAt: timestampSchema.optional(),
    notes: z.string().trim().max(2_000).optional(),
  })
  .superRefine((order, ctx) => {
    const sum = order.lines.reduce((acc, line) => acc + line.amount, 0);
    const expected = order.pricesIncludeVat
      ? order.totals.total
      : order.totals.total - order.totals.vat;
    if (sum !== expected) {
      ctx.addIssue({
        code: "custom",
        path: ["totals", "total"],
        message: `must match the lines (${sum}${order.pricesIncludeVat ? "" : " + VAT"})`,
      });
    }
    const tax = order.lines.reduce((acc, line) => acc + line.taxAmount, 0);
    if (tax !== order.totals.vat) {
      ctx.addIssue({
        code: "custom",
        path: ["totals", "vat"],
        message: `must be the sum of the lines' taxAmount (${tax})`,
      });
    }
  });
export type PushOrderInput = z.input<typeof pushOrderSchema>;
export type PushOrder = z.output<typeof pushOrderSchema>;

/**
 * Validates what the hub hands to `push`. A push order that does not parse will not parse on a
 * retry either: `PermanentConnectorError` (`invalid_push_order`) naming each problem.
 */
export function readPushOrder(input: unknown): PushOrder {
  const result = pushOrderSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "order"}: ${issue.message}`)
    .join("; ");
  throw new PermanentConnectorError(`The order cannot be pushed: ${problems}`, {
    code: "invalid_push_order",
  });
}

const idempotencyKeyInputSchema = z.strictObject({
  orderId: idSchema("order"),
  version: z.number().int().min(1),
});

/**
 * The idempotency key of one push: `ord_01JF3Q6Z8X4M2W9KX7V1B5N0TC-v2`. The same order at the
 * same terms version always gives the same key, so every retry of a push is recognisably the
 * same request; a new terms version is a new push. 33–40 characters of `[A-Za-z0-9_-]`, which
 * every vendor here takes as a header, a query parameter or a field.
 */
export function orderIdempotencyKey(orderId: string, version: number): string {
  const input = parseInput(idempotencyKeyInputSchema, { orderId, version }, "idempotency key");
  return `${input.orderId}-v${input.version}`;
}

/** What a push says about the document in the destination system. */
export interface PushResult {
  /** The vendor's id of the document (invoice id, sales order id …), exact. */
  externalId: string;
  /** The document's number as people see it there, when it has one. */
  externalNumber?: string;
  /** A link to the document in the vendor's app, when there is a stable one. */
  url?: string;
  /** False when the document existed already (an earlier attempt of this push made it). */
  created: boolean;
  /** The vendor's id of the customer the document is for, so the hub can remember it. */
  externalCustomerId?: string;
}

/** What every push receives: the connection's context and the push's idempotency key. */
export interface PushContext<C> extends ConnectorContext<C> {
  /** `orderIdempotencyKey(order.id, order.version)`: the same on every attempt of this push. */
  idempotencyKey: string;
  /** The connection's current OAuth2 access token (the hub refreshes it before expiry). */
  getAccessToken(): Promise<string>;
  /**
   * A new access token after the vendor refused the current one; the hub refreshes under its
   * per-connection lock and saves the rotated refresh token. Throws `AuthConnectorError` when
   * the refresh itself is refused (the connection needs re-authorising).
   */
  refreshAccessToken(): Promise<string>;
}

export interface PushCapability<C> {
  push(order: PushOrder, ctx: PushContext<C>): Promise<PushResult>;
}

export interface CreatePushContextOptions<C> extends CreateContextOptions<C> {
  idempotencyKey: string;
  getAccessToken?: () => Promise<string>;
  refreshAccessToken?: () => Promise<string>;
}

function noToken(): Promise<string> {
  return Promise.reject(
    new AuthConnectorError("This connection has no OAuth2 token", { code: "no_access_token" }),
  );
}

/**
 * The context for a push, with defaults filled in (no OAuth2 token unless hooks are given).
 * `baseUrl` is empty for a connector with neither a default nor a configured base URL.
 */
export function createPushContext<S extends ConfigSchema>(
  connector: { id: string; config: S; defaultBaseUrl?: string },
  options: CreatePushContextOptions<z.output<S>>,
): PushContext<z.output<S>> {
  if (!/^[\x21-\x7e]{1,128}$/.test(options.idempotencyKey)) {
    throw new TypeError("idempotencyKey must be 1–128 visible ASCII characters");
  }
  // A destination that posts to a full URL of its config (the generic webhook) has no base URL.
  const hasBaseUrl =
    connector.defaultBaseUrl !== undefined ||
    (options.config as { baseUrl?: unknown }).baseUrl !== undefined;
  const base: ConnectorContext<z.output<S>> = hasBaseUrl
    ? createContext(connector, options)
    : {
        config: options.config,
        baseUrl: "",
        fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
        ...(options.signal && { signal: options.signal }),
        now: options.now ?? (() => Date.now()),
      };
  return {
    ...base,
    idempotencyKey: options.idempotencyKey,
    getAccessToken: options.getAccessToken ?? noToken,
    refreshAccessToken: options.refreshAccessToken ?? noToken,
  };
}
