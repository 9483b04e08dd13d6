import type { InboundRequestInfo } from "../define.js";
import { type TopSignMethod, topSignature } from "../param-signing.js";
import { TMALL_LEADS_METHOD } from "./config.js";
import type { TmallLead } from "./types.js";

/**
 * What Qimen posts for `qimen.tmall.car.leads.synchronize`, signed as Qimen signs, for tests here
 * and in the hub. Tmall only calls us, so there are no msw handlers: these builders are the
 * vendor side, including its failures (a wrong secret, a replayed old timestamp, a body changed
 * after signing, XML, a lead without a mobile).
 */

export const TMALL_TEST_APP_KEY = "23456789";
export const TMALL_TEST_APP_SECRET = "tmallcar0qimen0secret0123456789a";
export const TMALL_TEST_CUSTOMER_ID = "c1234567";

/** A complete lead as Tmall Car sends it. Person made up. */
export const TMALL_LEAD: TmallLead = {
  name: "赵敏",
  mobile: "13612345678",
  attr: { store_id: "5001234", store_code: "SH-PD-01" },
  brand: "比亚迪",
  line: "汉",
  year: "2026",
  model: "汉 EV 荣耀版 605km",
  price: "209800",
  district_id: "310115",
  price_memo: "含置换补贴 8000 元",
};

export interface QimenPostOptions {
  signMethod?: TopSignMethod;
  /** Signs with this secret instead of the test secret. */
  secret?: string;
  appKey?: string;
  method?: string;
  /** Qimen's `timestamp`, Beijing wall clock. */
  timestamp?: string;
  format?: "json" | "xml";
  customerId?: string;
  /** Sends the lead as form fields (`attr` as JSON text) instead of a JSON body. */
  form?: boolean;
  /** Changes the body after signing (a tampered or re-serialised body). */
  afterSigning?: (body: string) => string;
  receivedAt?: number;
}

export interface QimenPost {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

/** A signed Qimen POST of `lead` (or of raw body text) to the connection's webhook. */
export async function tmallLeadPost(
  lead: TmallLead | string,
  options: QimenPostOptions = {},
): Promise<QimenPost> {
  const params = new URLSearchParams({
    method: options.method ?? TMALL_LEADS_METHOD,
    app_key: options.appKey ?? TMALL_TEST_APP_KEY,
    timestamp: options.timestamp ?? "2026-11-27 10:42:13",
    v: "2.0",
    format: options.format ?? "json",
    sign_method: options.signMethod ?? "md5",
    customerId: options.customerId ?? TMALL_TEST_CUSTOMER_ID,
  });
  let body: string;
  let signedBody: string;
  const signedParams = new URLSearchParams(params);
  if (options.form && typeof lead !== "string") {
    const fields = new URLSearchParams();
    for (const [key, value] of Object.entries(lead)) {
      if (value === undefined) continue;
      const text = typeof value === "object" ? JSON.stringify(value) : String(value);
      fields.set(key, text);
      signedParams.set(key, text);
    }
    body = fields.toString();
    signedBody = "";
  } else {
    body = typeof lead === "string" ? lead : JSON.stringify(lead);
    signedBody = body;
  }
  params.set(
    "sign",
    await topSignature(
      options.signMethod ?? "md5",
      options.secret ?? TMALL_TEST_APP_SECRET,
      signedParams,
      signedBody,
    ),
  );
  const sent = options.afterSigning ? options.afterSigning(body) : body;
  return {
    rawBody: new TextEncoder().encode(sent),
    headers: {
      "content-type": options.form
        ? "application/x-www-form-urlencoded;charset=utf-8"
        : options.format === "xml"
          ? "text/xml;charset=utf-8"
          : "application/json;charset=utf-8",
      "user-agent": "Qimen-Gateway",
    },
    request: {
      method: "POST",
      url: `https://hub.example.test/v1/hooks/conn_01TMALL?${params.toString()}`,
      receivedAt: options.receivedAt ?? Date.parse("2026-11-27T02:42:15Z"),
    },
  };
}
