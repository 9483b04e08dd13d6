import { createHash } from "node:crypto";
import { readVcardLeads, VCARD_MAX_BYTES } from "@forecourt/connectors/vcard";
import { VCARD_FILE } from "@forecourt/connectors/vcard/mocks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, inbox } from "../src/db/schema.js";
import { withTenant } from "../src/db/tenant.js";
import { buildHub, type Hub } from "../src/hub.js";
import { availableBackends } from "./support/backends.js";
import { connectionOutcome, expectWorked, settled, until } from "./support/gateway.js";
import { caller, type LeadGroup, ok, seedLeadGroup } from "./support/leadGroup.js";

/**
 * CSV and vCard files through `POST /v1/connections/{id}/imports`: every usable row or card an
 * inbox entry and then a graded, assigned lead; every other one in the answer with where it is
 * and why; the same file again adds nothing.
 */

/**
 * A trade-show list as Chinese spreadsheets export it: a BOM, Chinese headers with a note in the
 * phone header, a quoted cell with a comma, one with a line break, a row-level source, and row 3
 * whose phone is not a number.
 */
const TRADE_SHOW_CSV =
  "\ufeff姓名,手机号码（必填）,邮箱,城市,意向车型,备注,来源\r\n" +
  '陈晨,13800138001,chen.chen@example.cn,杭州,极氪 001,"周末试驾, 下午有空",2026 杭州车展\r\n' +
  "王五,12345,,北京,,,\r\n" +
  '林琳,138 0013 8003,,上海,汉 EV,"想了解\r\n置换补贴",\r\n' +
  "赵六,13800138004,,深圳,Model Y,,\r\n";
const PHONE_HEADER = "手机号码（必填）";

const sha256 = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");
/** The CSV connector's id for a row of a file named `fileId`. */
const csvId = (fileId: string, row: number) => `csv:${sha256(fileId).slice(0, 24)}:${row}`;

