import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { type AssignmentState, assignLead } from "./assignment.js";
import { type AssignmentConfig, compileAssignmentRules } from "./assignmentRules.js";
import { normalizeLead } from "./normalize.js";

const bj = newId("store");
const sh = newId("store");
const bjManager = newId("salesperson");
const [a, b, c] = [newId("salesperson"), newId("salesperson"), newId("salesperson")];
const fleetPerson = newId("salesperson");
const shPerson = newId("salesperson");
// 2026-11-27 is a Friday; 10:00 in Beijing.
const now = "2026-11-27T10:00:00+08:00";

const config: AssignmentConfig = {
  stores: [
    { id: bj, timeZone: "Asia/Shanghai", managerId: bjManager },
    { id: sh, timeZone: "Asia/Shanghai" },
  ],
  salespeople: [
    { id: a, storeId: bj, shifts: [{ weekday: 5, starts: "09:00", ends: "18:00" }] },
    { id: b, storeId: bj, shifts: [{ weekday: 5, starts: "13:00", ends: "22:00" }] },
    { id: c, storeId: bj, shifts: [{ weekday: 4, starts: "22:00", ends: "11:00" }] },
    { id: fleetPerson, storeId: bj, customerTypes: ["fleet"] },
    { id: bjManager, storeId: bj, role: "manager" },
    { id: shPerson, storeId: sh, brands: ["BYD"] },
  ],
  rules: [
    { id: "fleet", when: { customerTypes: ["fleet"] }, target: { salespersonIds: [fleetPerson] } },
    {
      id: "bj-h-onshift",
      when: { regions: ["Beijing"], grades: ["H"] },
      target: { storeId: bj },
      onShiftOnly: true,
    },
    { id: "bj", when: { regions: ["北京"] }, target: { storeId: bj }, strategy: "least_loaded" },
    { id: "sh-byd", when: { regions: ["310000"], brands: ["byd"] }, target: { storeId: sh } },
  ],
  fallback: "manager",
};
const rules = compileAssignmentRules(config);
const lead = (over: Record<string, unknown> = {}) => ({
  source: "autohome",
  channel: "portal" as const,
  customerType: "individual" as const,
  region: "110000",
  ...over,
});

