import { parseConfig, redactConfig } from "@forecourt/connectors";
import { describe, expect, it } from "vitest";
import type { LeadSourceEvent } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { adfConnector } from "./index.js";
import {
  adfEmail,
  adfEmailText,
  adfPost,
  ENTITY_BOMB_ADF,
  NO_ID_ADF,
  PORTAL_ADF,
  TWO_PROSPECTS_ADF,
  UNREACHABLE_ADF,
} from "./mocks.js";

const KEY = "adf-key-9b1f6e2c4d7a";
const keyed = parseConfig(adfConnector, { auth: { kind: "shared_secret", key: KEY } });
const basic = parseConfig(adfConnector, {
  auth: { kind: "basic", username: "chejia", password: "correct horse battery" },
});
const webhook = adfConnector.webhook!;

async function verify(post: ReturnType<typeof adfPost>, config = keyed) {
  return webhook.verify(post.rawBody, post.headers, config, post.request);
}

async function parse(post: ReturnType<typeof adfPost>, config = keyed) {
  return webhook.parse(post.rawBody, post.headers, config, post.request);
}

async function failure(promise: Promise<unknown>): Promise<PermanentConnectorError> {
  return promise.then(
    () => expect.unreachable("should have failed"),
    (error: PermanentConnectorError) => error,
  );
}

describe("ADF config", () => {
  it("marks the shared key and the basic password secret", () => {
    expect(redactConfig(adfConnector, keyed).auth).toMatchObject({ key: "[redacted]" });
    expect(redactConfig(adfConnector, basic).auth).toMatchObject({
      username: "chejia",
      password: "[redacted]",
    });
  });

  it("refuses a short key", () => {
    expect(() =>
      parseConfig(adfConnector, { auth: { kind: "shared_secret", key: "short" } }),
    ).toThrow(/at least 16/);
  });
});

describe("ADF verify", () => {
  it("accepts the key in the header or the query parameter", async () => {
    expect(await verify(adfPost(PORTAL_ADF, { auth: { header: KEY } }))).toEqual({ ok: true });
    expect(await verify(adfPost(PORTAL_ADF, { auth: { query: KEY } }))).toEqual({ ok: true });
  });

  it("refuses a wrong or missing key, without showing the expected one", async () => {
    const wrong = await verify(adfPost(PORTAL_ADF, { auth: { header: `${KEY}x` } }));
    expect(wrong).toEqual({ ok: false, reason: "shared key does not match" });
    const missing = await verify(adfPost(PORTAL_ADF));
    expect(missing.ok).toBe(false);
    expect(JSON.stringify(missing)).toContain("missing shared key");
    expect(JSON.stringify(missing)).not.toContain(KEY);
  });

  it("honours where the connection accepts the key", async () => {
    const headerOnly = parseConfig(adfConnector, {
      auth: { kind: "shared_secret", key: KEY, accept: "header", header: "x-portal-token" },
    });
    expect(await verify(adfPost(PORTAL_ADF, { auth: { query: KEY } }), headerOnly)).toMatchObject({
      ok: false,
    });
    expect(
      await verify(
        adfPost(PORTAL_ADF, { auth: { header: KEY, name: "X-Portal-Token" } }),
        headerOnly,
      ),
    ).toEqual({ ok: true });
  });

  it("checks HTTP basic credentials", async () => {
    const good = adfPost(PORTAL_ADF, {
      auth: { username: "chejia", password: "correct horse battery" },
    });
    expect(await verify(good, basic)).toEqual({ ok: true });
    const badPassword = adfPost(PORTAL_ADF, { auth: { username: "chejia", password: "wrong" } });
    expect(await verify(badPassword, basic)).toMatchObject({ ok: false });
    const badUser = adfPost(PORTAL_ADF, {
      auth: { username: "other", password: "correct horse battery" },
    });
    expect(await verify(badUser, basic)).toMatchObject({ ok: false });
    expect(await verify(adfPost(PORTAL_ADF), basic)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/missing HTTP basic/),
    });
    const garbage = adfPost(PORTAL_ADF);
    garbage.headers.authorization = "Basic !!!";
    expect(await verify(garbage, basic)).toMatchObject({
      reason: "malformed HTTP basic credentials",
    });
  });
});

