import { z } from "zod";

/**
 * What this connector reads from Odoo: `search_read` rows (many2one fields as `[id, name]`) and
 * JSON-2 error bodies (`{ name, message, arguments, context, debug }`).
 */

const many2one = z.union([z.tuple([z.number(), z.string()]), z.literal(false)]);

export const odooSaleOrderSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  state: z.string(),
  client_order_ref: z.union([z.string(), z.literal(false)]).optional(),
  partner_id: many2one.optional(),
});
export type OdooSaleOrder = z.output<typeof odooSaleOrderSchema>;

export const odooPartnerSchema = z.looseObject({
  id: z.number().int(),
  name: z.union([z.string(), z.literal(false)]).optional(),
  email: z.union([z.string(), z.literal(false)]).optional(),
  phone: z.union([z.string(), z.literal(false)]).optional(),
});
export type OdooPartner = z.output<typeof odooPartnerSchema>;

export const odooJson2ErrorSchema = z.looseObject({
  name: z.string(),
  message: z.string(),
  arguments: z.array(z.unknown()).optional(),
  debug: z.string().optional(),
});

/** A JSON-2 error body, as the mocks write it. */
export interface OdooJson2ErrorBody {
  name: string;
  message: string;
  arguments: unknown[];
  context: Record<string, unknown>;
  debug: string;
}

/** A `[field, operator, value]` domain term. */
export type OdooDomain = [string, string, string | number | boolean][];
