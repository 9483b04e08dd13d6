import { createOrder, type Order } from "@forecourt/sdk";
import { ConnectorError } from "./errors.js";
import { type PushOrder, type PushOrderInput, pushOrderSchema } from "./push.js";
import { buildPushOrder } from "./push-order.js";

/**
 * An approved order as destinations receive it, for tests here and in the hub: the Passat of
 * the orders guide — ¥229,900, two sets of mats, a plate service fee, a ¥10,000 discount and a
 * ¥45,000 trade-in — bought by 王芳 at the Beijing store.
 */

export const PUSH_TEST_ORDER_ID = "ord_01JF3Q6Z8X4M2W9KX7V1B5N0TC";
export const PUSH_TEST_ORDER_NUMBER = "BJ01-20261127-0001";

const entered: Order = createOrder(
  {
    customerId: "cus_01JF3Q6Z8X4M2W9KX7V1B5N0TD",
    storeId: "sto_01JF3Q6Z8X4M2W9KX7V1B5N0TE",
    salespersonId: "sp_01JF3Q6Z8X4M2W9KX7V1B5N0TF",
    vehicle: { kind: "stock", vin: "LSVAU2180N2183294" },
    lines: [
      { kind: "vehicle", description: "Passat 380TSI 豪华版", amount: { amount: 22_990_000 } },
      {
        kind: "accessory",
        description: "脚垫",
        code: "ACC-MAT",
        quantity: 2,
        amount: { amount: 45_000 },
      },
      { kind: "fee", description: "上牌服务费", code: "FEE-PLATE", amount: { amount: 150_000 } },
      { kind: "discount", description: "车展优惠", amount: { amount: -1_000_000 } },
      { kind: "trade_in_credit", description: "置换 2018 Golf", amount: { amount: -4_500_000 } },
    ],
    tradeIn: {
      brand: "Volkswagen",
      model: "Golf",
      year: 2018,
      mileageKm: 62_000,
      appraisedValue: { amount: 4_500_000 },
    },
    financing: {
      lender: "上汽通用汽车金融",
      downPayment: { amount: 5_000_000 },
      termMonths: 36,
      annualRateBps: 399,
    },
  },
  {
    at: "2026-11-27T02:10:00Z",
    orderNumber: PUSH_TEST_ORDER_NUMBER,
    id: PUSH_TEST_ORDER_ID,
  },
);

/** The stored SDK order, approved the same morning. */
export const PUSH_TEST_SDK_ORDER: Order = {
  ...entered,
  status: "approved",
  statusHistory: [
    { from: "draft", to: "submitted", at: "2026-11-27T02:12:00Z" },
    { from: "submitted", to: "approved", at: "2026-11-27T02:40:00Z" },
  ],
  version: 3,
};

export const PUSH_TEST_ORDER: PushOrder = buildPushOrder({
  order: PUSH_TEST_SDK_ORDER,
  customer: {
    id: "cus_01JF3Q6Z8X4M2W9KX7V1B5N0TD",
    name: "王芳",
    phone: "+8613912345678",
    email: "wang.fang@example.cn",
  },
  store: { code: "BJ01", name: "北京朝阳体验中心" },
  salesperson: { name: "李雷" },
  dueDate: "2026-12-27",
});

/** The test order with some fields replaced (a business customer, another number …). */
export function pushTestOrder(overrides: Partial<PushOrderInput> = {}): PushOrder {
  return pushOrderSchema.parse({ ...PUSH_TEST_ORDER, ...overrides });
}

/** The connector error a push fails with; throws when it succeeds or fails with something else. */
export async function pushFailure(pushing: Promise<unknown>): Promise<ConnectorError> {
  try {
    await pushing;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error("expected the push to fail");
}

/** Everything an error shows — message, raw body, cause — to check that no secret is in it. */
export function shownText(error: ConnectorError): string {
  return `${error.message} ${JSON.stringify(error.raw ?? null)} ${String(error.cause ?? "")}`;
}
