import {
  DEFAULT_PHONE_REGION,
  DEFAULT_TIME_ZONE,
  type LeadInput,
  leadChannelSchema,
  normalizeEmail,
  normalizePhone,
  parseInput,
  timeZoneSchema,
} from "@forecourt/sdk";
import { z } from "zod";
import { sha256Hex } from "../crypto.js";
import type { LeadSourceEvent } from "../define.js";
import { PermanentConnectorError } from "../errors.js";
import { LeadFieldCollector } from "../lead-fields.js";
import { vendorTimeToIso } from "../vendor-time.js";
import { type CsvColumnTarget, csvColumnsSchema, foldHeader, resolveColumns } from "./columns.js";
import { type ByteSource, decodeChunks } from "./decode.js";
import {
  type CsvRecord,
  CsvRecordTooLongError,
  CsvTokenizer,
  DEFAULT_MAX_RECORD_CHARS,
} from "./tokenizer.js";

export const CSV_LEAD_SOURCE = "csv_import";
export const CSV_ATTRIBUTE_PREFIX = "csv.";

export const csvImportOptionsSchema = z.strictObject({
  /** Names this file for good: the upload's id, or a hash of its bytes. Ids are made from it. */
  fileId: z.string().min(1).max(500),
  /** Header → lead field, over the recognised names: `{ "客户手机": "phone", "展位": "ignore" }`. */
  columns: csvColumnsSchema.default({}),
  /** A column whose values are the rows' external ids (a lead number), instead of file + row. */
  idColumn: z.string().min(1).max(200).optional(),
  encoding: z.enum(["auto", "utf-8", "gbk", "gb18030"]).default("auto"),
  delimiter: z.string().length(1).default(","),
  /** `source` of rows without a 来源 / source column value. */
  source: z.string().trim().min(1).max(100).default(CSV_LEAD_SOURCE),
  channel: leadChannelSchema.default("event"),
  /** Where phone numbers without a country code are from. */
  defaultPhoneRegion: z.string().length(2).default(DEFAULT_PHONE_REGION),
  /** Zone of dates written without one. */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  maxRecordChars: z.number().int().min(1_024).max(16_777_216).default(DEFAULT_MAX_RECORD_CHARS),
});
export type CsvImportOptions = z.input<typeof csvImportOptionsSchema>;
type Options = z.output<typeof csvImportOptionsSchema>;

/** One problem of one row; `column` is the header as written. */
export interface CsvRowError {
  row: number;
  column?: string;
  message: string;
}

export type CsvRowResult =
  | { ok: true; row: number; event: LeadSourceEvent }
  | { ok: false; row: number; errors: CsvRowError[] };

interface Header {
  names: string[];
  targets: (CsvColumnTarget | undefined)[];
  idIndex: number | undefined;
}

const CONTACT_TARGETS: readonly CsvColumnTarget[] = ["phone", "email", "wechat"];

function readHeader(record: CsvRecord, options: Options): Header {
  const names = record.fields.map((name, i) => name.trim() || `column_${i + 1}`);
  const targets = resolveColumns(names, options.columns);
  if (!targets.some((target) => target !== undefined && CONTACT_TARGETS.includes(target))) {
    throw new PermanentConnectorError(
      `the header (row ${record.row}) names no phone, email or WeChat column: ${names
        .slice(0, 12)
        .join(", ")}; name one in columns`,
      { code: "csv_no_contact_column" },
    );
  }
  let idIndex: number | undefined;
  if (options.idColumn !== undefined) {
    const wanted = foldHeader(options.idColumn);
    idIndex = names.findIndex((name) => name === options.idColumn || foldHeader(name) === wanted);
    if (idIndex < 0) {
      throw new PermanentConnectorError(`the header has no id column "${options.idColumn}"`, {
        code: "csv_no_id_column",
      });
    }
  }
  return { names, targets, idIndex };
}

const isBlank = (record: CsvRecord) => record.fields.every((field) => field.trim() === "");

