import { z } from "zod";
import { DEFAULT_HTTP_TIMEOUT_MS } from "../http.js";
import { secret } from "../secrets.js";

/** A Standard Webhooks secret: `whsec_` and base64 key bytes. */
const whsecSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, { message: "must be whsec_ followed by base64" });

/** Headers the connector sets itself, which the connection cannot override. */
const RESERVED_HEADERS = /^(webhook-(id|timestamp|signature)|content-type|content-length|host)$/i;

export const genericWebhookConfigSchema = z.strictObject({
  /** The receiver's endpoint; HTTPS only, since the body carries the customer's details. */
  url: z.url({ protocol: /^https$/, message: "must be an https:// URL" }),
  secret: secret(whsecSchema),
  /** The secret being replaced, during a rotation: deliveries carry both signatures. */
  previousSecret: secret(whsecSchema).optional(),
  /** Extra headers the receiver wants (a tenant or routing header); not for credentials. */
  headers: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z0-9-]{1,64}$/)
        .refine((name) => !RESERVED_HEADERS.test(name) && name.toLowerCase() !== "authorization", {
          message: "is set by the connector (use authorization for a credential)",
        }),
      z.string().max(2_000),
    )
    .default({}),
  /** A static `Authorization` value the receiver also asks for (`Bearer …`), kept secret. */
  authorization: secret(z.string().min(1).max(2_000)).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(DEFAULT_HTTP_TIMEOUT_MS),
});
export type GenericWebhookConfig = z.output<typeof genericWebhookConfigSchema>;
