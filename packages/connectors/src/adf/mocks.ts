import type { InboundRequestInfo } from "../define.js";
import { DEFAULT_ADF_KEY_HEADER, DEFAULT_ADF_KEY_PARAM } from "./index.js";

/**
 * Builders for what ADF senders post — the bare document, a lead email as text, a raw MIME
 * message with the document base64- or quoted-printable-encoded — for tests of the connector and
 * of the hub's webhook. ADF has no vendor API to call, so there are no msw handlers here.
 */

export * from "./fixtures.js";

const encoder = new TextEncoder();

export interface AdfPost {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

export interface AdfPostOptions {
  /** Defaults to `application/xml`. */
  contentType?: string;
  /** Shared key sent in the default header, the default query parameter, or as basic credentials. */
  auth?:
    | { header: string; name?: string }
    | { query: string; name?: string }
    | { username: string; password: string };
  url?: string;
  receivedAt?: number;
}

/** An HTTP POST of `body` to the connection's webhook, as the hub receives it. */
export function adfPost(body: string | Uint8Array, options: AdfPostOptions = {}): AdfPost {
  const url = new URL(options.url ?? "https://hub.example.test/v1/hooks/conn_01ADF");
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/xml",
  };
  const auth = options.auth;
  if (auth && "header" in auth) headers[auth.name ?? DEFAULT_ADF_KEY_HEADER] = auth.header;
  if (auth && "query" in auth) url.searchParams.set(auth.name ?? DEFAULT_ADF_KEY_PARAM, auth.query);
  if (auth && "username" in auth) {
    const bytes = encoder.encode(`${auth.username}:${auth.password}`);
    headers.authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  }
  return {
    rawBody: typeof body === "string" ? encoder.encode(body) : body,
    headers,
    request: {
      method: "POST",
      url: url.toString(),
      receivedAt: options.receivedAt ?? Date.parse("2026-11-27T02:43:00Z"),
    },
  };
}

/** A lead email's plain-text body, with the document between a greeting and a signature. */
export function adfEmailText(document: string): string {
  return `您好，

您有一条新的线索，详情如下（ADF 格式）：

${document}

-- 
此邮件由系统自动发送，请勿回复。
`;
}

function base64Lines(text: string): string {
  const bytes = encoder.encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return (btoa(binary).match(/.{1,76}/g) ?? []).join("\r\n");
}

function quotedPrintable(text: string): string {
  const bytes = encoder.encode(text);
  let out = "";
  let line = 0;
  for (const byte of bytes) {
    const literal = (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32;
    const piece =
      byte === 10
        ? "\r\n"
        : literal
          ? String.fromCharCode(byte)
          : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    if (byte === 10) {
      out += piece;
      line = 0;
      continue;
    }
    if (line + piece.length > 75) {
      out += "=\r\n";
      line = 0;
    }
    out += piece;
    line += piece.length;
  }
  return out;
}

export interface AdfEmailOptions {
  transferEncoding?: "base64" | "quoted-printable" | "8bit";
  /** Put the document in an `application/xml` attachment rather than the text part. */
  asAttachment?: boolean;
  boundary?: string;
}

/** A raw MIME message (what mail-to-HTTP forwarders post) carrying the document. */
export function adfEmail(document: string, options: AdfEmailOptions = {}): string {
  const encoding = options.transferEncoding ?? "base64";
  const boundary = options.boundary ?? "=_forecourt_7f3a";
  const encode = (text: string) =>
    encoding === "base64"
      ? base64Lines(text)
      : encoding === "quoted-printable"
        ? quotedPrintable(text)
        : text;
  const textPart = options.asAttachment ? "请查看附件中的线索。\r\n" : adfEmailText(document);
  const parts = [
    [
      `Content-Type: text/plain; charset="utf-8"`,
      `Content-Transfer-Encoding: ${encoding}`,
      "",
      encode(textPart),
    ].join("\r\n"),
  ];
  if (options.asAttachment) {
    parts.push(
      [
        `Content-Type: application/xml; charset=utf-8; name="lead.xml"`,
        `Content-Disposition: attachment; filename="lead.xml"`,
        `Content-Transfer-Encoding: ${encoding}`,
        "",
        encode(document),
      ].join("\r\n"),
    );
  }
  return [
    "From: leads@chejia-portal.example.cn",
    "To: adf@pudong-byd.example.cn",
    "Subject: =?UTF-8?B?5paw57q/57Si?=",
    "Date: Fri, 27 Nov 2026 10:42:20 +0800",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed;\r\n boundary="${boundary}"`,
    "",
    "This is a multi-part message in MIME format.",
    ...parts.map((part) => `--${boundary}\r\n${part}`),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
