import { type HttpHandler, HttpResponse, http } from "msw";
import { FaultQueue, type LostResponse, lostResponse } from "../mock-helpers.js";
import { YONYOU_GATEWAY_LOOKUP_URL } from "./config.js";
import type { YonyouBody, YonyouOrderRecord } from "./types.js";

export * from "../push-fixtures.js";

/**
 * A YonBIP tenant in memory behind msw handlers for the gateway lookup, the self-built app's
 * token (its HMAC-SHA256 signature checked, tokens living 7200 s) and the sales-order
 * `singleSave` and `list` APIs — `{ code, message, data }` answers with HTTP 200 as YonBIP sends
 * them. `resubmitCheckKey` is remembered: a repeated key is refused as a repeated submission
 * (`resubmit: "reject"`, the default) or answered with the first order (`"replay"`). Failures can
 * be queued and a save's response lost after the order was made; creations, token requests and
 * gateway lookups are counted. The error codes are placeholders where YonBIP's are unconfirmed
 * (see docs/connectors/yonyou.md).
 */

export const YONYOU_TEST_TENANT_ID = "qyic8c7o";
export const YONYOU_TEST_APP_KEY = "41a3b9c2e5d74f10a8b6c3d2e1f09a87";
export const YONYOU_TEST_APP_SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
export const YONYOU_TEST_GATEWAY_URL = "https://c2.yonyoucloud.test/iuap-api-gateway";
export const YONYOU_TEST_TOKEN_URL = "https://c2.yonyoucloud.test/iuap-api-auth";

export type YonyouOperation = "gateway" | "token" | "save" | "list";
export type YonyouFault =
  | { kind: "throttle"; retryAfterSeconds?: number }
  | { kind: "server"; status?: 500 | 502 | 503 }
  | { kind: "rejected"; code?: string; message: string }
  | { kind: "token_expired" }
  | { kind: "timeout" };

export interface YonyouMockOptions {
  lookupBaseUrl?: string;
  gatewayUrl?: string;
  tokenUrl?: string;
  /** Product ids the tenant has. */
  products?: string[];
  /** Customer (`agentId`) ids. */
  agents?: string[];
  resubmit?: "reject" | "replay";
}

const ok = <D>(data: D, code = "200"): YonyouBody<D> => ({
  code,
  message: code === "200" ? "操作成功" : "成功",
  data,
});
const failed = (code: string, message: string): YonyouBody => ({ code, message });

async function signatureOf(appKey: string, secret: string, timestamp: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, encoder.encode(`appKey${appKey}timestamp${timestamp}`)),
  );
  return btoa(String.fromCharCode(...mac));
}

