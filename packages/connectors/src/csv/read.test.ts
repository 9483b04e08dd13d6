import { leadInputSchema } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { PermanentConnectorError } from "../errors.js";
import { type CsvImportOptions, type CsvRowResult, readCsvLeads } from "./index.js";
import { CSV_TRADE_SHOW, chunked, encodeGbk } from "./mocks.js";

async function readAll(
  file: string | Uint8Array,
  options: Partial<CsvImportOptions> = {},
  chunkSize = 7,
): Promise<CsvRowResult[]> {
  const bytes = typeof file === "string" ? new TextEncoder().encode(file) : file;
  const results: CsvRowResult[] = [];
  for await (const result of readCsvLeads(chunked(bytes, chunkSize), {
    fileId: "upload_01",
    ...options,
  })) {
    results.push(result);
  }
  return results;
}

describe("readCsvLeads", () => {
  it("reads a trade-show export row by row: good rows become leads, bad rows say why", async () => {
    const results = await readAll(CSV_TRADE_SHOW);
    expect(results.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
      [5, false],
      [6, false],
      [7, false],
    ]);
    const first = results[0]!;
    expect(first.ok && first.event).toMatchObject({
      kind: "lead",
      externalId: expect.stringMatching(/^csv:[0-9a-f]{24}:2$/),
      lead: {
        source: "2026 杭州车展",
        channel: "event",
        contact: { name: "王磊", phone: "13812345678", email: "wang.lei@example.cn" },
        region: "330000",
        city: "杭州",
        interest: { brand: "极氪", series: "001", model: "YOU 版, 100kWh" },
        message: '想试驾，"周末"有空',
        attributes: { "csv.field.展位": "A-12", "csv.row": "2" },
      },
    });
    const second = results[1]!;
    expect(second.ok && second.event.lead).toMatchObject({
      source: "csv_import",
      contact: { phone: "139 1234 5679" },
      region: "320000",
      message: "多行\r\n备注",
    });
    for (const result of results.filter((r) => r.ok)) {
      expect(leadInputSchema.safeParse(result.ok && result.event.lead).success).toBe(true);
    }
    expect(results.filter((r) => !r.ok).flatMap((r) => (r.ok ? [] : r.errors))).toEqual([
      { row: 5, column: "手机号码（必填）", message: "is not a valid phone number" },
      { row: 6, column: "邮箱", message: "is not an email address" },
      { row: 7, message: "has no phone, email or WeChat" },
    ]);
  });

  it("gives the same ids to the same file and rows, other ids to another file", async () => {
    const again = await readAll(CSV_TRADE_SHOW, {}, 1000);
    const first = await readAll(CSV_TRADE_SHOW);
    const other = await readAll(CSV_TRADE_SHOW, { fileId: "upload_02" });
    const ids = (results: CsvRowResult[]) =>
      results.flatMap((r) => (r.ok ? [r.event.externalId] : []));
    expect(ids(again)).toEqual(ids(first));
    expect(ids(other)).not.toEqual(ids(first));
  });

  it("uses a chosen id column, and reports rows without an id", async () => {
    const file = "线索编号,phone\nL-1,13812345678\n,13812345679\n";
    const results = await readAll(file, { idColumn: "线索编号" });
    expect(results[0]).toMatchObject({ ok: true, event: { externalId: "L-1" } });
    expect(results[1]).toEqual({
      ok: false,
      row: 3,
      errors: [{ row: 3, column: "线索编号", message: "has no id" }],
    });
  });

  it("recognises English headers and takes overrides, by the header as written or folded", async () => {
    const file =
      "Full Name,Mobile Phone,E-mail,Province,Booth,Customer Note\nAmy Lin,+86 138 0013 8000,amy@example.com,Guangdong,C1,VIP\n";
    const [result] = await readAll(file, {
      columns: { booth: "ignore", "customer note": "message" },
    });
    expect(result!.ok && result!.event.lead).toMatchObject({
      contact: { name: "Amy Lin", phone: "+86 138 0013 8000", email: "amy@example.com" },
      region: "440000",
      message: "VIP",
      attributes: { "csv.row": "2" },
    });
  });

  it("reads GBK when told, and when the start of the file is not UTF-8", async () => {
    const gbk = encodeGbk("姓名,手机,城市\r\n刘洋,13912345678,广州\r\n");
    for (const options of [{ encoding: "gbk" as const }, {}]) {
      const [result] = await readAll(gbk, options, 5);
      expect(result!.ok && result!.event.lead.contact).toEqual({
        name: "刘洋",
        phone: "13912345678",
      });
    }
  });

  it("reports cells that are not text in the chosen encoding", async () => {
    const gbk = encodeGbk("name,phone\r\n刘洋,13912345678\r\n");
    const [result] = await readAll(gbk, { encoding: "utf-8" });
    expect(result).toEqual({
      ok: false,
      row: 2,
      errors: [
        {
          row: 2,
          column: "name",
          message:
            'holds bytes that are not text in the file\'s encoding (a GBK file? pass encoding "gbk")',
        },
      ],
    });
  });

  it("refuses a file without a contact column, or without the chosen id column", async () => {
    await expect(readAll("姓名,城市\n王,杭州\n")).rejects.toMatchObject({
      code: "csv_no_contact_column",
    });
    await expect(
      readAll("姓名,手机\n王,13812345678\n", { idColumn: "编号" }),
    ).rejects.toBeInstanceOf(PermanentConnectorError);
  });

  it("ends with an error at an unclosed quote, keeping the rows before it", async () => {
    const results = await readAll('手机,备注\n13812345678,ok\n13812345679,"never closed\n');
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(results[1]).toMatchObject({
      row: 3,
      errors: [{ message: "a quoted field is not closed before the end of the file" }],
    });
    const long = await readAll(`手机\n"${"x".repeat(5_000)}`, { maxRecordChars: 2_048 }, 512);
    expect(long).toEqual([
      {
        ok: false,
        row: 2,
        errors: [
          { row: 2, message: "row 2 is longer than 2048 characters: is a quote left open?" },
        ],
      },
    ]);
  });

  it("reads from a web ReadableStream", async () => {
    const bytes = new TextEncoder().encode("手机\n13812345678\n");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunked(bytes, 4)) controller.enqueue(chunk);
        controller.close();
      },
    });
    const results: CsvRowResult[] = [];
    for await (const result of readCsvLeads(stream, { fileId: "f" })) results.push(result);
    expect(results).toHaveLength(1);
  });

  it("rejects unknown options", async () => {
    await expect(readAll("手机\n1\n", { fileId: "f", sheet: 1 } as never)).rejects.toThrow(/sheet/);
  });
});
