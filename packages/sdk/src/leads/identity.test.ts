import { describe, expect, it, vi } from "vitest";
import { ValidationError } from "../errors.js";
import { matchIdentity } from "./identity.js";
import { createIdentityIndex } from "./identityIndex.js";
import { normalizeLead } from "./normalize.js";

const now = "2026-11-27T10:00:00+08:00";
const daysAgo = (d: number) => new Date(Date.parse(now) - d * 86_400_000).toISOString();
const byContact = (phone?: string, email?: string) => ({
  contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
});

describe("createIdentityIndex / matchIdentity", () => {
  const index = createIdentityIndex([
    { kind: "customer", id: "cus_1", phone: "+8613800000001", email: "li@example.com" },
    {
      kind: "lead",
      id: "lead_open",
      phone: "+8613800000002",
      status: "contacted",
      lastActivityAt: daysAgo(3),
      salespersonId: "sp_9",
    },
    {
      kind: "lead",
      id: "lead_old",
      phone: "+8613800000003",
      status: "new",
      createdAt: daysAgo(45),
    },
    {
      kind: "lead",
      id: "lead_lost",
      phone: "+8613800000004",
      status: "lost",
      lastActivityAt: daysAgo(1),
    },
    {
      kind: "lead",
      id: "lead_mail",
      email: "wang@example.com",
      status: "new",
      createdAt: daysAgo(2),
    },
  ]);

  it("merges a second inquiry into the open lead with the same phone, with its owner", () => {
    const m = matchIdentity(byContact("+8613800000002"), index, { now });
    expect(m).toMatchObject({
      decision: "merge",
      into: { kind: "lead", id: "lead_open" },
      matchedBy: ["phone"],
      salespersonId: "sp_9",
    });
    expect(m.reasons[0]?.code).toBe("matched_phone");
  });

  it("matches customers however long ago they were active, and by email", () => {
    expect(matchIdentity(byContact(undefined, "li@example.com"), index, { now })).toMatchObject({
      decision: "merge",
      into: { kind: "customer", id: "cus_1" },
      matchedBy: ["email"],
    });
  });

  it("ignores leads outside the window or no longer open, saying why", () => {
    const old = matchIdentity(byContact("+8613800000003"), index, { now });
    expect(old.decision).toBe("new");
    expect(old.reasons[0]?.code).toBe("ignored_inactive");
    expect(
      matchIdentity(byContact("+8613800000003"), index, { now, leadWindowDays: 60 }).decision,
    ).toBe("merge");
    const lost = matchIdentity(byContact("+8613800000004"), index, { now });
    expect(lost.reasons[0]?.code).toBe("ignored_closed");
    expect(matchIdentity(byContact("+8613899999999"), index, { now }).reasons[0]?.code).toBe(
      "no_match",
    );
  });

  it("applies a customer window when one is set", () => {
    const idx = createIdentityIndex([
      { kind: "customer", id: "cus_2", phone: "+8613800000010", lastActivityAt: daysAgo(400) },
    ]);
    expect(matchIdentity(byContact("+8613800000010"), idx, { now }).decision).toBe("merge");
    expect(
      matchIdentity(byContact("+8613800000010"), idx, { now, customerWindowDays: 365 }).decision,
    ).toBe("new");
  });

  it("phone wins when phone and email point to different records; both-matched beats either", () => {
    const conflict = matchIdentity(byContact("+8613800000002", "wang@example.com"), index, { now });
    expect(conflict).toMatchObject({
      decision: "merge",
      into: { id: "lead_open" },
      matchedBy: ["phone"],
    });
    expect(conflict.reasons.map((r) => r.code)).toContain("email_points_elsewhere");

    const both = createIdentityIndex([
      { kind: "lead", id: "lead_a", phone: "+8613800000020", status: "new", createdAt: daysAgo(1) },
      {
        kind: "lead",
        id: "lead_b",
        phone: "+8613800000020",
        email: "zhao@example.com",
        status: "new",
        createdAt: daysAgo(9),
      },
    ]);
    const m = matchIdentity(byContact("+8613800000020", "zhao@example.com"), both, { now });
    expect(m).toMatchObject({ into: { id: "lead_b" }, matchedBy: ["phone", "email"] });
  });

  it("prefers the open lead over the customer on the same phone, unless told otherwise", () => {
    const idx = createIdentityIndex([
      { kind: "customer", id: "cus_3", phone: "+8613800000030" },
      { kind: "lead", id: "lead_3", phone: "+8613800000030", status: "new", createdAt: daysAgo(1) },
    ]);
    expect(matchIdentity(byContact("+8613800000030"), idx, { now })).toMatchObject({
      into: { kind: "lead" },
    });
    expect(
      matchIdentity(byContact("+8613800000030"), idx, { now, prefer: "customer" }),
    ).toMatchObject({ into: { kind: "customer" } });
  });

  it("is updatable: add and remove as a pipeline goes", () => {
    const idx = createIdentityIndex();
    const { lead } = normalizeLead({
      source: "web",
      channel: "website",
      contact: { phone: "13812345678" },
    });
    expect(matchIdentity(lead, idx, { now }).decision).toBe("new");
    idx.add({
      kind: "lead",
      id: "lead_new",
      phone: lead.contact.phone,
      status: "new",
      createdAt: now,
    });
    expect(matchIdentity(lead, idx, { now })).toMatchObject({
      decision: "merge",
      into: { id: "lead_new" },
    });
    expect(idx.remove("lead", "lead_new")).toBe(true);
    expect(idx.size).toBe(0);
    expect(matchIdentity(lead, idx, { now }).decision).toBe("new");
  });

  it("rejects bad records, options and leads with ValidationError and a path", () => {
    try {
      createIdentityIndex([
        { kind: "customer", id: "c" },
        { kind: "lead", id: "l", phone: "138" } as never,
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
        "1.phone",
        "1.status",
        "1.createdAt",
      ]);
    }
    expect(() => matchIdentity(byContact("+8613800000002"), index, { now: "yesterday" })).toThrow(
      ValidationError,
    );
    expect(() =>
      matchIdentity(byContact("+8613800000002"), index, { now, windowDays: 3 } as never),
    ).toThrow(ValidationError);
    expect(() => matchIdentity(byContact("138"), index, { now })).toThrow(ValidationError);
    expect(() => matchIdentity(byContact("+8613800000002"), {} as never, { now })).toThrow(
      ValidationError,
    );
  });

  it("stays indexed: a match reads only the entries filed under the lead's phone or email", () => {
    const records = Array.from({ length: 200_000 }, (_, i) => ({
      kind: "lead" as const,
      id: `lead_${i}`,
      phone: `+86139${String(i).padStart(8, "0")}`,
      status: "new" as const,
      createdAt: now,
    }));
    const index = createIdentityIndex(records);
    const byPhone = vi.spyOn(index, "byPhone");
    const byEmail = vi.spyOn(index, "byEmail");
    const options = { now };
    for (let i = 0; i < 1_000; i++) {
      const phone = `+86139${String(i * 199).padStart(8, "0")}`;
      const match = matchIdentity({ contact: { phone } }, index, options);
      expect(match).toMatchObject({ decision: "merge", into: { id: `lead_${i * 199}` } });
    }
    // One keyed lookup per match, each returning the one record under that phone: no scan.
    expect(byPhone).toHaveBeenCalledTimes(1_000);
    expect(byEmail).not.toHaveBeenCalled();
    for (const result of byPhone.mock.results) expect(result.value).toHaveLength(1);
  });
});
