import { describe, expect, it } from "vitest";
import { VCARD_21, VCARD_30, VCARD_40 } from "./mocks.js";
import { components, parseVcards, unescapeText } from "./parse.js";

describe("parseVcards", () => {
  it("reads 2.1 QUOTED-PRINTABLE values across soft line breaks, in their charset", () => {
    const [card] = parseVcards(VCARD_21);
    expect(card!.version).toBe("2.1");
    const value = (name: string) => card!.properties.find((p) => p.name === name)?.value;
    expect(value("FN")).toBe("王芳");
    expect(value("NOTE")).toBe(
      "车展 A 馆交换的名片，公司需要采购 12 台新能源商务车，下个月到店看车。",
    );
    expect(components(value("ORG")!)).toEqual(["杭州远景汽车销售服务有限公司", "大客户部"]);
  });

  it("reads 2.1 bare parameters as types, and 3.0 / 4.0 lists and quoted values", () => {
    const tel = (file: string) => parseVcards(file)[0]!.properties.filter((p) => p.name === "TEL");
    expect(tel(VCARD_21).map((p) => p.params.TYPE)).toEqual([
      ["work", "voice"],
      ["cell", "pref"],
      ["work", "fax"],
    ]);
    expect(tel(VCARD_30)[0]!.params.TYPE).toEqual(["work", "voice"]);
    expect(tel(VCARD_40)[0]!.params).toEqual({
      VALUE: ["uri"],
      TYPE: ["cell", "voice"],
      PREF: ["1"],
    });
  });

  it("unfolds 3.0 lines, dropping the fold's space, and keeps escapes for structured values", () => {
    const [card] = parseVcards(VCARD_30);
    const note = card!.properties.find((p) => p.name === "NOTE")!;
    expect(unescapeText(note.value)).toBe(
      "Met at the Shenzhen auto show.\nWants a quote for 30 vans; call after 2 pm.",
    );
    const org = card!.properties.find((p) => p.name === "ORG")!;
    expect(components(org.value)).toEqual(["Shenzhen Fleet Partners, Ltd.", "Procurement"]);
  });

  it("keeps the whitespace of a 2.1 fold, which belongs to the value", () => {
    const [card] = parseVcards(
      "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:first\r\n second\r\nEND:VCARD\r\n",
    );
    expect(card!.properties[0]!.value).toBe("first second");
  });

  it("finds every card, skips nested ones and text between them, and marks a cut-off card", () => {
    const file =
      "junk before\r\n" +
      VCARD_40 +
      "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\nEND:VCARD\r\nTEL:1\r\nEND:VCARD\r\n" +
      "BEGIN:VCARD\r\nFN:Cut\r\n";
    const cards = parseVcards(file);
    expect(cards.map((c) => [c.index, c.line, c.unterminated ?? false])).toEqual([
      [1, 2, false],
      [2, 10, false],
      [3, 19, true],
    ]);
    expect(cards[1]!.properties.map((p) => p.name)).toEqual(["FN", "AGENT", "TEL"]);
  });

  it("skips BASE64 photos and decodes plain values as UTF-8, else GBK", () => {
    const gbkName = new Uint8Array([0xc0, 0xee, 0xc7, 0xbf]); // 李强 in GBK
    const head = new TextEncoder().encode(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\nFN:",
    );
    const tail = new TextEncoder().encode("\r\nEND:VCARD\r\n");
    const file = new Uint8Array([...head, ...gbkName, ...tail]);
    const [card] = parseVcards(file);
    expect(card!.properties.map((p) => [p.name, p.value])).toEqual([
      ["PHOTO", ""],
      ["FN", "李强"],
    ]);
  });
});
