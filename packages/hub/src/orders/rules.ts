import type { ApprovalContext, OrderChangeRulesInput, TaxRulesInput } from "@forecourt/sdk";
import { eq } from "drizzle-orm";
import { orderRules } from "../db/schema.js";
import type { Tx } from "../db/tenant.js";

/** A group's order rules; what it has not set is the SDK's default (the SDK fills it in). */
export interface TenantOrderRules {
  approval: ApprovalContext;
  tax: TaxRulesInput | undefined;
  changes: OrderChangeRulesInput;
}

export async function loadOrderRules(tx: Tx, tenantId: string): Promise<TenantOrderRules> {
  const [row] = await tx
    .select()
    .from(orderRules)
    .where(eq(orderRules.tenantId, tenantId))
    .limit(1);
  const approval: ApprovalContext = row?.approval ? { rules: row.approval } : {};
  return {
    approval,
    tax: (row?.tax as TaxRulesInput | null) ?? undefined,
    changes: { ...((row?.changes as OrderChangeRulesInput | null) ?? {}), approval },
  };
}
