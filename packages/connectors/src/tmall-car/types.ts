import { z } from "zod";

/**
 * The business content of `qimen.tmall.car.leads.synchronize`: required `name`, `mobile` and
 * `attr` (`store_id`, `store_code`); optional `brand`, `line` (车系), `year`, `model`, `price`,
 * `district_id`, `price_memo`. Read loosely — scalars as text, `attr` as an object or as the JSON
 * text form posts carry — and checked by the connector, which says what is missing.
 */

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const tmallStoreAttrSchema = z.looseObject({
  store_id: text.optional(),
  store_code: text.optional(),
});

export const tmallLeadSchema = z.looseObject({
  name: text.optional(),
  mobile: text.optional(),
  attr: z
    .union([
      tmallStoreAttrSchema,
      z.string().transform((value, ctx) => {
        try {
          return tmallStoreAttrSchema.parse(JSON.parse(value));
        } catch {
          ctx.addIssue({ code: "custom", message: "is neither an object nor JSON of one" });
          return z.NEVER;
        }
      }),
    ])
    .optional(),
  brand: text.optional(),
  /** 车系, the series. */
  line: text.optional(),
  year: text.optional(),
  model: text.optional(),
  price: text.optional(),
  district_id: text.optional(),
  price_memo: text.optional(),
  /** Not in the published field list; used as the external id when Tmall sends one. */
  lead_id: text.optional(),
});
export type TmallLead = z.input<typeof tmallLeadSchema>;
export type ParsedTmallLead = z.output<typeof tmallLeadSchema>;

/** What the dealer system answers Qimen. */
export interface TmallAck {
  success: boolean;
  msgCode: string;
  msgDesc: string;
}
