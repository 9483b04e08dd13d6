import { hmacSha256, toHex } from "../crypto.js";
import type { HandshakeRequest, InboundRequestInfo } from "../define.js";
import { META_TEST_APP_SECRET, META_TEST_PAGE_ID, META_TEST_VERIFY_TOKEN } from "./fixtures.js";
import type { LeadgenValue } from "./types.js";

/** Meta's side of the webhook: notification bodies as Meta writes them, signed, and the handshake. */

/** A `leadgen` change's value as the notification builder takes it: ids as decimal strings. */
export type LeadgenChange = Pick<LeadgenValue, "created_time"> & {
  leadgen_id: string;
  page_id?: string;
  form_id?: string;
  ad_id?: string;
  adgroup_id?: string;
};

/**
 * A notification body as Meta writes it: ids as bare JSON numbers (so ids above 2^53 are only
 * exact in the text), one entry per page, several changes per entry.
 */
export function metaLeadgenNotification(
  changes: readonly LeadgenChange[],
  options: { entryTime?: number; extraChanges?: Array<{ field: string; value: unknown }> } = {},
): string {
  const pages = new Map<string, LeadgenChange[]>();
  for (const change of changes) {
    const page = String(change.page_id ?? META_TEST_PAGE_ID);
    pages.set(page, [...(pages.get(page) ?? []), change]);
  }
  const body = {
    object: "page",
    entry: [...pages].map(([pageId, pageChanges], index) => ({
      id: pageId,
      time: options.entryTime ?? 1_795_747_333,
      changes: [
        ...pageChanges.map((value) => ({
          field: "leadgen",
          value: { page_id: pageId, created_time: 1_795_747_333, ...value },
        })),
        ...(index === 0 ? (options.extraChanges ?? []) : []),
      ],
    })),
  };
  return JSON.stringify(body).replace(
    /"(id|leadgen_id|page_id|form_id|ad_id|adgroup_id)":"(\d+)"/g,
    '"$1":$2',
  );
}

/** `sha256=<hex>` of the exact bytes, as Meta signs. */
export async function signMetaBody(body: string | Uint8Array, appSecret = META_TEST_APP_SECRET) {
  return `sha256=${toHex(await hmacSha256(appSecret, body))}`;
}

export interface MetaPost {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

/** A signed POST of `body` to the connection's webhook, as the hub receives it. */
export async function metaNotificationPost(
  body: string,
  options: { appSecret?: string; signature?: string | null; url?: string } = {},
): Promise<MetaPost> {
  const rawBody = new TextEncoder().encode(body);
  const signature =
    options.signature === undefined
      ? await signMetaBody(rawBody, options.appSecret)
      : options.signature;
  return {
    rawBody,
    headers: {
      "content-type": "application/json",
      "user-agent": "facebookexternalua",
      ...(signature !== null && { "x-hub-signature-256": signature }),
    },
    request: {
      method: "POST",
      url: options.url ?? "https://hub.example.test/v1/hooks/conn_01META",
      receivedAt: Date.parse("2026-11-27T02:42:20Z"),
    },
  };
}

/** The subscription check Meta sends when the webhook is set up. */
export function metaHandshakeRequest(
  verifyToken: string = META_TEST_VERIFY_TOKEN,
  challenge = "1158201444",
): HandshakeRequest {
  const url = new URL("https://hub.example.test/v1/hooks/conn_01META");
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.challenge", challenge);
  url.searchParams.set("hub.verify_token", verifyToken);
  return {
    method: "GET",
    url: url.toString(),
    headers: {},
    receivedAt: Date.parse("2026-11-27T02:00:00Z"),
  };
}
