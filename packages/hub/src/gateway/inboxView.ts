import type { z } from "zod";
import type { InboxRow } from "./inbox.js";
import type { inboxEntrySchema } from "./schemas.js";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What the API shows of an inbox row: never the body or headers (they may hold personal data). */
export function inboxEntryFromRow(row: InboxRow): z.infer<typeof inboxEntrySchema> {
  return {
    id: row.id,
    connectionId: row.connectionId,
    eventKey: row.eventKey,
    origin: row.origin,
    status: row.status,
    contentType: row.contentType,
    bodyBytes: row.rawBody.byteLength,
    receivedAt: row.receivedAt.toISOString(),
    attempts: row.attempts,
    waits: row.waits,
    nextAttemptAt: iso(row.nextAttemptAt),
    lastError: row.lastError,
    errorCode: row.errorCode,
    leadId: row.leadId,
    processedAt: iso(row.processedAt),
  };
}
