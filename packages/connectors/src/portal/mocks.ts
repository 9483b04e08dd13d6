import { type HttpHandler, HttpResponse, http, type JsonBodyType } from "msw";
import { bytesConcat, hmacSha256, timingSafeEqual, toHex } from "../crypto.js";
import type { InboundRequestInfo } from "../define.js";
import { sortedParamsSignature } from "../param-signing.js";
import { formatWallClock, parseVendorTime } from "../vendor-time.js";
import type { PortalConfig } from "./config.js";
import { type PortalRecord, readPath } from "./records.js";

/**
 * A car portal for tests, shaped by the connection's own config (the presets are assumptions,
 * so the mock follows whatever the config says): for pulls, msw handlers that check the bearer
 * token or the MD5 signature and its timestamp, filter by the window, page, and answer in the
 * configured envelope — failing with the configured auth and rate-limit codes, HTTP 401/429
 * with Retry-After, 5xx and malformed bodies; for pushes, request builders signed by each scheme.
 */

/** Sets a value at a dotted path, creating objects on the way. */
function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let current = target;
  for (const key of keys.slice(0, -1)) {
    current[key] ??= {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys.at(-1)!] = value;
}

/** A portal answer in the config's envelope: records at `recordsPath`, code and pages beside. */
export function portalAnswer(
  config: PortalConfig,
  records: readonly PortalRecord[],
  totalPages: number,
): JsonBodyType {
  const pull = config.pull;
  if (config.recordsPath === "") return records as JsonBodyType;
  const body: Record<string, unknown> = {};
  if (pull?.codePath) writePath(body, pull.codePath, Number(pull.okCodes[0] ?? 0));
  if (pull?.messagePath) writePath(body, pull.messagePath, "");
  writePath(body, config.recordsPath, records);
  if (pull?.totalPagesPath) writePath(body, pull.totalPagesPath, totalPages);
  return body as JsonBodyType;
}

/** An error answer in the config's envelope: HTTP 200 with the portal's code. */
export function portalCodeAnswer(config: PortalConfig, code: string, message: string) {
  const body: Record<string, unknown> = {};
  writePath(
    body,
    config.pull?.codePath ?? "code",
    Number.isNaN(Number(code)) ? code : Number(code),
  );
  writePath(body, config.pull?.messagePath ?? "message", message);
  return HttpResponse.json(body);
}

function timeField(config: PortalConfig): string | undefined {
  return Object.entries(config.fieldMap).find(([, path]) => path === "occurredAt")?.[0];
}

/** The portal's lead list for a pull-mode connection; pass to `setupServer`. */
export function portalHandlers(
  config: PortalConfig,
  records: readonly PortalRecord[],
  options: { now?: () => number; onRequest?(query: URLSearchParams): void } = {},
): HttpHandler[] {
  const pull = config.pull;
  if (config.baseUrl === undefined || pull === undefined) return [];
  const now = options.now ?? (() => Date.now());
  const authCode = pull.authCodes[0] ?? "401";
  const field = timeField(config);
  const readTime = (value: string | null) =>
    pull.timeFormat === "wall_clock"
      ? parseVendorTime(value, config.timeZone)
      : parseVendorTime(value);
  return [
    http.get(`${config.baseUrl.replace(/\/+$/, "")}${pull.path}`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const signing = config.signing;
      if (signing.scheme === "bearer") {
        if (request.headers.get("authorization") !== `Bearer ${signing.token}`) {
          return portalCodeAnswer(config, authCode, "invalid access token");
        }
      } else if (signing.scheme === "md5_sorted") {
        const expected = sortedParamsSignature(signing.appSecret, query, "", {
          format: signing.format,
          secretPlacement: signing.secretPlacement,
          letterCase: signing.letterCase,
          exclude: [signing.signParam],
        });
        const signedAt = parseVendorTime(query.get(signing.timestampParam));
        if (
          query.get(signing.appKeyParam) !== signing.appKey ||
          !timingSafeEqual(query.get(signing.signParam) ?? "", expected) ||
          signedAt === undefined ||
          Math.abs(now() - signedAt) > config.timestampToleranceMs
        ) {
          return portalCodeAnswer(config, authCode, "sign error");
        }
      }
      options.onRequest?.(query);
      const start = readTime(query.get(pull.startParam));
      const end = readTime(query.get(pull.endParam));
      const page = Number(query.get(pull.pageParam));
      const size = Number(query.get(pull.pageSizeParam));
      if (start === undefined || end === undefined || !(page >= 1) || !(size >= 1)) {
        return portalCodeAnswer(config, "400", "bad parameters");
      }
      const visible = records.filter((record) => {
        if (field === undefined) return true;
        const at = parseVendorTime(String(readPath(record, field) ?? ""), config.timeZone);
        return at !== undefined && at >= start && at <= end;
      });
      const slice = visible.slice((page - 1) * size, page * size);
      return HttpResponse.json(portalAnswer(config, slice, Math.ceil(visible.length / size)));
    }),
  ];
}

