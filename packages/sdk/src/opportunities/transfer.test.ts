import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { dayIso, makeOpportunity, SALESPERSON_A, SALESPERSON_B } from "./fixtures.js";
import { transferOpportunity } from "./transfer.js";

const manager = newId("salesperson");
const open = () =>
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      ["test_drive", 3],
    ],
    overrides: { teamId: newId("team"), lastActivityAt: dayIso(3), activityCount: 4 },
  });

describe("transferOpportunity", () => {
  it("hands the deal over and keeps its history", () => {
    const before = open();
    const after = transferOpportunity(before, {
      to: SALESPERSON_B,
      by: manager,
      at: dayIso(10),
      reason: "A is on leave",
    });
    expect(after.salespersonId).toBe(SALESPERSON_B);
    expect(after.ownerHistory).toEqual([
      {
        from: SALESPERSON_A,
        to: SALESPERSON_B,
        at: dayIso(10),
        by: manager,
        reason: "A is on leave",
      },
    ]);
    expect(after.stageHistory).toEqual(before.stageHistory);
    expect(after).toMatchObject({
      activityCount: 4,
      lastActivityAt: dayIso(3),
      teamId: before.teamId,
    });
    expect(after.version).toBe(before.version + 1);
    expect(before.salespersonId).toBe(SALESPERSON_A);

    const back = transferOpportunity(after, {
      to: SALESPERSON_A,
      by: manager,
      at: dayIso(20),
      reason: "back",
    });
    expect(back.ownerHistory.map((c) => c.to)).toEqual([SALESPERSON_B, SALESPERSON_A]);
  });

  it("moves the deal to another store, dropping the old store's team", () => {
    const store = newId("store");
    const after = transferOpportunity(open(), {
      to: SALESPERSON_B,
      by: manager,
      at: dayIso(10),
      reason: "customer moved to Hangzhou",
      storeId: store,
    });
    expect(after.storeId).toBe(store);
    expect(after.teamId).toBeUndefined();
    expect(after.ownerHistory[0]).toMatchObject({ toStoreId: store });
  });

  it("refuses closed deals, the same owner, an earlier time and bad options", () => {
    const lost = makeOpportunity({
      path: [
        ["initial_contact", 0],
        ["lost", 2],
      ],
    });
    const cases: [ReturnType<typeof open>, object, string][] = [
      [lost, { to: SALESPERSON_B, by: manager, at: dayIso(5), reason: "x" }, "opportunity.stage"],
      [open(), { to: SALESPERSON_A, by: manager, at: dayIso(5), reason: "x" }, "to"],
      [open(), { to: SALESPERSON_B, by: manager, at: dayIso(1), reason: "x" }, "at"],
      [open(), { to: SALESPERSON_B, by: manager, at: dayIso(5), reason: "" }, "reason"],
      [open(), { to: "bob", by: manager, at: dayIso(5), reason: "x" }, "to"],
      [open(), { to: SALESPERSON_B, by: manager, at: dayIso(5), reason: "x", keep: 1 }, ""],
    ];
    for (const [opp, options, path] of cases) {
      try {
        transferOpportunity(opp, options as never);
        expect.unreachable(path);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]?.path).toBe(path);
      }
    }
  });
});
