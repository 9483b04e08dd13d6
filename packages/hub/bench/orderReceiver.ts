/**
 * The vendor side of `pnpm bench:push`: an HTTPS server on 127.0.0.1 that receives the generic
 * webhook destination's order pushes as a Standard Webhooks receiver would. It verifies each
 * delivery's signature with the SDK, keeps one document per `webhook-id` (the push's idempotency
 * key), answers a first delivery 201 with the document's id, number and URL and a repeat 409 (as
 * the connector expects), and counts everything it sees, repeats and second documents for one
 * order included.
 *
 * The generic webhook destination only posts to https:// URLs, so the receiver has a self-signed
 * certificate for 127.0.0.1 made at bench time with `openssl`; the hub's process trusts it through
 * NODE_EXTRA_CA_CERTS (set when it is started), which leaves the hub's own URL checks as they are.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { verifyWebhookSignature } from "@forecourt/sdk/webhooks";

export interface BenchCertificate {
  /** The PEM file to pass as NODE_EXTRA_CA_CERTS. */
  certFile: string;
  cert: Buffer;
  key: Buffer;
  remove(): Promise<void>;
}

/** A one-day self-signed P-256 certificate for IP 127.0.0.1, in a temp folder. */
export async function makeLoopbackCertificate(): Promise<BenchCertificate> {
  const dir = await mkdtemp(path.join(tmpdir(), "fc-push-tls-"));
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  try {
    await promisify(execFile)("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "1",
      "-subj",
      "/CN=Forecourt bench receiver",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `openssl could not make the receiver's certificate (is openssl installed?): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    certFile,
    cert: await readFile(certFile),
    key: await readFile(keyFile),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export interface ReceivedDocument {
  reference: string;
  webhookId: string;
  orderId: string;
  /** `performance.now()` of the parent when the document was made. */
  at: number;
}

export interface OrderReceiver {
  /** The endpoint for the connection's `url`. */
  url: string;
  /** One per `webhook-id`, in arrival order. */
  documents: ReceivedDocument[];
  /** Order id → the references of its documents (more than one is a double). */
  byOrder: Map<string, string[]>;
  /** Requests that reached the handler. */
  attempts: number;
  /** Deliveries of a `webhook-id` that already had a document (answered 409). */
  repeats: number;
  /** Deliveries refused: bad signature or unreadable body (answered 401 or 400). */
  refused: number;
  close(): Promise<void>;
}

const HOOK_PATH = "/hooks/forecourt/orders";

export async function startOrderReceiver(
  certificate: BenchCertificate,
  secret: string,
): Promise<OrderReceiver> {
  const byId = new Map<string, ReceivedDocument>();
  let origin = "";
  const receiver: OrderReceiver = {
    url: "",
    documents: [],
    byOrder: new Map(),
    attempts: 0,
    repeats: 0,
    refused: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer(
    { cert: certificate.cert, key: certificate.key, keepAliveTimeout: 30_000 },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        void (async () => {
          const answer = (status: number, body: object) => {
            response.writeHead(status, { "content-type": "application/json" });
            response.end(JSON.stringify(body));
          };
          if (request.method !== "POST" || request.url !== HOOK_PATH) {
            return answer(404, { error: "not found" });
          }
          receiver.attempts++;
          const raw = Buffer.concat(chunks).toString("utf8");
          const headers = new Headers();
          for (const [name, value] of Object.entries(request.headers)) {
            if (typeof value === "string") headers.set(name, value);
          }
          try {
            await verifyWebhookSignature(raw, headers, secret);
          } catch {
            receiver.refused++;
            return answer(401, { error: "invalid signature" });
          }
          const webhookId = headers.get("webhook-id")!;
          const seen = byId.get(webhookId);
          if (seen) {
            receiver.repeats++;
            return answer(409, { id: seen.reference, error: "already received" });
          }
          let orderId: unknown;
          try {
            orderId = (JSON.parse(raw) as { data?: { id?: unknown } }).data?.id;
          } catch {
            orderId = undefined;
          }
          if (typeof orderId !== "string") {
            receiver.refused++;
            return answer(400, { error: "no order in the payload" });
          }
          const reference = `doc_${String(receiver.documents.length + 1).padStart(6, "0")}`;
          const document = { reference, webhookId, orderId, at: performance.now() };
          byId.set(webhookId, document);
          receiver.documents.push(document);
          const references = receiver.byOrder.get(orderId);
          if (references) references.push(reference);
          else receiver.byOrder.set(orderId, [reference]);
          answer(201, {
            id: reference,
            number: `SO-${reference.slice(4)}`,
            url: `${origin}/documents/${reference}`,
          });
        })();
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("receiver not listening on TCP");
  origin = `https://127.0.0.1:${address.port}`;
  receiver.url = `${origin}${HOOK_PATH}`;
  return receiver;
}
