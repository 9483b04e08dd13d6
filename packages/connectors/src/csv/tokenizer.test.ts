import { describe, expect, it } from "vitest";
import { type CsvRecord, CsvRecordTooLongError, CsvTokenizer } from "./tokenizer.js";

function read(chunks: readonly string[], delimiter = ","): CsvRecord[] {
  const tokenizer = new CsvTokenizer(delimiter);
  const out: CsvRecord[] = [];
  for (const chunk of chunks) tokenizer.push(chunk, out);
  tokenizer.end(out);
  return out;
}
const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

describe("CsvTokenizer (RFC 4180, read loosely)", () => {
  it.each([
    [
      "plain fields, CRLF",
      "a,b,c\r\n1,2,3\r\n",
      [
        ["a", "b", "c"],
        ["1", "2", "3"],
      ],
    ],
    [
      "LF and a last line without a break",
      "a,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    [
      "a lone CR",
      "a,b\r1,2\r",
      [
        ["a", "b"],
        ["1", "2"],
      ],
    ],
    ["quoted delimiters", 'x,"a,b",y\n', [["x", "a,b", "y"]]],
    ["escaped quotes", '"say ""hi""",""\n', [['say "hi"', ""]]],
    ["line breaks inside quotes", '"line 1\r\nline 2",z\n', [["line 1\r\nline 2", "z"]]],
    ["empty fields", ",,\n", [["", "", ""]]],
    ["a trailing delimiter at the end", "a,", [["a", ""]]],
    ["a quote inside an unquoted field", 'ab"c,d\n', [['ab"c', "d"]]],
    ["text after a closing quote", '"ab"cd,e\n', [["abcd", "e"]]],
    ["blank lines as records", "a\n\nb\n", [["a"], [""], ["b"]]],
    [
      "Chinese text",
      "姓名,手机\n王磊,13812345678\n",
      [
        ["姓名", "手机"],
        ["王磊", "13812345678"],
      ],
    ],
  ])("reads %s", (_what, text, expected) => {
    expect(fields(read([text]))).toEqual(expected);
  });

  it("numbers records as a spreadsheet does: blank lines count, a multi-line cell is one row", () => {
    const records = read(['h\n"a\nb"\n\nc\n']);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });

  it("gives the same records however the text is cut into chunks", () => {
    const text =
      '姓名,备注\r\n"王磊","想试驾，""周末""有空"\r\n李娜,"多行\r\n备注"\r\n\r\n张伟,x""y\r\n"end"';
    const whole = read([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(read([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    const singles = read([...text]);
    expect(singles).toEqual(whole);
  });

  it("takes another delimiter", () => {
    expect(fields(read(["a;b\t;c\n"], ";"))).toEqual([["a", "b\t", "c"]]);
    expect(() => new CsvTokenizer('"')).toThrow(TypeError);
  });

  it("marks a record whose quote never closes", () => {
    expect(read(['a,"open\nrest'])).toEqual([
      { row: 1, fields: ["a", "open\nrest"], unterminated: true },
    ]);
  });

  it("stops at a record longer than the limit, even across chunks", () => {
    const tokenizer = new CsvTokenizer(",", 1_024);
    const out: CsvRecord[] = [];
    tokenizer.push("ok\n", out);
    expect(() => {
      for (let i = 0; i < 10; i++) tokenizer.push(`"${"x".repeat(200)}`, out);
    }).toThrow(CsvRecordTooLongError);
    expect(out).toEqual([{ row: 1, fields: ["ok"] }]);
  });
});