describe.each(availableBackends())("file imports on $name", (backend) => {
  let hub: Hub;
  let cleanup: () => Promise<void>;
  let g: LeadGroup;
  let csvConnection: string;
  let vcardConnection: string;
  const call = caller(() => hub);
  const upload = (
    connectionId: string,
    file: string | Buffer,
    contentType: string,
    options: { key?: string; query?: string; headers?: Record<string, string> } = {},
  ) =>
    hub.app.inject({
      method: "POST",
      url: `/v1/connections/${connectionId}/imports${options.query ?? ""}`,
      payload: Buffer.isBuffer(file) ? file : Buffer.from(file),
      headers: {
        authorization: `Bearer ${options.key ?? g.admin}`,
        "content-type": contentType,
        ...options.headers,
      },
    });
  const outcome = (connectionId: string) => connectionOutcome(hub, g.tenantId, connectionId);
  const inboxCount = () =>
    withTenant(
      hub.services.db,
      g.tenantId,
      async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(inbox))[0]!.n,
    );

  beforeAll(async () => {
    const prepared = await backend.prepare();
    cleanup = prepared.cleanup;
    hub = await buildHub(prepared.config, { warn: () => {} });
    g = await seedLeadGroup(hub, "Import Motors", ["IM01", "IM02"]);
    const connect = async (connectorId: string, storeId: string, config: object) =>
      ok(
        await call("POST", "/v1/connections", g.admin, {
          connectorId,
          name: `${connectorId} imports`,
          storeId,
          config,
        }),
        201,
      ).id as string;
    csvConnection = await connect("csv_import", g.stores[0], {});
    vcardConnection = await connect("vcard", g.stores[1], { source: "camcard" });
  });
  afterAll(async () => {
    await hub?.close();
    await cleanup?.();
  });

  it("lists csv_import and vcard as importing connectors whose configs hold no upload token", async () => {
    const { data } = ok(await call("GET", "/v1/connectors", g.admin));
    for (const id of ["csv_import", "vcard"]) {
      const manifest = data.find((c: { id: string }) => c.id === id);
      expect(manifest.capabilities).toMatchObject({ import: true, webhook: false });
      expect(manifest.configSchema.properties).not.toHaveProperty("uploadToken");
      expect(manifest.secretFields).toEqual([]);
    }
    const meta = data.find((c: { id: string }) => c.id === "meta_lead_ads");
    expect(meta.capabilities.import).toBe(false);
    const view = ok(await call("GET", `/v1/connections/${csvConnection}`, g.admin));
    expect(view.hookPath).toBeNull();
  });

  it("a CSV with Chinese headers and a bad row: the good rows become leads, the bad row is reported with its row and reason", async () => {
    const fileId = `sha256:${sha256(Buffer.from(TRADE_SHOW_CSV))}`;
    const res = await upload(csvConnection, TRADE_SHOW_CSV, "text/csv; charset=utf-8", {
      // Sent by SDK clients on every POST; the import is idempotent by its content instead.
      headers: { "idempotency-key": "import-trade-show-1" },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      connectionId: csvConnection,
      fileId,
      bytes: Buffer.byteLength(TRADE_SHOW_CSV),
      items: 4,
      accepted: 3,
      duplicates: 0,
      failed: 1,
      problems: [{ row: 3, column: PHONE_HEADER, message: "is not a valid phone number" }],
      problemsOmitted: 0,
    });
    // The report never repeats the cell's value.
    expect(res.body).not.toContain("12345");

    const good = [2, 4, 5].map((row) => csvId(fileId, row));
    const done = await until(
      () => outcome(csvConnection),
      (o) => settled(o, 3),
    );
    expectWorked(done, {
      externalIds: good,
      source: (id) => (id === good[0] ? "2026 杭州车展" : "csv_import"),
      sellers: g.sellers[0],
    });
    expect(done.rows).toHaveLength(3);
    expect(new Set(done.rows.map((r) => r.origin))).toEqual(new Set(["upload"]));
    const multiLineRow = done.rows.find((r) => r.eventKey === good[1]);
    const multiLine = done.leads.find((l) => l.id === multiLineRow!.leadId);
    expect(multiLine!.message).toBe("想了解\r\n置换补贴");
    const listed = ok(await call("GET", `/v1/inbox?connectionId=${csvConnection}`, g.admin));
    expect(listed.data.map((e: { origin: string }) => e.origin)).toEqual([
      "upload",
      "upload",
      "upload",
    ]);
  });

  it("the same CSV uploaded again adds nothing: every row is a duplicate, the bad row reported again", async () => {
    const before = await outcome(csvConnection);
    const res = await upload(csvConnection, TRADE_SHOW_CSV, "text/csv");
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ items: 4, accepted: 0, duplicates: 3, failed: 1 });
    const after = await outcome(csvConnection);
    expect(after.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id));
    expect(after.leads.map((l) => l.id).sort()).toEqual(before.leads.map((l) => l.id).sort());
    expect(after.touchpoints).toHaveLength(before.touchpoints.length);
    const audited = await withTenant(hub.services.db, g.tenantId, (tx) =>
      tx.select().from(auditEvents).where(sql`${auditEvents.action} = 'connection.imported'`),
    );
    expect(audited.map((a) => a.entityId)).toEqual([csvConnection, csvConnection]);
  });

  it("a corrected file is a new import: the fixed row becomes a lead, the rows imported before reach their open leads as touchpoints", async () => {
    const before = await outcome(csvConnection);
    const corrected = TRADE_SHOW_CSV.replace("王五,12345,", "王五,13800138002,");
    const res = await upload(csvConnection, corrected, "text/csv");
    expect(res.json()).toMatchObject({
      items: 4,
      accepted: 4,
      duplicates: 0,
      failed: 0,
      problems: [],
    });
    const after = await until(
      () => outcome(csvConnection),
      (o) => settled(o, 7),
    );
    expect(after.rows).toHaveLength(7);
    expect(after.leads).toHaveLength(before.leads.length + 1);
    expect(after.touchpoints).toHaveLength(before.touchpoints.length + 4);
  });

  it("a vCard file of several cards: each usable card a lead of the connection's store, the card without a contact reported", async () => {
    const expected = (await readVcardLeads(VCARD_FILE, { source: "camcard" })).flatMap((r) =>
      r.ok ? [r.event.externalId] : [],
    );
    expect(expected).toHaveLength(4);
    const lines = VCARD_FILE.split("\r\n");
    const thirdCardLine =
      lines.findIndex(
        (line, i) =>
          line === "BEGIN:VCARD" &&
          lines.slice(0, i).filter((l) => l === "BEGIN:VCARD").length === 2,
      ) + 1;
    const res = await upload(vcardConnection, VCARD_FILE, "text/vcard");
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      items: 5,
      accepted: 4,
      duplicates: 0,
      failed: 1,
      problems: [{ card: 3, line: thirdCardLine, message: "has no usable phone, email or WeChat" }],
    });
    const done = await until(
      () => outcome(vcardConnection),
      (o) => settled(o, 4),
    );
    expectWorked(done, { externalIds: expected, source: "camcard", sellers: g.sellers[1] });
    // Cards naming a company are business leads.
    expect(done.leads.filter((l) => l.customerType === "business")).toHaveLength(2);

    const again = await upload(vcardConnection, VCARD_FILE, "text/x-vcard");
    expect(again.json()).toMatchObject({ items: 5, accepted: 0, duplicates: 4, failed: 1 });
    expect((await outcome(vcardConnection)).rows).toHaveLength(4);
  });

  it("refuses what cannot be imported, storing nothing", async () => {
    const before = await inboxCount();
    const noContact = await upload(csvConnection, "姓名,城市\r\n陈晨,杭州\r\n", "text/csv");
    expect(noContact.statusCode).toBe(422);
    expect(noContact.json().error).toMatchObject({
      code: "import_unreadable",
      details: { reason: "csv_no_contact_column" },
    });

    const adf = ok(
      await call("POST", "/v1/connections", g.admin, {
        connectorId: "adf",
        name: "ADF feed",
        config: { auth: { kind: "shared_secret", key: "adf-shared-key-0123456789" } },
      }),
      201,
    );
    const wrongKind = await upload(adf.id, TRADE_SHOW_CSV, "text/csv");
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().error.code).toBe("import_not_supported");

    const bySeller = await upload(csvConnection, TRADE_SHOW_CSV, "text/csv", {
      key: g.salesKeys[0],
    });
    expect(bySeller.statusCode).toBe(403);

    const tooBig = await upload(
      vcardConnection,
      Buffer.alloc(VCARD_MAX_BYTES + 1, "x"),
      "application/octet-stream",
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe("payload_too_large");

    const empty = await hub.app.inject({
      method: "POST",
      url: `/v1/connections/${csvConnection}/imports`,
      headers: { authorization: `Bearer ${g.admin}` },
    });
    expect(empty.statusCode).toBe(400);

    ok(await call("POST", `/v1/connections/${vcardConnection}/disable`, g.admin));
    const disabled = await upload(vcardConnection, VCARD_FILE, "text/vcard");
    expect(disabled.statusCode).toBe(409);
    expect(disabled.json().error.code).toBe("connection_not_active");

    const missing = await upload("conn_01JZZZZZZZZZZZZZZZZZZZZZZZ", VCARD_FILE, "text/vcard");
    expect(missing.statusCode).toBe(404);
    expect(await inboxCount()).toBe(before);
  });
});
