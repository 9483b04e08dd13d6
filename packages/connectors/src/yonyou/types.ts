import { z } from "zod";

/**
 * YonBIP open API shapes. Every answer is `{ code, message, data }` — `"00000"` for the auth
 * services, `"200"` for business APIs — usually with HTTP 200 whatever happened.
 */

export const yonyouEnvelopeSchema = z.looseObject({
  code: z.union([z.string(), z.number()]).transform(String),
  message: z.string().nullish(),
  data: z.unknown().optional(),
});
export type YonyouEnvelope = z.output<typeof yonyouEnvelopeSchema>;

export const yonyouGatewaySchema = z.looseObject({ gatewayUrl: z.string(), tokenUrl: z.string() });

export const yonyouTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  /** Seconds the token lives (7200). */
  expire: z.number().int().positive(),
});

export const yonyouSavedOrderSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  code: z.string().nullish(),
  agentId: z.union([z.string(), z.number()]).transform(String).nullish(),
});
export type YonyouSavedOrder = z.output<typeof yonyouSavedOrderSchema>;

export const yonyouOrderPageSchema = z.looseObject({
  recordCount: z.number().optional(),
  recordList: z.array(yonyouSavedOrderSchema).default([]),
});

/** What the mocks answer: the envelope with typed data. */
export interface YonyouBody<D = unknown> {
  code: string;
  message: string;
  data?: D;
}

export interface YonyouOrderRecord {
  id: string;
  code: string;
  agentId?: string;
  [field: string]: unknown;
}
