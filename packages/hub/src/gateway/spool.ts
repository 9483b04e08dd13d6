import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { HubError } from "../errors.js";

/**
 * An uploaded file copied to a temporary file as it arrives: memory holds one chunk, the digest
 * names the file before a row of it is read, and nothing of a file cut off mid-upload or over the
 * limit reaches the inbox.
 */
export interface SpooledFile {
  path: string;
  bytes: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  remove(): Promise<void>;
}

export async function spoolUpload(body: Readable, limit: number): Promise<SpooledFile> {
  const dir = await mkdtemp(path.join(tmpdir(), "fc-import-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "upload");
  const out = createWriteStream(file);
  // A write error rejects the wait for `drain` or `finished` below; this keeps it from being
  // thrown as an unhandled event in between.
  out.on("error", () => {});
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    // Not destroyed when the loop stops early: the 413 is still answered on this connection.
    for await (const chunk of body.iterator({ destroyOnReturn: false })) {
      const data = chunk as Buffer;
      bytes += data.byteLength;
      if (bytes > limit) {
        throw new HubError("payload_too_large", `The file is larger than ${limit} bytes`, {
          limit,
        });
      }
      hash.update(data);
      if (!out.write(data)) await once(out, "drain");
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await remove();
    throw error;
  }
  return { path: file, bytes, sha256: hash.digest("hex"), remove };
}
