import { ValidationError } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { baseUrlSchema, connectorManifest, defineConnector } from "./define.js";
import { AuthConnectorError, PermanentConnectorError } from "./errors.js";
import { createPushContext, orderIdempotencyKey, type PushOrder, readPushOrder } from "./push.js";
import { PUSH_TEST_ORDER, PUSH_TEST_ORDER_ID, PUSH_TEST_SDK_ORDER } from "./push-fixtures.js";
import { buildPushOrder } from "./push-order.js";
import { secret } from "./secrets.js";

const destination = defineConnector({
  id: "test_destination",
  title: "Test destination",
  direction: "destination",
  auth: "api_key",
  config: z.strictObject({ baseUrl: baseUrlSchema, apiKey: secret(z.string()) }),
  defaultBaseUrl: "https://erp.example",
  push: async (order: PushOrder, ctx) => ({
    externalId: `${order.orderNumber}@${ctx.idempotencyKey}`,
    created: true,
  }),
});

describe("orderIdempotencyKey", () => {
  it("is the order id and terms version, the same on every call", () => {
    expect(orderIdempotencyKey(PUSH_TEST_ORDER_ID, 2)).toBe(`${PUSH_TEST_ORDER_ID}-v2`);
    expect(orderIdempotencyKey(PUSH_TEST_ORDER_ID, 2)).toBe(
      orderIdempotencyKey(PUSH_TEST_ORDER_ID, 2),
    );
    expect(orderIdempotencyKey(PUSH_TEST_ORDER_ID, 3)).not.toBe(
      orderIdempotencyKey(PUSH_TEST_ORDER_ID, 2),
    );
    expect(orderIdempotencyKey(PUSH_TEST_ORDER_ID, 1)).toMatch(/^[A-Za-z0-9_-]{33,40}$/);
  });

  it("refuses what is not an order id or a version", () => {
    expect(() => orderIdempotencyKey("lead_01JF3Q6Z8X4M2W9KX7V1B5N0TC", 1)).toThrow(
      ValidationError,
    );
    expect(() => orderIdempotencyKey(PUSH_TEST_ORDER_ID, 0)).toThrow(ValidationError);
  });
});

describe("buildPushOrder", () => {
  it("carries the SDK totals and each line's VAT, summing to the order's", () => {
    const order = PUSH_TEST_ORDER;
    expect(order).toMatchObject({
      id: PUSH_TEST_ORDER_ID,
      orderNumber: "BJ01-20261127-0001",
      version: 1,
      currency: "CNY",
      pricesIncludeVat: true,
      orderDate: "2026-11-27",
      approvedAt: "2026-11-27T02:40:00Z",
      lender: "上汽通用汽车金融",
      store: { code: "BJ01" },
    });
    expect(order.totals).toMatchObject({
      total: 17_730_000,
      vat: 2_540_177,
      amountFinanced: 12_730_000,
    });
    expect(order.lines.map((line) => [line.kind, line.amount, line.taxRateBps])).toEqual([
      ["vehicle", 22_990_000, 1300],
      ["accessory", 90_000, 1300],
      ["fee", 150_000, 0],
      ["discount", -1_000_000, 1300],
      ["trade_in_credit", -4_500_000, 0],
    ]);
    expect(order.lines.reduce((sum, line) => sum + line.taxAmount, 0)).toBe(order.totals.vat);
    expect(order.lines[2]!.taxAmount).toBe(0);
  });

  it("adds VAT on top when the tenant's prices exclude it", () => {
    const order = buildPushOrder({
      order: PUSH_TEST_SDK_ORDER,
      customer: PUSH_TEST_ORDER.customer,
      taxRules: { pricesIncludeVat: false },
    });
    expect(order.pricesIncludeVat).toBe(false);
    expect(order.totals.total - order.totals.vat).toBe(
      order.lines.reduce((sum, line) => sum + line.amount, 0),
    );
    expect(order.lines[0]!.taxAmount).toBe(2_988_700);
  });

  it("dates an order without an approval by `at` in the store's time zone", () => {
    const order = buildPushOrder({
      order: { ...PUSH_TEST_SDK_ORDER, statusHistory: [] },
      customer: PUSH_TEST_ORDER.customer,
      at: "2026-11-27T17:30:00Z",
    });
    expect(order.orderDate).toBe("2026-11-28");
  });
});

describe("readPushOrder", () => {
  it("accepts a built order and refuses one whose lines do not make its totals", () => {
    expect(readPushOrder(PUSH_TEST_ORDER)).toEqual(PUSH_TEST_ORDER);
    const wrong = { ...PUSH_TEST_ORDER, totals: { ...PUSH_TEST_ORDER.totals, total: 1 } };
    expect(() => readPushOrder(wrong)).toThrow(PermanentConnectorError);
    expect(() => readPushOrder(wrong)).toThrow(/totals.total: must match the lines/);
  });
});

describe("the push capability", () => {
  it("is required of a destination and listed in the manifest", () => {
    expect(() =>
      defineConnector({
        id: "no_push",
        title: "No push",
        direction: "destination",
        auth: "none",
        config: z.strictObject({}),
      }),
    ).toThrow(/a destination needs a push capability/);
    expect(connectorManifest(destination).capabilities.push).toBe(true);
  });

  it("receives the idempotency key and OAuth2 hooks in its context", async () => {
    const ctx = createPushContext(destination, {
      config: { apiKey: "k" },
      idempotencyKey: orderIdempotencyKey(PUSH_TEST_ORDER_ID, 1),
    });
    await expect(destination.push!(PUSH_TEST_ORDER, ctx)).resolves.toEqual({
      externalId: `BJ01-20261127-0001@${PUSH_TEST_ORDER_ID}-v1`,
      created: true,
    });
    await expect(ctx.getAccessToken()).rejects.toBeInstanceOf(AuthConnectorError);
    const withToken = createPushContext(destination, {
      config: { apiKey: "k" },
      idempotencyKey: "key-1",
      getAccessToken: async () => "token",
      refreshAccessToken: async () => "fresh",
    });
    expect(await withToken.getAccessToken()).toBe("token");
    expect(await withToken.refreshAccessToken()).toBe("fresh");
    expect(() =>
      createPushContext(destination, { config: { apiKey: "k" }, idempotencyKey: "has space" }),
    ).toThrow(TypeError);
  });
});
