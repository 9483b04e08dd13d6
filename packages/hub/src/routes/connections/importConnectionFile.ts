import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HubError } from "../../errors.js";
import { importFile, MAX_IMPORT_BYTES } from "../../gateway/imports.js";
import {
  CONNECTION_ID,
  GATEWAY_ADMINS,
  importQuerySchema,
  importReportSchema,
} from "../../gateway/schemas.js";
import { idParams, writeErrors } from "../../lib/schemas.js";
import { requireRole } from "../../services.js";

/** What the import screen sends: the file as it is, whatever it is labelled. */
const FILE_TYPES = ["text/csv", "text/vcard", "text/x-vcard", "application/octet-stream"];

export function importConnectionFile(app: FastifyInstance): void {
  // Its own scope: every body is the raw upload stream here, read as it arrives (not buffered,
  // not held to the JSON body limit); the import bounds it by MAX_IMPORT_BYTES.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/v1/connections/:id/imports",
      {
        config: { idempotency: "by-content" },
        schema: {
          tags: ["connections"],
          summary:
            "Import a CSV or vCard file into a csv_import or vcard connection: one inbox entry (then a lead) per usable row or card, keyed so the same file twice adds nothing; the answer lists each row or card that cannot become a lead, with where it is and why",
          description: `The body is the file itself (\`Content-Type: ${FILE_TYPES.join(", ")}\`), up to ${MAX_IMPORT_BYTES} bytes. The answer (202) comes once every row is in the inbox; the leads follow from the processing jobs. \`Idempotency-Key\` is not needed: rows are keyed by the file (its \`fileId\`, else its SHA-256) and their row.`,
          consumes: FILE_TYPES,
          params: idParams(z.string().regex(CONNECTION_ID)),
          querystring: importQuerySchema,
          body: z.unknown().meta({ type: "string", format: "binary" }),
          response: { 202: importReportSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const actor = requireRole(request, GATEWAY_ADMINS);
        if (!(request.body instanceof Readable)) {
          throw new HubError("validation_failed", "Send the file as the request body", {
            issues: [{ path: "body", message: "is empty" }],
          });
        }
        const report = await importFile(
          app.hub,
          actor,
          request.id,
          request.params.id,
          request.body,
          { fileId: request.query.fileId },
        );
        return reply.status(202).send(report);
      },
    );
  });
}
