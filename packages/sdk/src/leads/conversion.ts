import { z } from "zod";
import { customerTypeSchema } from "../common.js";
import { MINUTE_MS, timestampSchema } from "../primitives/time.js";
import { parseInput } from "../validate.js";
import { reason } from "./config.js";
import { leadChannelSchema, type Reason } from "./schema.js";

const conversionLeadSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  channel: leadChannelSchema,
  customerType: customerTypeSchema,
  campaignId: z.string().optional(),
  receivedAt: timestampSchema,
  firstContactAt: timestampSchema.optional(),
});
export type ConversionLead = z.input<typeof conversionLeadSchema>;

/** An opportunity or order as conversion analysis needs it: which lead, and when. */
const outcomeSchema = z.object({
  id: z.string().min(1),
  leadId: z.string().min(1),
  createdAt: timestampSchema,
});
export type ConversionOutcome = z.input<typeof outcomeSchema>;

/** Group key used for leads without a campaign. */
export const NO_CAMPAIGN = "(none)";

const optionsSchema = z.strictObject({
  /** Only leads received at or after this instant. */
  from: timestampSchema.optional(),
  /** Only leads received before this instant. */
  to: timestampSchema.optional(),
});
export type ConversionOptions = z.input<typeof optionsSchema>;

export interface ConversionRow {
  key: string;
  leads: number;
  /** Leads with at least one opportunity. */
  opportunities: number;
  /** Leads with at least one order. */
  orders: number;
  leadToOpportunityRate: number;
  /** Of the leads with an opportunity, the share that also ordered. */
  opportunityToOrderRate: number;
  leadToOrderRate: number;
  contacted: number;
  /** Median minutes from receipt to first contact over contacted leads; undefined when none. */
  medianMinutesToFirstContact: number | undefined;
}

export interface ConversionReport {
  total: ConversionRow;
  bySource: ConversionRow[];
  byChannel: ConversionRow[];
  byCustomerType: ConversionRow[];
  byCampaign: ConversionRow[];
  /** Opportunities or orders whose lead is not among the leads analysed. */
  warnings: Reason[];
}

interface Acc {
  leads: number;
  opportunities: number;
  orders: number;
  both: number;
  minutes: number[];
}

const newAcc = (): Acc => ({ leads: 0, opportunities: 0, orders: 0, both: 0, minutes: [] });

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function row(key: string, a: Acc): ConversionRow {
  return {
    key,
    leads: a.leads,
    opportunities: a.opportunities,
    orders: a.orders,
    leadToOpportunityRate: rate(a.opportunities, a.leads),
    opportunityToOrderRate: rate(a.both, a.opportunities),
    leadToOrderRate: rate(a.orders, a.leads),
    contacted: a.minutes.length,
    medianMinutesToFirstContact: median(a.minutes),
  };
}

function bump(groups: Map<string, Acc>, key: string): Acc {
  let acc = groups.get(key);
  if (!acc) {
    acc = newAcc();
    groups.set(key, acc);
  }
  return acc;
}

const rows = (groups: Map<string, Acc>) =>
  [...groups]
    .map(([key, acc]) => row(key, acc))
    .sort((a, b) => b.leads - a.leads || (a.key < b.key ? -1 : 1));

/**
 * Lead → opportunity → order conversion and median time to first contact, in total and grouped
 * by source, channel, customer type and campaign. Each lead counts once per stage however many
 * opportunities or orders it has. One pass over each list; groups are Map-based.
 */
export function conversionByChannel(
  leads: readonly ConversionLead[],
  opportunities: readonly ConversionOutcome[] = [],
  orders: readonly ConversionOutcome[] = [],
  options: ConversionOptions = {},
): ConversionReport {
  const opts = parseInput(optionsSchema, options, "conversion options");
  const leadList = parseInput(z.array(conversionLeadSchema), leads, "leads");
  const opps = parseInput(z.array(outcomeSchema), opportunities, "opportunities");
  const ords = parseInput(z.array(outcomeSchema), orders, "orders");
  const from = opts.from === undefined ? -Infinity : Date.parse(opts.from);
  const to = opts.to === undefined ? Infinity : Date.parse(opts.to);

  const withOpp = new Set<string>();
  for (const o of opps) withOpp.add(o.leadId);
  const withOrder = new Set<string>();
  for (const o of ords) withOrder.add(o.leadId);

  const total = newAcc();
  const groups = [
    new Map<string, Acc>(),
    new Map<string, Acc>(),
    new Map<string, Acc>(),
    new Map<string, Acc>(),
  ] as const;
  const seen = new Set<string>();
  for (const lead of leadList) {
    seen.add(lead.id);
    const received = Date.parse(lead.receivedAt);
    if (received < from || received >= to) continue;
    const hasOpp = withOpp.has(lead.id);
    const hasOrder = withOrder.has(lead.id);
    const minutes =
      lead.firstContactAt === undefined
        ? undefined
        : Math.max(0, (Date.parse(lead.firstContactAt) - received) / MINUTE_MS);
    const keys = [lead.source, lead.channel, lead.customerType, lead.campaignId ?? NO_CAMPAIGN];
    for (let g = 0; g < 5; g++) {
      const acc = g === 4 ? total : bump(groups[g as 0 | 1 | 2 | 3], keys[g]!);
      acc.leads++;
      if (hasOpp) acc.opportunities++;
      if (hasOrder) acc.orders++;
      if (hasOpp && hasOrder) acc.both++;
      if (minutes !== undefined) acc.minutes.push(minutes);
    }
  }

  const warnings: Reason[] = [];
  const orphans = (list: { leadId: string }[], what: string) => {
    let n = 0;
    for (const o of list) if (!seen.has(o.leadId)) n++;
    if (n > 0)
      warnings.push(reason(`unknown_lead_${what}`, `${n} ${what} refer to leads not analysed`));
  };
  orphans(opps, "opportunities");
  orphans(ords, "orders");

  return {
    total: row("total", total),
    bySource: rows(groups[0]),
    byChannel: rows(groups[1]),
    byCustomerType: rows(groups[2]),
    byCampaign: rows(groups[3]),
    warnings,
  };
}
