import type { FastifyRequest } from "fastify";
import { HubError } from "../errors.js";

/** A lead's ETag: its version, quoted (`"3"`). */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version a change was based on: `If-Match` (`"3"`, `W/"3"` or `3`) or a `version` in the
 * body; both must agree when both are sent. Undefined when neither is sent (last write wins).
 */
export function expectedVersion(
  request: FastifyRequest,
  bodyVersion: number | undefined,
): number | undefined {
  const header = request.headers["if-match"];
  let fromHeader: number | undefined;
  if (header !== undefined && header !== "*") {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
    if (!match) {
      throw new HubError("validation_failed", 'Invalid If-Match: send the ETag, e.g. "3"', {
        issues: [{ path: "if-match", message: 'must be an ETag like "3"', in: "headers" }],
      });
    }
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new HubError("validation_failed", "If-Match and version disagree; send one of them", {
      issues: [{ path: "version", message: "differs from If-Match", in: "body" }],
    });
  }
  return fromHeader ?? bodyVersion;
}

/** 409 when the stored version is not the one the change was based on. */
export function assertVersion(
  entity: string,
  id: string,
  current: number,
  expected: number | undefined,
): void {
  if (expected !== undefined && expected !== current) {
    throw new HubError(
      "version_conflict",
      `${entity} ${id} is at version ${current}, not ${expected}; read it again and retry`,
      { entity, id, currentVersion: current, expectedVersion: expected },
    );
  }
}