describe("assignLead", () => {
  it("routes by region and customer type, with the rule and reasons", () => {
    const fleet = assignLead(lead({ customerType: "fleet" }), { rules, now });
    expect(fleet).toMatchObject({
      outcome: "assigned",
      salespersonId: fleetPerson,
      ruleId: "fleet",
      storeId: bj,
    });
    const sh1 = assignLead(lead({ region: "310000", interest: { brand: "BYD " } }), { rules, now });
    expect(sh1).toMatchObject({ outcome: "assigned", salespersonId: shPerson, ruleId: "sh-byd" });
    expect(sh1.reasons[0]).toEqual({
      code: "rule_matched",
      message: 'rule "sh-byd" matches the lead',
    });
  });

  it("on-shift only: picks people whose shift (store time zone) covers now, incl. overnight shifts", () => {
    const r = assignLead(lead(), { rules, now, grade: "H" });
    // a works 09–18 Friday; c's Thursday 22:00–11:00 shift runs into Friday morning; b starts 13:00.
    expect(r.outcome === "assigned" && [a, c]).toContain(
      r.outcome === "assigned" ? r.salespersonId : "",
    );
    let state: AssignmentState | undefined;
    const picked = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const x = assignLead(lead(), { rules, now, grade: "H", state });
      if (x.outcome === "assigned") picked.add(x.salespersonId);
      state = x.nextState;
    }
    expect([...picked].sort()).toEqual([a, c].sort());
  });

  it("least-loaded uses the open-lead counts passed in", () => {
    const state = { openLeads: { [a]: 5, [b]: 2, [c]: 7 } };
    const r = assignLead(lead(), { rules, now, state });
    expect(r).toMatchObject({ salespersonId: b, strategy: "least_loaded" });
    expect(r.nextState.openLeads[b]).toBe(3);
    expect(state.openLeads[b]).toBe(2); // input state untouched
  });

  it("existing relationship first, when that person is eligible", () => {
    const r = assignLead(lead(), {
      rules,
      now,
      existingSalespersonId: c,
      state: { openLeads: { [c]: 99 } },
    });
    expect(r).toMatchObject({ salespersonId: c, strategy: "existing_relationship" });
    const inactive = compileAssignmentRules({
      ...config,
      salespeople: config.salespeople.map((p) => (p.id === c ? { ...p, active: false } : p)),
    });
    const r2 = assignLead(lead(), { rules: inactive, now, existingSalespersonId: c });
    expect(r2.outcome === "assigned" && r2.salespersonId).not.toBe(c);
    expect(r2.reasons.map((x) => x.code)).toContain("existing_relationship_skipped");
  });

  it("falls through rules, then to the manager with reasons, when nobody is eligible", () => {
    const r = assignLead(lead({ region: "440000" }), { rules, now });
    expect(r).toMatchObject({ outcome: "unassigned", fallback: "manager", managerId: undefined });
    expect(r.reasons.map((x) => x.code)).toEqual(["no_rule_matched", "fallback_manager"]);
    const full = compileAssignmentRules({
      ...config,
      salespeople: config.salespeople.map((p) => ({ ...p, maxOpenLeads: 1 })),
    });
    const state = { openLeads: { [fleetPerson]: 1 } };
    const f = assignLead(lead({ customerType: "fleet", region: "440000" }), {
      rules: full,
      now,
      state,
    });
    expect(f).toMatchObject({
      outcome: "unassigned",
      fallback: "manager",
      managerId: bjManager,
      storeId: bj,
    });
    expect(f.reasons.find((x) => x.code === "nobody_eligible")?.message).toContain("1 at capacity");
  });

  it("rejects bad rules, state and context with ValidationError", () => {
    const bad = (c: unknown) => () => compileAssignmentRules(c as AssignmentConfig);
    expect(bad({ ...config, rules: [{ id: "x", target: {} }] })).toThrow(/rules\.0\.target/);
    expect(
      bad({
        ...config,
        rules: [{ id: "x", when: { regions: ["Atlantis"] }, target: { storeId: bj } }],
      }),
    ).toThrow(ValidationError);
    expect(
      bad({ ...config, rules: [{ id: "x", target: { storeId: bj }, strategy: "random" }] }),
    ).toThrow(ValidationError);
    expect(bad({ ...config, extra: 1 })).toThrow(ValidationError);
    expect(() => assignLead(lead(), { rules, now, state: { positions: { bj: -1 } } })).toThrow(
      ValidationError,
    );
    expect(() => assignLead(lead(), { rules, now: "today" })).toThrow(ValidationError);
    expect(() => assignLead(lead({ channel: "pigeon" }), { rules, now })).toThrow(ValidationError);
  });

  it("accepts raw config and a normalised lead directly", () => {
    const { lead: l } = normalizeLead({
      source: "web",
      channel: "website",
      region: "Beijing",
      contact: { phone: "13812345678" },
    });
    expect(assignLead(l, { rules: config, now }).outcome).toBe("assigned");
  });
});

describe("round-robin evenness (property)", () => {
  it("over N eligible people, counts differ by at most one for any number of leads", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 200 }), (n, leads) => {
        const store = newId("store");
        const people = Array.from({ length: n }, () => ({
          id: newId("salesperson"),
          storeId: store,
        }));
        const compiled = compileAssignmentRules({
          stores: [{ id: store }],
          salespeople: people,
          rules: [{ id: "all", target: { storeId: store } }],
        });
        const counts = new Map<string, number>(people.map((p) => [p.id, 0]));
        let state: AssignmentState | undefined;
        for (let i = 0; i < leads; i++) {
          const r = assignLead(lead(), { rules: compiled, now, state });
          if (r.outcome !== "assigned") throw new Error("expected an assignment");
          counts.set(r.salespersonId, counts.get(r.salespersonId)! + 1);
          state = r.nextState;
        }
        const values = [...counts.values()];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
