import type { InboundRequestInfo } from "../define.js";

/**
 * What the import side sends: CSV text as spreadsheets export it (UTF-8 with a BOM, or GBK),
 * generated files of any size as a stream of chunks, and upload requests. No vendor API is
 * called for CSV, so there are no msw handlers.
 */

export const CSV_TEST_UPLOAD_TOKEN = "csv-upload-token-0123456789abcdef";

/** A trade-show export: Chinese headers, quotes, an escaped quote, a line break in a cell. */
export const CSV_TRADE_SHOW =
  "\ufeff姓名,手机号码（必填）,邮箱,省份,城市,品牌,车系,车型,备注,来源,展位\r\n" +
  '王磊,13812345678,wang.lei@example.cn,浙江,杭州,极氪,001,"YOU 版, 100kWh","想试驾，""周末""有空",2026 杭州车展,A-12\r\n' +
  '李娜,139 1234 5679,,江苏省,南京,比亚迪,汉,汉 EV,"多行\r\n备注",,B-03\r\n' +
  "\r\n" +
  "张伟,12345,,上海,上海,,,,,,\r\n" +
  "赵强,,zhao@,北京,北京,,,,,,\r\n" +
  "周敏,,,广东,深圳,,,,,,\r\n";

let gbkTable: Map<string, number[]> | undefined;

/**
 * Text as GBK bytes, for tests of GBK files: the table is built once from the runtime's own GBK
 * decoder (every double-byte code), so no encoding table is copied in.
 */
export function encodeGbk(text: string): Uint8Array {
  if (gbkTable === undefined) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== "\ufffd" && !gbkTable.has(char)) {
          gbkTable.set(char, [lead, trail]);
        }
      }
    }
  }
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(char);
      if (bytes === undefined) throw new RangeError(`"${char}" has no two-byte GBK code`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** Splits bytes into chunks of `size` (cutting characters and records anywhere). */
export function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/**
 * A generated CSV of about `totalBytes`, as UTF-8 chunks of `chunkBytes`, made on demand: the
 * file never exists whole, so a test can stream 100 MB through a reader in a few MB of memory.
 */
export async function* generatedCsv(
  totalBytes: number,
  chunkBytes = 65_536,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = "姓名,手机,邮箱,城市,车型,备注\r\n";
  let produced = 0;
  let row = 0;
  while (produced < totalBytes) {
    while (text.length < chunkBytes / 2) {
      row++;
      const phone = `139${String(row % 100_000_000).padStart(8, "0")}`;
      text += `客户${row},${phone},user${row}@example.cn,上海,"Model Y, 长续航","说""周末""来"\r\n`;
    }
    const bytes = encoder.encode(text);
    text = "";
    produced += bytes.length;
    yield bytes;
  }
}

export interface CsvUpload {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

/** The import screen's POST of a file to the connection's webhook. */
export function csvUploadPost(
  file: string | Uint8Array,
  options: { token?: string; fileId?: string } = {},
): CsvUpload {
  return {
    rawBody: typeof file === "string" ? new TextEncoder().encode(file) : file,
    headers: {
      "content-type": "text/csv",
      authorization: `Bearer ${options.token ?? CSV_TEST_UPLOAD_TOKEN}`,
      ...(options.fileId !== undefined && { "x-forecourt-file-id": options.fileId }),
    },
    request: {
      method: "POST",
      url: "https://hub.example.test/v1/hooks/conn_01CSV",
      receivedAt: Date.parse("2026-11-27T02:42:15Z"),
    },
  };
}
