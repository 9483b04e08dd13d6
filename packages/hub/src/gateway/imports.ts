import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { ConnectorError, type LeadSourceEvent } from "@forecourt/connectors";
import { CSV_CONNECTOR_ID, readCsvLeads } from "@forecourt/connectors/csv";
import { readVcardLeads, VCARD_CONNECTOR_ID, VCARD_MAX_BYTES } from "@forecourt/connectors/vcard";
import type { z } from "zod";
import type { Actor } from "../auth/roles.js";
import { withTenant } from "../db/tenant.js";
import { HubError } from "../errors.js";
import { recordAudit } from "../lib/audit.js";
import type { HubServices } from "../services.js";
import { liveConfig, loadConnection } from "./connections.js";
import { enqueueProcessing, type InboxRequest, type InboxWrite, writeInbox } from "./inbox.js";
import type { importProblemSchema, importReportSchema } from "./schemas.js";
import { spoolUpload } from "./spool.js";

/**
 * File imports (`POST /v1/connections/{id}/imports`): a CSV or vCard file becomes one inbox row
 * per usable row or card — keyed by the connector's id for it, so importing the file again finds
 * every row there already — and the rows that cannot become leads come back in the answer, each
 * with where it is in the file and why. The processing jobs then make the leads, as for webhooks.
 */

/** Largest file taken: the CSV reader streams, but the answer waits until every row is stored. */
export const MAX_IMPORT_BYTES = 100 * 1_048_576;
/** Rows written (and queued) per transaction. */
export const IMPORT_BATCH_ROWS = 500;
/** Problems listed in the answer; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 1_000;

export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;

type ImportItem = { ok: true; event: LeadSourceEvent } | { ok: false; problems: ImportProblem[] };

interface FileImporter {
  /** The file's rows or cards in file order, as lead events or their problems. */
  read(
    file: { path: string; bytes: number },
    config: Record<string, unknown>,
    fileId: string,
  ): AsyncIterable<ImportItem>;
}

const IMPORTERS: ReadonlyMap<string, FileImporter> = new Map<string, FileImporter>([
  [
    CSV_CONNECTOR_ID,
    {
      async *read(file, config, fileId) {
        for await (const result of readCsvLeads(createReadStream(file.path), {
          ...config,
          fileId,
        })) {
          yield result.ok
            ? { ok: true, event: result.event }
            : {
                ok: false,
                problems: result.errors.map(({ row, column, message }) => ({
                  row,
                  ...(column !== undefined && { column }),
                  message,
                })),
              };
        }
      },
    },
  ],
  [
    VCARD_CONNECTOR_ID,
    {
      async *read(file, config) {
        if (file.bytes > VCARD_MAX_BYTES) {
          throw new HubError(
            "payload_too_large",
            `A vCard file is at most ${VCARD_MAX_BYTES} bytes (scanner exports are far smaller)`,
            { limit: VCARD_MAX_BYTES },
          );
        }
        for (const result of await readVcardLeads(await readFile(file.path), config)) {
          yield result.ok
            ? { ok: true, event: result.event }
            : {
                ok: false,
                problems: result.errors.map(({ card, line, message }) => ({
                  card,
                  ...(line !== undefined && { line }),
                  message,
                })),
              };
        }
      },
    },
  ],
]);

/** Whether connections of this connector take file imports. */
export const takesImports = (connectorId: string) => IMPORTERS.has(connectorId);

export interface ImportOptions {
  /** Names the upload for good; else the file's SHA-256 does, so the same bytes are one import. */
  fileId?: string | undefined;
  limit?: number;
}

/**
 * Reads an uploaded file into a connection's inbox. The connection is checked before a byte is
 * read; the file is spooled (hashed, bounded) and then read row by row, in batches of
 * `IMPORT_BATCH_ROWS` committed and queued for processing as they go.
 */
export async function importFile(
  services: HubServices,
  actor: Actor,
  requestId: string,
  connectionId: string,
  body: Readable,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { db, crypto, queue } = services;
  const connection = await withTenant(db, actor.tenantId, (tx) =>
    loadConnection(tx, actor.tenantId, connectionId),
  );
  const importer = IMPORTERS.get(connection.connectorId);
  if (!importer) {
    throw new HubError(
      "import_not_supported",
      `${connection.connectorId} connections take no files; csv_import and vcard connections do`,
      { connectorId: connection.connectorId },
    );
  }
  if (connection.status !== "active") {
    throw new HubError("connection_not_active", `The connection is ${connection.status}`, {
      status: connection.status,
    });
  }
  const config = liveConfig(connection, crypto);
  const file = await spoolUpload(body, options.limit ?? MAX_IMPORT_BYTES);
  try {
    const fileId = options.fileId ?? `sha256:${file.sha256}`;
    const report: ImportReport = {
      connectionId,
      fileId,
      bytes: file.bytes,
      items: 0,
      accepted: 0,
      duplicates: 0,
      failed: 0,
      problems: [],
      problemsOmitted: 0,
    };
    const request: InboxRequest = {
      tenantId: actor.tenantId,
      connectionId,
      origin: "upload",
      rawBody: Buffer.alloc(0),
      headers: {},
      contentType: "application/json",
      receivedAt: new Date(),
    };
    let batch = new Map<string, InboxWrite>();
    const flush = async () => {
      const writes = [...batch.values()];
      batch = new Map();
      if (writes.length === 0) return;
      // Each row keeps its own event as its body: the file is not kept.
      const stored = await withTenant(db, actor.tenantId, (tx) =>
        writeInbox(tx, request, writes, (write) => Buffer.from(JSON.stringify(write.event))),
      );
      const fresh = stored.filter((entry) => entry.created);
      report.accepted += fresh.length;
      report.duplicates += stored.length - fresh.length;
      await enqueueProcessing(
        queue,
        fresh.filter((entry) => entry.status === "received"),
      );
    };
    try {
      for await (const item of importer.read(file, config, fileId)) {
        report.items++;
        if (!item.ok) {
          report.failed++;
          const room = MAX_LISTED_PROBLEMS - report.problems.length;
          report.problems.push(...item.problems.slice(0, room));
          report.problemsOmitted += Math.max(0, item.problems.length - room);
          continue;
        }
        const { event } = item;
        // The same id twice in one file (a card exported twice, a repeated lead number).
        if (batch.has(event.externalId)) {
          report.duplicates++;
          continue;
        }
        batch.set(event.externalId, {
          eventKey: event.externalId,
          event,
          status: event.isTest ? "ignored_test" : "received",
        });
        if (batch.size >= IMPORT_BATCH_ROWS) await flush();
      }
      await flush();
    } catch (error) {
      // A file the connector refuses as a whole (no contact column …) is refused before any row.
      if (error instanceof ConnectorError) {
        throw new HubError("import_unreadable", error.message, {
          ...(error.code !== undefined && { reason: error.code }),
        });
      }
      throw error;
    }
    await withTenant(db, actor.tenantId, (tx) =>
      recordAudit(tx, actor, requestId, {
        action: "connection.imported",
        entityType: "connection",
        entityId: connectionId,
        after: { ...report, problems: report.problems.length },
      }),
    );
    return report;
  } finally {
    await file.remove();
  }
}