export type PortalFailure =
  | { kind: "code"; code: string; message?: string }
  | { kind: "http"; status: 401 | 403 | 429 | 500 | 502 | 503; retryAfterSeconds?: number }
  | { kind: "html" }
  | { kind: "shape" };

/** A failing answer of the portal's list endpoint. */
export function portalFailure(
  config: PortalConfig,
  failure: PortalFailure,
  options: { once?: boolean } = {},
): HttpHandler {
  const url = `${(config.baseUrl ?? "").replace(/\/+$/, "")}${config.pull?.path ?? "/"}`;
  return http.get(
    url,
    () => {
      if (failure.kind === "code")
        return portalCodeAnswer(config, failure.code, failure.message ?? "error");
      if (failure.kind === "html") return HttpResponse.html("<html><body>维护中</body></html>");
      if (failure.kind === "shape") return HttpResponse.json({ oops: true });
      return new HttpResponse("busy", {
        status: failure.status,
        headers:
          failure.retryAfterSeconds === undefined
            ? {}
            : { "retry-after": String(failure.retryAfterSeconds) },
      });
    },
    { once: options.once ?? false },
  );
}

export interface PortalPost {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

export interface PortalPushOptions {
  /** When the portal signed it (epoch ms); defaults to `receivedAt`. */
  signedAt?: number;
  receivedAt?: number;
  /** Signs with this secret (or token) instead of the config's. */
  secret?: string;
  form?: boolean;
  /** Changes the body after signing. */
  afterSigning?: (body: string) => string;
}

/** A push of `body` (an object, a list, or raw text) signed by the connection's scheme. */
export async function portalPush(
  config: PortalConfig,
  body: unknown,
  options: PortalPushOptions = {},
): Promise<PortalPost> {
  const receivedAt = options.receivedAt ?? Date.parse("2026-11-27T02:42:15Z");
  const signedAt = options.signedAt ?? receivedAt - 2_000;
  const url = new URL("https://hub.example.test/v1/hooks/conn_01PORTAL");
  const headers: Record<string, string> = {
    "content-type": options.form ? "application/x-www-form-urlencoded" : "application/json",
  };
  const text =
    typeof body === "string"
      ? body
      : options.form
        ? new URLSearchParams(body as Record<string, string>).toString()
        : JSON.stringify(body);
  const signing = config.signing;
  if (signing.scheme === "bearer") {
    headers.authorization = `Bearer ${options.secret ?? signing.token}`;
  } else if (signing.scheme === "hmac_sha256") {
    const timestamp = String(Math.floor(signedAt / 1000));
    const content = new TextEncoder().encode(text);
    const signed = signing.timestampHeader
      ? bytesConcat(new TextEncoder().encode(`${timestamp}${signing.separator}`), content)
      : content;
    const digest = await hmacSha256(options.secret ?? signing.secret, signed);
    headers[signing.header] =
      signing.prefix +
      (signing.encoding === "hex" ? toHex(digest) : btoa(String.fromCharCode(...digest)));
    if (signing.timestampHeader) headers[signing.timestampHeader] = timestamp;
  } else {
    url.searchParams.set(signing.appKeyParam, signing.appKey);
    url.searchParams.set(signing.timestampParam, formatWallClock(signedAt, config.timeZone));
    const params = new URLSearchParams(url.searchParams);
    if (options.form) {
      new URLSearchParams(text).forEach((value, key) => {
        params.append(key, value);
      });
    }
    url.searchParams.set(
      signing.signParam,
      sortedParamsSignature(options.secret ?? signing.appSecret, params, options.form ? "" : text, {
        format: signing.format,
        secretPlacement: signing.secretPlacement,
        letterCase: signing.letterCase,
        exclude: [signing.signParam],
      }),
    );
  }
  const sent = options.afterSigning ? options.afterSigning(text) : text;
  return {
    rawBody: new TextEncoder().encode(sent),
    headers,
    request: { method: "POST", url: url.toString(), receivedAt },
  };
}

/** `count` portal records shaped by a field map (the fields mapped to each lead path). */
export function portalRecords(
  config: Pick<PortalConfig, "fieldMap" | "timeZone">,
  count: number,
  firstAt = Date.parse("2026-11-26T00:00:00Z"),
): PortalRecord[] {
  const fieldFor = (path: string) =>
    Object.entries(config.fieldMap).find(([, target]) => target === path)?.[0];
  return Array.from({ length: count }, (_, n) => {
    const record: Record<string, unknown> = {};
    const set = (path: string, value: unknown) => {
      const field = fieldFor(path);
      if (field !== undefined) writePath(record, field, value);
    };
    set("externalId", `PL${String(100_000 + n)}`);
    set("contact.name", `客户${n + 1}`);
    set("contact.phone", `135${String(10_000_000 + n).slice(-8)}`);
    set("interest.series", "汉");
    set("city", "上海");
    set("occurredAt", formatWallClock(firstAt + n * 60_000, config.timeZone));
    return record;
  });
}
