import { encodeGbk } from "../csv/mocks.js";
import type { InboundRequestInfo } from "../define.js";

/**
 * vCard files as business-card scanner apps and phones export them — 2.1 with
 * QUOTED-PRINTABLE in UTF-8 and GB2312, 3.0 with folded lines and escapes, 4.0 with URIs and
 * quoted parameters — plus cards that cannot become leads, and the upload request. People are
 * made up. No vendor API is called, so there are no msw handlers.
 */

export const VCARD_TEST_UPLOAD_TOKEN = "vcard-upload-token-0123456789abcd";

/** QUOTED-PRINTABLE of `text` in UTF-8 or GB2312, with soft line breaks after ~70 characters. */
export function quotedPrintable(text: string, charset: "utf-8" | "gb2312" = "utf-8"): string {
  const bytes = charset === "utf-8" ? new TextEncoder().encode(text) : encodeGbk(text);
  let out = "";
  let lineLength = 0;
  for (const byte of bytes) {
    const plain = byte >= 0x21 && byte <= 0x7e && byte !== 0x3d;
    const piece = plain
      ? String.fromCharCode(byte)
      : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    if (lineLength + piece.length > 70) {
      out += "=\r\n";
      lineLength = 0;
    }
    out += piece;
    lineLength += piece.length;
  }
  return out;
}

const lines = (...text: string[]) => `${text.join("\r\n")}\r\n`;

/** A 2.1 card from a phone: QUOTED-PRINTABLE UTF-8 values, one soft-broken across lines. */
export const VCARD_21 = lines(
  "BEGIN:VCARD",
  "VERSION:2.1",
  `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable("王")};${quotedPrintable("芳")};;;`,
  `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable("王芳")}`,
  "TEL;WORK;VOICE:+86-571-8888-8888",
  "TEL;CELL;PREF:139 1234 5678",
  "TEL;WORK;FAX:+86-571-8888-8889",
  "EMAIL;INTERNET:wang.fang@example.cn",
  `ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable("杭州远景汽车销售服务有限公司")};${quotedPrintable("大客户部")}`,
  `TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable("采购经理")}`,
  `ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;${quotedPrintable("文三路 90 号")};${quotedPrintable("杭州")};${quotedPrintable("浙江")};310012;${quotedPrintable("中国")}`,
  `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable("车展 A 馆交换的名片，公司需要采购 12 台新能源商务车，下个月到店看车。")}`,
  "END:VCARD",
);

/** A 2.1 card from an older Chinese phone: GB2312 bytes in QUOTED-PRINTABLE. */
export const VCARD_21_GB2312 = lines(
  "BEGIN:VCARD",
  "VERSION:2.1",
  `FN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:${quotedPrintable("李强", "gb2312")}`,
  "TEL;CELL:13812345678",
  `ADR;HOME;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:;;;${quotedPrintable("广州", "gb2312")};${quotedPrintable("广东", "gb2312")};;`,
  "END:VCARD",
);

/** A 3.0 card from a scanner app: folded lines, escapes, TYPE lists, a WeChat id. */
export const VCARD_30 = lines(
  "BEGIN:VCARD",
  "VERSION:3.0",
  "PRODID:-//CardScanner//CN",
  "N:Chen;Wei;;;",
  "FN:Wei Chen",
  "ORG:Shenzhen Fleet Partners\\, Ltd.;Procurement",
  "TITLE:Fleet Manager",
  "TEL;TYPE=WORK,VOICE:+86 755 8888 0000",
  "TEL;TYPE=CELL:+86 186 1234 5678",
  "EMAIL;TYPE=INTERNET,WORK:wei.chen@example.com",
  "ADR;TYPE=WORK:;;1 Science Park Road;Shenzhen;Guangdong;518000;China",
  "X-WECHAT:chenwei_sz",
  "NOTE:Met at the Shenzhen auto show.\\nWants a quote for 30 vans\\; call after 2 p",
  " m.",
  "REV:2026-11-27T02:42:13Z",
  "END:VCARD",
);

/** A 4.0 card: a tel: URI with quoted types and PREF, a UID, WeChat as IMPP, no company. */
export const VCARD_40 = lines(
  "BEGIN:VCARD",
  "VERSION:4.0",
  "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
  "FN:刘洋",
  'TEL;VALUE=uri;TYPE="cell,voice";PREF=1:tel:+86-139-8765-4321',
  "EMAIL;PREF=1:liu.yang@example.cn",
  "IMPP:weixin:liuyang_hz",
  "END:VCARD",
);

/** Cards that cannot become leads: no way to reach the person; a file cut off mid-card. */
export const VCARD_NO_CONTACT = lines(
  "BEGIN:VCARD",
  "VERSION:3.0",
  "FN:无名氏",
  "TEL;TYPE=FAX:+86 10 1234 5678",
  "END:VCARD",
);
export const VCARD_CUT_OFF = lines("BEGIN:VCARD", "VERSION:3.0", "FN:Cut Off", "TEL:13700000000");

/** Several cards in one file, as scanner apps export a day's cards. */
export const VCARD_FILE = VCARD_21 + VCARD_30 + VCARD_NO_CONTACT + VCARD_40 + VCARD_21_GB2312;

export interface VcardUpload {
  rawBody: Uint8Array;
  headers: Record<string, string>;
  request: InboundRequestInfo;
}

/** The import screen's POST of a file to the connection's webhook. */
export function vcardUploadPost(file: string, token = VCARD_TEST_UPLOAD_TOKEN): VcardUpload {
  return {
    rawBody: new TextEncoder().encode(file),
    headers: { "content-type": "text/vcard", authorization: `Bearer ${token}` },
    request: {
      method: "POST",
      url: "https://hub.example.test/v1/hooks/conn_01VCARD",
      receivedAt: Date.parse("2026-11-27T02:42:15Z"),
    },
  };
}
