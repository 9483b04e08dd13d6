/**
 * The whole lead pipeline in-process with @forecourt/sdk: three inquiries arrive for a dealer
 * group with a Beijing and a Shanghai store; the second is the same customer again and joins the
 * first lead instead of becoming a duplicate.
 *
 *   pnpm --filter @forecourt/examples lead-pipeline
 */
import {
  type AssignmentState,
  assignLead,
  compileAssignmentRules,
  createIdentityIndex,
  type LeadInput,
  matchIdentity,
  newId,
  normalizeLead,
  planFollowUps,
  rateLead,
} from "@forecourt/sdk";

const beijing = { id: newId("store"), timeZone: "Asia/Shanghai", managerId: newId("salesperson") };
const shanghai = { id: newId("store"), timeZone: "Asia/Shanghai", managerId: newId("salesperson") };
const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  starts: "09:00",
  ends: "21:00",
}));
const salespeople = [
  { id: newId("salesperson"), name: "李娜", storeId: beijing.id, shifts: everyDay },
  { id: newId("salesperson"), name: "张伟", storeId: beijing.id, shifts: everyDay },
  { id: newId("salesperson"), name: "王芳", storeId: shanghai.id, shifts: everyDay },
];
const names = new Map<string, string>(salespeople.map((p) => [p.id, p.name]));

const rules = compileAssignmentRules({
  stores: [beijing, shanghai],
  salespeople: salespeople.map(({ name: _name, ...person }) => person),
  fallback: "manager",
  rules: [
    {
      id: "beijing",
      when: { regions: ["Beijing"] },
      target: { storeId: beijing.id },
      onShiftOnly: true,
    },
    { id: "shanghai", when: { regions: ["Shanghai"] }, target: { storeId: shanghai.id } },
  ],
});

const inquiries: LeadInput[] = [
  {
    source: "autohome",
    channel: "portal",
    externalId: "0093817265",
    contact: { name: "王先生", phone: "138 1234 5678" },
    region: "北京",
    interest: { brand: "BYD", series: "Han", price: { amount: 21_980_000, currency: "CNY" } },
    budget: { max: { amount: 23_000_000, currency: "CNY" } },
    timeframe: "within_7_days",
    intent: "high",
    engagement: { testDriveRequested: true },
  },
  {
    source: "dongchedi",
    channel: "portal",
    contact: { name: "王先生", phone: "+86 138-1234-5678", email: "Wang@Example.com" },
    region: "Beijing",
    interest: { brand: "BYD", series: "Seal" },
  },
  {
    source: "meta_lead_ads",
    channel: "social",
    contact: { name: "Chen Jing", email: "chen.jing@example.com" },
    region: "上海市",
    timeframe: "within_3_months",
  },
];

const now = "2026-11-27T10:00:00+08:00";
const index = createIdentityIndex();
let state: AssignmentState | undefined;

for (const inquiry of inquiries) {
  const { lead } = normalizeLead(inquiry);
  const match = matchIdentity(lead, index, { now });
  if (match.decision === "merge") {
    console.log(
      `merge: ${lead.source} inquiry joins ${match.into.id} (${match.reasons[0]?.message})`,
    );
    continue;
  }
  const leadId = newId("lead");
  const rating = rateLead(lead);
  const assignment = assignLead(lead, { rules, state, now, grade: rating.grade });
  state = assignment.nextState;
  index.add({
    kind: "lead",
    id: leadId,
    phone: lead.contact.phone,
    email: lead.contact.email,
    status: "new",
    createdAt: now,
    salespersonId: assignment.outcome === "assigned" ? assignment.salespersonId : undefined,
  });
  if (assignment.outcome !== "assigned") {
    console.log(`unassigned: ${leadId} → ${assignment.fallback}`);
    continue;
  }
  const plan = planFollowUps(
    {
      status: "new",
      grade: rating.grade,
      receivedAt: now,
      salespersonId: assignment.salespersonId,
    },
    { store: assignment.storeId === beijing.id ? beijing : shanghai, now },
  );
  console.log(
    `new: ${lead.source} grade ${rating.grade} → ${names.get(assignment.salespersonId)} ` +
      `(rule ${assignment.ruleId}); first contact due ${plan.tasks[0]?.dueAt}`,
  );
  console.log(`  why ${rating.grade}: ${rating.reasons.map((r) => r.message).join("; ")}`);
}
