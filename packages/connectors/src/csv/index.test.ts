import { describe, expect, it } from "vitest";
import { parseConfig } from "../define.js";
import { csvImportConnector } from "./index.js";
import { CSV_TEST_UPLOAD_TOKEN, CSV_TRADE_SHOW, csvUploadPost } from "./mocks.js";

const config = parseConfig(csvImportConnector, { uploadToken: CSV_TEST_UPLOAD_TOKEN });
const webhook = csvImportConnector.webhook!;

describe("CSV upload webhook", () => {
  it("takes the upload token, and nothing else", async () => {
    const post = csvUploadPost(CSV_TRADE_SHOW);
    expect(await webhook.verify(post.rawBody, post.headers, config, post.request)).toEqual({
      ok: true,
    });
    const wrong = csvUploadPost(CSV_TRADE_SHOW, { token: "x".repeat(32) });
    expect(await webhook.verify(wrong.rawBody, wrong.headers, config, wrong.request)).toEqual({
      ok: false,
      reason: "bearer token does not match",
    });
  });

  it("turns good rows into events and lists the bad ones as warnings", async () => {
    const post = csvUploadPost(CSV_TRADE_SHOW, { fileId: "import_2026_hz" });
    const { events, warnings } = await webhook.parse(
      post.rawBody,
      post.headers,
      config,
      post.request,
    );
    expect(events).toHaveLength(2);
    expect(warnings).toEqual([
      "row 5, 手机号码（必填）: is not a valid phone number",
      "row 6, 邮箱: is not an email address",
      "row 7: has no phone, email or WeChat",
    ]);
  });

  it("names an unnamed upload by its content, so posting it twice changes nothing", async () => {
    const once = csvUploadPost(CSV_TRADE_SHOW);
    const a = await webhook.parse(once.rawBody, once.headers, config, once.request);
    const b = await webhook.parse(once.rawBody, once.headers, config, once.request);
    expect(a.events.map((e) => e.externalId)).toEqual(b.events.map((e) => e.externalId));
  });

  it("makes a file without one usable row a dead letter", async () => {
    const post = csvUploadPost("姓名,手机\n王,123\n");
    await expect(
      webhook.parse(post.rawBody, post.headers, config, post.request),
    ).rejects.toMatchObject({
      code: "csv_no_usable_row",
    });
  });
});
