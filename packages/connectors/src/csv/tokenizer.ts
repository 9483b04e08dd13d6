/**
 * An incremental RFC 4180 reader: text goes in chunk by chunk (cut anywhere, even inside a
 * quoted field or between CR and LF), records come out as soon as they end. It holds only the
 * record being read, so memory stays bounded however large the file; a record longer than
 * `maxRecordChars` (an unclosed quote swallowing the rest of the file, usually) stops it.
 *
 * Read loosely, as spreadsheets write CSV: CRLF, LF or a lone CR end a record; `""` inside quotes
 * is a quote; a quote inside an unquoted field, or text after a closing quote, is kept as text.
 */

export interface CsvRecord {
  /** The record's number as a spreadsheet shows it: the first line is 1, blank lines count. */
  row: number;
  fields: string[];
  /** The file ended inside a quoted field. */
  unterminated?: true;
}

export class CsvRecordTooLongError extends Error {
  override readonly name = "CsvRecordTooLongError";
  constructor(
    readonly row: number,
    readonly limit: number,
  ) {
    super(`row ${row} is longer than ${limit} characters: is a quote left open?`);
  }
}

/** Default longest record: far beyond any lead, small enough to bound memory. */
export const DEFAULT_MAX_RECORD_CHARS = 1_048_576;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

enum State {
  /** At the start of a field. */
  FieldStart,
  /** Inside a field without quotes. */
  Unquoted,
  /** Inside quotes. */
  Quoted,
  /** Just after a quote inside quotes: an escaped quote, or the field's end. */
  QuoteInQuoted,
  /** After a CR that ended a record: an LF right after belongs to it. */
  AfterCr,
}

export class CsvTokenizer {
  private state = State.FieldStart;
  private fields: string[] = [];
  /** The current field's text from earlier chunks and runs. */
  private field = "";
  private row = 1;
  /** Characters of the current record seen in earlier chunks. */
  private carried = 0;
  private readonly delimiter: number;

  constructor(
    delimiter = ",",
    private readonly maxRecordChars = DEFAULT_MAX_RECORD_CHARS,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new TypeError(`a CSV delimiter is one character other than a quote or a line break`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    out.push({ row: this.row, fields: this.fields });
    this.row++;
    this.fields = [];
    this.field = "";
    this.carried = 0;
  }

  /** Reads a chunk; complete records are appended to `out`. */
  push(text: string, out: CsvRecord[]): void {
    const n = text.length;
    const delimiter = this.delimiter;
    let state = this.state;
    let i = 0;
    // Start of the run of plain characters being read, copied into `field` in one slice.
    let run = 0;
    // Where the current record started in this chunk, for the length limit.
    let recordStart = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (state) {
        case State.AfterCr:
          state = State.FieldStart;
          if (c === LF) {
            i++;
            recordStart = i;
            continue;
          }
          recordStart = i;
          continue;
        case State.FieldStart:
          if (c === QUOTE) {
            state = State.Quoted;
            run = i + 1;
          } else if (c === delimiter) {
            this.fields.push("");
          } else if (c === CR || c === LF) {
            this.endRecord(out);
            state = c === CR ? State.AfterCr : State.FieldStart;
            recordStart = i + 1;
          } else {
            state = State.Unquoted;
            run = i;
          }
          i++;
          continue;
        case State.Unquoted:
          // The common case, read in a tight loop.
          while (i < n) {
            const d = text.charCodeAt(i);
            if (d === delimiter || d === CR || d === LF) break;
            i++;
          }
          if (i === n) continue;
          this.field += text.slice(run, i);
          if (text.charCodeAt(i) === delimiter) {
            this.fields.push(this.field);
            this.field = "";
            state = State.FieldStart;
          } else {
            const cr = text.charCodeAt(i) === CR;
            this.endRecord(out);
            state = cr ? State.AfterCr : State.FieldStart;
            recordStart = i + 1;
          }
          i++;
          continue;
        case State.Quoted: {
          const close = text.indexOf('"', i);
          if (close === -1) {
            i = n;
            continue;
          }
          this.field += text.slice(run, close);
          state = State.QuoteInQuoted;
          i = close + 1;
          continue;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // `""`: one quote, still inside.
            state = State.Quoted;
            run = i;
            i++;
          } else if (c === delimiter) {
            this.fields.push(this.field);
            this.field = "";
            state = State.FieldStart;
            i++;
          } else if (c === CR || c === LF) {
            this.endRecord(out);
            state = c === CR ? State.AfterCr : State.FieldStart;
            i++;
            recordStart = i;
          } else {
            // Text after the closing quote: keep it, as spreadsheets do.
            state = State.Unquoted;
            run = i;
          }
          continue;
      }
    }
    if (state === State.Unquoted || state === State.Quoted) {
      this.field += text.slice(run, n);
      // The rest of the chunk continues the same run in the next chunk, from its start.
    }
    this.state = state;
    this.carried += n - recordStart;
    if (this.carried > this.maxRecordChars) {
      throw new CsvRecordTooLongError(this.row, this.maxRecordChars);
    }
  }

  /** The last record, at the end of the input. */
  end(out: CsvRecord[]): void {
    const state = this.state;
    if (state === State.Quoted) {
      this.fields.push(this.field);
      out.push({ row: this.row, fields: this.fields, unterminated: true });
    } else if (state !== State.FieldStart || this.fields.length > 0) {
      if (state !== State.AfterCr) this.endRecord(out);
    }
    this.state = State.FieldStart;
    this.fields = [];
    this.field = "";
  }
}
