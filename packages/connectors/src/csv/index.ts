import type { z } from "zod";
import { sha256Hex } from "../crypto.js";
import { defineConnector, type ParseResult, type SourceEvent } from "../define.js";
import { type HeadersInput, headerValue } from "../headers.js";
import { uploadResult, uploadTokenShape, verifyUploadToken } from "../upload.js";
import { type CsvRowError, csvImportOptionsSchema, readCsvLeads } from "./read.js";

/**
 * CSV import (trade-show lists, dealer spreadsheets). Big files go through `readCsvLeads`, which
 * streams; the connector's webhook takes an upload (the hub's import screen posts the file with
 * the connection's upload token) and reads it the same way.
 */

export const CSV_CONNECTOR_ID = "csv_import";
/** Header naming the upload, so re-posting it is recognised; else the file's hash names it. */
export const CSV_FILE_ID_HEADER = "x-forecourt-file-id";
/** Rows whose problems an upload's warnings list before the rest are only counted. */
const MAX_LISTED_ERRORS = 100;

/** The import options a connection fixes, and its upload token; each upload names its file. */
export const csvImportConfigSchema = csvImportOptionsSchema
  .omit({ fileId: true, maxRecordChars: true })
  .extend(uploadTokenShape);
export type CsvImportConfig = z.output<typeof csvImportConfigSchema>;

/** A row problem as one line: `row 7, 手机: is not a valid phone number`. */
export function formatRowError(error: CsvRowError): string {
  return `row ${error.row}${error.column !== undefined ? `, ${error.column}` : ""}: ${error.message}`;
}

async function fileIdOf(rawBody: Uint8Array, headers: HeadersInput): Promise<string> {
  const named = headerValue(headers, CSV_FILE_ID_HEADER)?.trim();
  return named ? named.slice(0, 500) : `sha256:${await sha256Hex(rawBody)}`;
}

/** The leads of an uploaded file, and its row problems as warnings. */
export async function parseCsvUpload(
  rawBody: Uint8Array,
  headers: HeadersInput,
  config: CsvImportConfig,
): Promise<ParseResult> {
  const { uploadToken: _, previousUploadToken: __, ...options } = config;
  const events: SourceEvent[] = [];
  const errors: CsvRowError[] = [];
  let failedRows = 0;
  let listedRows = 0;
  const rows = readCsvLeads([rawBody], { ...options, fileId: await fileIdOf(rawBody, headers) });
  for await (const result of rows) {
    if (result.ok) events.push(result.event);
    else {
      failedRows++;
      if (listedRows < MAX_LISTED_ERRORS) {
        listedRows++;
        errors.push(...result.errors);
      }
    }
  }
  const problems = errors.map(formatRowError);
  if (failedRows > listedRows) {
    problems.push(`… and ${failedRows - listedRows} more rows with problems`);
  }
  return uploadResult(events, problems, {
    code: "csv_no_usable_row",
    empty: "the file has no data rows",
    noneUsable: "no row of the file can become a lead",
    hadItems: failedRows > 0,
  });
}

export const csvImportConnector = defineConnector({
  id: CSV_CONNECTOR_ID,
  title: "CSV import",
  description:
    "Leads from CSV files (trade shows, spreadsheets): Chinese or English headers, UTF-8 or GBK, a report of the rows that could not be read.",
  direction: "source",
  auth: "shared_secret",
  config: csvImportConfigSchema,
  webhook: {
    verify: (_rawBody, headers, config) => verifyUploadToken(headers, config),
    parse: (rawBody, headers, config) => parseCsvUpload(rawBody, headers, config),
  },
});

export {
  CSV_COLUMN_TARGETS,
  CSV_HEADER_ALIASES,
  type CsvColumnTarget,
  csvColumnsSchema,
  csvColumnTargetSchema,
  foldHeader,
  resolveColumns,
} from "./columns.js";
export {
  type ByteSource,
  byteChunks,
  type CsvEncoding,
  chooseEncoding,
  decodeChunks,
  ENCODING_SNIFF_BYTES,
} from "./decode.js";
export {
  CSV_ATTRIBUTE_PREFIX,
  CSV_LEAD_SOURCE,
  type CsvImportOptions,
  type CsvRowError,
  type CsvRowResult,
  csvImportOptionsSchema,
  readCsvLeads,
} from "./read.js";
export {
  type CsvRecord,
  CsvRecordTooLongError,
  CsvTokenizer,
  DEFAULT_MAX_RECORD_CHARS,
} from "./tokenizer.js";