export function yonyouMock(options: YonyouMockOptions = {}) {
  const lookup = (options.lookupBaseUrl ?? YONYOU_GATEWAY_LOOKUP_URL).replace(/\/+$/, "");
  const gateway = options.gatewayUrl ?? YONYOU_TEST_GATEWAY_URL;
  const auth = options.tokenUrl ?? YONYOU_TEST_TOKEN_URL;
  const products = new Set(
    options.products ?? ["1001A1100000000CAR1", "1001A1100000000ACC1", "1001A1100000000SVC1"],
  );
  const agents = new Set(options.agents ?? ["2002B2200000000WALK", "2002B2200000000WANG"]);
  const faults = new FaultQueue<YonyouFault>();
  const losses = new FaultQueue<LostResponse>();
  const liveTokens = new Set<string>();
  const resubmitKeys = new Map<string, string>();
  const orders = new Map<string, YonyouOrderRecord>();
  let nextId = 1_874_520_000_000_001n;
  const mock = {
    orders,
    created: 0,
    tokenRequests: 0,
    gatewayLookups: 0,
    /** The next this many list queries do not see orders yet (a list that lags behind saves). */
    listLag: 0,
    /** Every token stops working (YonBIP revoked or expired them). */
    expireTokens() {
      liveTokens.clear();
    },
    fail(fault: YonyouFault, on: { on?: YonyouOperation; times?: number } = {}) {
      faults.add(fault, on);
    },
    loseResponse(how: LostResponse = "timeout") {
      losses.add(how, { on: "save" });
    },
    handlers: [] as HttpHandler[],
  };

  async function injected(operation: YonyouOperation): Promise<Response | undefined> {
    const next = faults.take(operation);
    if (next === undefined) return undefined;
    switch (next.kind) {
      case "throttle":
        return HttpResponse.json(failed("429", "访问频率过高，请稍后重试"), {
          status: 429,
          headers: { "retry-after": String(next.retryAfterSeconds ?? 60) },
        });
      case "server":
        return HttpResponse.html("<html><body>502 Bad Gateway</body></html>", {
          status: next.status ?? 502,
        });
      case "rejected":
        return HttpResponse.json(failed(next.code ?? "999", next.message));
      case "token_expired":
        return HttpResponse.json(failed("401", "access_token 已失效，请重新获取"));
      case "timeout":
        return lostResponse("timeout");
    }
  }

  function tokenOf(request: Request): boolean {
    return liveTokens.has(new URL(request.url).searchParams.get("access_token") ?? "");
  }

  function save(
    data: Record<string, unknown>,
    numberField: string,
  ): YonyouBody<YonyouOrderRecord> | YonyouBody {
    const details = (data.orderDetails as { productId?: string }[] | undefined) ?? [];
    if (data._status !== "Insert") return failed("999", "_status 必须为 Insert");
    if (!agents.has(String(data.agentId)))
      return failed("999", `客户[${String(data.agentId)}]不存在或未分配到销售组织`);
    const missing = details.find((detail) => !products.has(detail.productId ?? ""));
    if (details.length === 0 || missing)
      return failed("999", `保存失败：物料[${missing?.productId ?? "无"}]不存在`);
    const code = String(data[numberField] ?? `SO${nextId}`);
    if ([...orders.values()].some((order) => order[numberField] === code))
      return failed("999", `单据编号[${code}]已存在`);
    const record: YonyouOrderRecord = {
      ...data,
      id: String(nextId++),
      code,
      agentId: String(data.agentId),
    };
    orders.set(record.id, record);
    mock.created += 1;
    return ok(record);
  }

  mock.handlers = [
    http.get(`${lookup}/open-auth/dataCenter/getGatewayAddress`, async ({ request }) => {
      const failure = await injected("gateway");
      if (failure) return failure;
      mock.gatewayLookups += 1;
      if (new URL(request.url).searchParams.get("tenantId") !== YONYOU_TEST_TENANT_ID)
        return HttpResponse.json(failed("1005", "租户不存在"));
      return HttpResponse.json(ok({ gatewayUrl: gateway, tokenUrl: auth }, "00000"));
    }),
    http.get(`${auth}/open-auth/selfAppAuth/getAccessToken`, async ({ request }) => {
      const failure = await injected("token");
      if (failure) return failure;
      mock.tokenRequests += 1;
      const query = new URL(request.url).searchParams;
      const timestamp = query.get("timestamp") ?? "";
      if (query.get("appKey") !== YONYOU_TEST_APP_KEY)
        return HttpResponse.json(failed("1001", "appKey 不存在"));
      if (
        query.get("signature") !==
        (await signatureOf(YONYOU_TEST_APP_KEY, YONYOU_TEST_APP_SECRET, timestamp))
      ) {
        return HttpResponse.json(failed("1002", "签名验证失败"));
      }
      const token = `yt${crypto.randomUUID().replace(/-/g, "")}`;
      liveTokens.add(token);
      return HttpResponse.json(ok({ access_token: token, expire: 7200 }, "00000"));
    }),
    http.post(`${gateway}/yonbip/sd/voucherorder/list`, async ({ request }) => {
      const failure = await injected("list");
      if (failure) return failure;
      if (!tokenOf(request))
        return HttpResponse.json(failed("401", "access_token 已失效，请重新获取"));
      const body = (await request.json()) as {
        simpleVOs?: { field: string; op: string; value1: string }[];
      };
      const filters = body.simpleVOs ?? [];
      const lagging = mock.listLag > 0;
      if (lagging) mock.listLag -= 1;
      const recordList = [...(lagging ? [] : orders.values())].filter((order) =>
        filters.every((f) => f.op === "eq" && order[f.field] === f.value1),
      );
      return HttpResponse.json(
        ok({ pageIndex: 1, pageSize: 10, recordCount: recordList.length, recordList }),
      );
    }),
    http.post(`${gateway}/yonbip/sd/voucherorder/singleSave`, async ({ request }) => {
      const failure = await injected("save");
      if (failure) return failure;
      if (!tokenOf(request))
        return HttpResponse.json(failed("401", "access_token 已失效，请重新获取"));
      const { data = {} } = (await request.json()) as { data?: Record<string, unknown> };
      const key = typeof data.resubmitCheckKey === "string" ? data.resubmitCheckKey : undefined;
      const earlier = key === undefined ? undefined : resubmitKeys.get(key);
      if (earlier !== undefined) {
        return HttpResponse.json(
          options.resubmit === "replay"
            ? ok(orders.get(earlier)!)
            : failed("999", `单据已提交，请勿重复提交（resubmitCheckKey：${key}）`),
        );
      }
      const answer = save(data, "code");
      if (answer.code === "200" && key !== undefined)
        resubmitKeys.set(key, (answer.data as YonyouOrderRecord).id);
      const lost = answer.code === "200" ? losses.take("save") : undefined;
      if (lost) return lostResponse(lost);
      return HttpResponse.json(answer);
    }),
  ];
  return mock;
}

export type YonyouMock = ReturnType<typeof yonyouMock>;