/** A data row as a lead event, or what is wrong with it; `undefined` for a blank row. */
function readRow(
  record: CsvRecord,
  header: Header,
  options: Options,
  fileKey: string,
): CsvRowResult | undefined {
  const { row, fields } = record;
  if (record.unterminated) {
    return {
      ok: false,
      row,
      errors: [{ row, message: "a quoted field is not closed before the end of the file" }],
    };
  }
  if (isBlank(record)) return undefined;
  const errors: CsvRowError[] = [];
  const collector = new LeadFieldCollector(CSV_ATTRIBUTE_PREFIX);
  let source: string | undefined;
  let occurredAt: string | undefined;
  fields.forEach((raw, i) => {
    const value = raw.trim();
    const column = header.names[i] ?? `column_${i + 1}`;
    if (value === "") return;
    if (value.includes("\ufffd")) {
      errors.push({
        row,
        column,
        message:
          'holds bytes that are not text in the file\'s encoding (a GBK file? pass encoding "gbk")',
      });
      return;
    }
    const target = i < header.names.length ? header.targets[i] : undefined;
    if (target === "phone" && !normalizePhone(value, options.defaultPhoneRegion).ok) {
      errors.push({ row, column, message: "is not a valid phone number" });
      return;
    }
    if (target === "email" && normalizeEmail(value) === undefined) {
      errors.push({ row, column, message: "is not an email address" });
      return;
    }
    if (target === "source") source ??= value.slice(0, 100);
    else if (target === "occurredAt") {
      occurredAt ??= vendorTimeToIso(value, options.timeZone);
      if (occurredAt === undefined) collector.attribute(`field.${column}`, value);
    } else collector.answer(target, column, value);
  });
  let externalId = `csv:${fileKey}:${row}`;
  if (header.idIndex !== undefined) {
    const id = fields[header.idIndex]?.trim() ?? "";
    if (id === "") {
      errors.push({ row, column: header.names[header.idIndex]!, message: "has no id" });
    } else externalId = id.slice(0, 256);
  }
  collector.attribute("row", String(row));
  const lead: LeadInput = collector.toLead({
    source: source ?? options.source,
    channel: options.channel,
    externalId,
    ...(occurredAt !== undefined && { occurredAt }),
  });
  const contact = lead.contact;
  if (errors.length === 0 && !contact.phone && !contact.email && !contact.wechat) {
    errors.push({ row, message: "has no phone, email or WeChat" });
  }
  if (errors.length > 0) return { ok: false, row, errors };
  return {
    ok: true,
    row,
    event: {
      kind: "lead",
      externalId,
      lead,
      ...(occurredAt !== undefined && { occurredAt }),
    },
  };
}

/**
 * Leads from a CSV file, one row at a time as the bytes stream in: memory holds the current
 * chunk and row, not the file. The first non-blank row is the header (Chinese or English names
 * recognised, `columns` first); each later row is a lead event or the list of its problems, and
 * a bad row never stops the rows after it. `externalId` is `csv:<hash of fileId>:<row>` (or the
 * `idColumn` value), so importing the same file again creates nothing twice. A file without a
 * contact column, or an `idColumn` that is not there, is refused before any row
 * (`PermanentConnectorError`); a record longer than `maxRecordChars` ends the file with an error.
 */
export async function* readCsvLeads(
  source: ByteSource,
  input: CsvImportOptions,
): AsyncGenerator<CsvRowResult> {
  const options = parseInput(csvImportOptionsSchema, input, "CSV import options");
  const fileKey = (await sha256Hex(options.fileId)).slice(0, 24);
  const tokenizer = new CsvTokenizer(options.delimiter, options.maxRecordChars);
  const records: CsvRecord[] = [];
  let header: Header | undefined;
  function* drain(): Generator<CsvRowResult> {
    for (const record of records) {
      if (header === undefined) {
        if (!isBlank(record)) header = readHeader(record, options);
        continue;
      }
      const result = readRow(record, header, options, fileKey);
      if (result !== undefined) yield result;
    }
    records.length = 0;
  }
  try {
    for await (const text of decodeChunks(source, options.encoding)) {
      tokenizer.push(text, records);
      yield* drain();
    }
    tokenizer.end(records);
    yield* drain();
  } catch (error) {
    if (!(error instanceof CsvRecordTooLongError)) throw error;
    yield { ok: false, row: error.row, errors: [{ row: error.row, message: error.message }] };
  }
}
