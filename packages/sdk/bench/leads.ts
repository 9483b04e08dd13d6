/**
 * Lead pipeline over 1,000,000 synthetic leads: normalise → identity match → rate → assign, each
 * stage on its own and the whole pipeline end to end.
 */
import {
  assignLead,
  compileAssignmentRules,
  compileRatingScheme,
  createIdentityIndex,
  DEFAULT_RATING_SCHEME,
  type IdentityRecord,
  matchIdentity,
  type NormalizedLead,
  newId,
  normalizeLead,
  rateLead,
} from "@forecourt/sdk";
import type { Suite } from "./harness.js";
import { syntheticLeadInputs, syntheticOrg } from "./synthetic.js";

export function leadSuite(count: number): Suite {
  const now = "2026-11-27T10:00:00+08:00";
  const inputs = syntheticLeadInputs(count);
  const normalized: NormalizedLead[] = inputs.map((input) => normalizeLead(input).lead);

  // An index of existing customers and open leads: every tenth synthetic lead is already known,
  // plus as many unrelated records again, so a tenth of lookups merge and the rest are new.
  const existing: IdentityRecord[] = [];
  for (let i = 0; i < count; i++) {
    const lead = normalized[i]!;
    if (i % 10 === 0) {
      existing.push(
        i % 20 === 0
          ? { kind: "customer", id: newId("customer"), phone: lead.contact.phone }
          : {
              kind: "lead",
              id: newId("lead"),
              phone: lead.contact.phone,
              email: lead.contact.email,
              status: "contacted",
              lastActivityAt: "2026-11-20T10:00:00+08:00",
            },
      );
    }
  }
  for (let i = 0; i < count / 10; i++) {
    existing.push({
      kind: "customer",
      id: newId("customer"),
      phone: `+86139${String(i).padStart(8, "0")}`,
    });
  }
  const index = createIdentityIndex(existing);
  const matchOptions = { now };

  const scheme = compileRatingScheme(DEFAULT_RATING_SCHEME);
  const org = syntheticOrg(20);
  const [beijing, shanghai] = org.stores;
  const rules = compileAssignmentRules({
    stores: org.stores,
    salespeople: org.salespeople,
    fallback: "manager",
    rules: [
      {
        id: "beijing",
        when: { regions: ["Beijing"] },
        target: { storeId: beijing!.id },
        onShiftOnly: true,
      },
      {
        id: "shanghai",
        when: { regions: ["上海"] },
        target: { storeId: shanghai!.id },
        strategy: "least_loaded",
      },
      { id: "rest", target: { salespersonIds: org.salespeople.map((p) => p.id) } },
    ],
  });
  const grades = normalized.map((lead) => rateLead(lead, scheme).grade);

  let sink = 0;
  return {
    name: "lead pipeline",
    items: count,
    tasks: [
      {
        name: "normalise",
        fn: () => {
          for (let i = 0; i < count; i++) sink += normalizeLead(inputs[i]!).warnings.length;
        },
      },
      {
        name: "identity match (indexed)",
        fn: () => {
          for (let i = 0; i < count; i++) {
            if (matchIdentity(normalized[i]!, index, matchOptions).decision === "merge") sink++;
          }
        },
      },
      {
        name: "rate",
        fn: () => {
          for (let i = 0; i < count; i++) sink += rateLead(normalized[i]!, scheme).score ?? 0;
        },
      },
      {
        name: "assign",
        fn: () => {
          let state: ReturnType<typeof assignLead>["nextState"] | undefined;
          for (let i = 0; i < count; i++) {
            const result = assignLead(normalized[i]!, { rules, state, now, grade: grades[i] });
            state = result.nextState;
          }
        },
      },
      {
        name: "whole pipeline",
        fn: () => {
          let state: ReturnType<typeof assignLead>["nextState"] | undefined;
          for (let i = 0; i < count; i++) {
            const { lead } = normalizeLead(inputs[i]!);
            const match = matchIdentity(lead, index, matchOptions);
            const rating = rateLead(lead, scheme);
            const result = assignLead(lead, {
              rules,
              state,
              now,
              grade: rating.grade,
              existingSalespersonId: match.decision === "merge" ? match.salespersonId : undefined,
            });
            state = result.nextState;
          }
        },
      },
    ],
    sink: () => sink,
  };
}