describe("ADF parse", () => {
  it.each(["application/xml", "text/xml", "application/x-adf+xml; charset=utf-8"])(
    "reads a %s body with the portal's id as externalId",
    async (contentType) => {
      const { events } = await parse(adfPost(PORTAL_ADF, { contentType }));
      expect(events).toHaveLength(1);
      const event = events[0] as LeadSourceEvent;
      expect(event.kind).toBe("lead");
      expect(event.externalId).toBe("CJ-20261127-000381");
      expect(event.occurredAt).toBe("2026-11-27T10:42:13+08:00");
      expect(event.lead).toMatchObject({
        source: "chejia-portal",
        channel: "portal",
        contact: { name: "王小明", email: "xiaoming.wang@example.cn" },
        interest: { brand: "BYD", model: "Seal", year: 2026 },
      });
      expect(event.lead.engagement?.testDriveRequested).toBe(true);
    },
  );

  it("uses a SHA-256 of the document when there is no <id>, stable across redelivery", async () => {
    const first = await parse(adfPost(NO_ID_ADF));
    const again = await parse(adfPost(NO_ID_ADF.replace(/\n/g, "\r\n")));
    const id = first.events[0]!.externalId;
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again.events[0]!.externalId).toBe(id);
    const other = await parse(adfPost(NO_ID_ADF.replace("Camry", "Corolla")));
    expect(other.events[0]!.externalId).not.toBe(id);
  });

  it("numbers the leads of a multi-prospect document", async () => {
    const { events } = await parse(adfPost(TWO_PROSPECTS_ADF));
    expect(events.map((e) => e.externalId)).toEqual([
      expect.stringMatching(/^sha256:[0-9a-f]{64}#1$/),
      expect.stringMatching(/^sha256:[0-9a-f]{64}#2$/),
    ]);
    expect(events[0]!.externalId.split("#")[0]).toBe(events[1]!.externalId.split("#")[0]);
  });

  it("finds the document in a lead email's text", async () => {
    const { events } = await parse(
      adfPost(adfEmailText(PORTAL_ADF), { contentType: "text/plain; charset=utf-8" }),
    );
    expect(events[0]!.externalId).toBe("CJ-20261127-000381");
  });

  it.each([
    ["base64", false],
    ["quoted-printable", false],
    ["8bit", false],
    ["base64", true],
    ["quoted-printable", true],
  ] as const)(
    "finds the document in a MIME message (%s, attachment: %s)",
    async (encoding, asAttachment) => {
      const mail = adfEmail(PORTAL_ADF, { transferEncoding: encoding, asAttachment });
      for (const contentType of ["message/rfc822", "text/plain"]) {
        const { events } = await parse(adfPost(mail, { contentType }));
        expect(events[0]!.externalId).toBe("CJ-20261127-000381");
        expect((events[0] as LeadSourceEvent).lead.contact.name).toBe("王小明");
      }
    },
  );

  it("reads a multipart body posted with its boundary in the request's Content-Type", async () => {
    const mail = adfEmail(PORTAL_ADF, { boundary: "b-123" });
    const body = mail.slice(mail.indexOf("\r\n\r\n") + 4);
    const { events } = await parse(
      adfPost(body, { contentType: 'multipart/mixed; boundary="b-123"' }),
    );
    expect(events[0]!.externalId).toBe("CJ-20261127-000381");
  });

  it("reads an HTML mail body that shows the XML escaped", async () => {
    const html = `<html><body><p>New lead:</p><pre>${PORTAL_ADF.replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")}</pre></body></html>`;
    const { events } = await parse(adfPost(html, { contentType: "text/html" }));
    expect(events[0]!.externalId).toBe("CJ-20261127-000381");
  });

  it("decodes a non-UTF-8 charset", async () => {
    const latin = NO_ID_ADF.replace(
      '<NAME part="first">Li</NAME>',
      '<NAME part="first">José</NAME>',
    );
    const bytes = Uint8Array.from(latin, (c) => c.charCodeAt(0));
    const { events } = await parse(
      adfPost(bytes, { contentType: "application/xml; charset=iso-8859-1" }),
    );
    expect((events[0] as LeadSourceEvent).lead.contact.name).toBe("José Na");
  });

  it("fails permanently with the parser's message for malformed or unsafe XML", async () => {
    const broken = await failure(parse(adfPost('{"lead": "json, not xml"}')));
    expect(broken).toBeInstanceOf(PermanentConnectorError);
    expect(broken.code).toBe("malformed_payload");
    expect(broken.message).toMatch(/Invalid ADF document: is not XML/);
    const bomb = await failure(parse(adfPost(ENTITY_BOMB_ADF)));
    expect(bomb.message).toMatch(/DOCTYPE/);
  });

  it("fails permanently when no document is found or no prospect is usable", async () => {
    const none = await failure(parse(adfPost("hello", { contentType: "text/plain" })));
    expect(none.message).toMatch(/no ADF document/);
    const unusable = await failure(parse(adfPost(UNREACHABLE_ADF)));
    expect(unusable.code).toBe("no_usable_prospect");
  });

  it("refuses a body far over the configured size", async () => {
    const small = parseConfig(adfConnector, {
      auth: { kind: "shared_secret", key: KEY },
      maxBytes: 1_000,
    });
    const error = await failure(parse(adfPost(PORTAL_ADF.repeat(3)), small));
    expect(error.code).toBe("payload_too_large");
  });

  it("applies a fixed source and idSource from the config", async () => {
    const config = parseConfig(adfConnector, {
      auth: { kind: "shared_secret", key: KEY },
      source: "chejia",
      channel: "website",
    });
    const { events } = await parse(adfPost(PORTAL_ADF), config);
    expect((events[0] as LeadSourceEvent).lead).toMatchObject({
      source: "chejia",
      channel: "website",
    });
  });
});

describe("ADF mapToLead", () => {
  it("maps one document to the lead of its first prospect", () => {
    expect(adfConnector.mapToLead!(PORTAL_ADF, keyed)).toMatchObject({
      externalId: "CJ-20261127-000381",
    });
    expect(() => adfConnector.mapToLead!(UNREACHABLE_ADF, keyed)).toThrow(PermanentConnectorError);
  });
});
