/**
 * Bytes of a file, chunk by chunk, to text. Exports from Chinese Excel are often GBK without a
 * BOM; everything else is UTF-8 (a BOM is dropped). `auto` reads the start of the file as UTF-8
 * and switches to GB18030 (GBK's superset, what `TextDecoder("gbk")` decodes) when that start is
 * not valid UTF-8. Memory stays bounded: at most the sniffed start is held back.
 */

export type CsvEncoding = "auto" | "utf-8" | "gbk" | "gb18030";

/** How much of the start `auto` reads before deciding. */
export const ENCODING_SNIFF_BYTES = 65_536;

/** A file's bytes: a web stream, or any (async) iterable of chunks. */
export type ByteSource =
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

/** The chunks of a source, whatever it is. */
export async function* byteChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === "function") {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

function looksLikeUtf8(bytes: Uint8Array): boolean {
  try {
    // `stream: true`: a character cut at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Which decoder `encoding` means for a file that starts with `sample`. */
export function chooseEncoding(encoding: CsvEncoding, sample: Uint8Array): "utf-8" | "gb18030" {
  if (encoding === "utf-8") return "utf-8";
  if (encoding === "gbk" || encoding === "gb18030") return "gb18030";
  const hasBom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  return hasBom || looksLikeUtf8(sample) ? "utf-8" : "gb18030";
}

/**
 * The text of a byte source, chunk by chunk, and the encoding it was read in (known after the
 * first chunk of text). Invalid bytes become U+FFFD, which the row checks report.
 */
export async function* decodeChunks(
  source: ByteSource,
  encoding: CsvEncoding,
  onEncoding?: (chosen: "utf-8" | "gb18030") => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  const start = (): string => {
    const sample = new Uint8Array(heldBytes);
    let offset = 0;
    for (const chunk of held) {
      sample.set(chunk, offset);
      offset += chunk.length;
    }
    held.length = 0;
    const chosen = chooseEncoding(encoding, sample);
    onEncoding?.(chosen);
    decoder = new TextDecoder(chosen);
    return decoder.decode(sample, { stream: true });
  };
  for await (const chunk of byteChunks(source)) {
    if (decoder !== undefined) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== "") yield text;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (encoding !== "auto" || heldBytes >= ENCODING_SNIFF_BYTES) {
      const text = start();
      if (text !== "") yield text;
    }
  }
  const rest = (decoder === undefined ? start() : "") + decoder!.decode();
  if (rest !== "") yield rest;
}
