import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TransitionError, ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { stageIndexOf } from "./bad-rows.js";
import { dayIso, makeOpportunity, SALESPERSON_A } from "./fixtures.js";
import { OPEN_OPPORTUNITY_STAGES, OPPORTUNITY_STAGES, type OpportunityStage } from "./schema.js";
import {
  canChangeStage,
  changeStage,
  DEFAULT_STAGE_PROBABILITIES,
  OPPORTUNITY_TRANSITIONS,
  reopenOpportunity,
} from "./stages.js";

const by = SALESPERSON_A;
const inStage = (stage: OpportunityStage) =>
  makeOpportunity({
    path: [
      ["initial_contact", 0],
      [stage, 2],
    ],
  });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("transition rules", () => {
  it("match the documented table", () => {
    expect(OPPORTUNITY_TRANSITIONS.initial_contact).toEqual([
      "needs_analysis",
      "product_presentation",
      "test_drive",
      "quote",
      "negotiation",
      "lost",
    ]);
    expect(OPPORTUNITY_TRANSITIONS.quote).toEqual(["test_drive", "negotiation", "won", "lost"]);
    expect(OPPORTUNITY_TRANSITIONS.negotiation).toEqual(["quote", "won", "lost"]);
    expect(OPPORTUNITY_TRANSITIONS.won).toEqual([]);
    expect(OPPORTUNITY_TRANSITIONS.lost).toEqual([]);
  });

  it("allow forward skips, one step back, lost from open, won only from quote/negotiation", () => {
    const stage = fc.constantFrom(...OPPORTUNITY_STAGES);
    fc.assert(
      fc.property(stage, stage, (from, to) => {
        const i = OPPORTUNITY_STAGES.indexOf(from);
        const j = OPPORTUNITY_STAGES.indexOf(to);
        const open = (s: OpportunityStage) => s !== "won" && s !== "lost";
        let expected = false;
        if (open(from)) {
          if (open(to)) expected = j > i || j === i - 1;
          else if (to === "lost") expected = true;
          else expected = from === "quote" || from === "negotiation";
        }
        expect(canChangeStage(from, to)).toBe(expected);
      }),
    );
  });

  it("give higher default probabilities to later stages", () => {
    const ps = OPEN_OPPORTUNITY_STAGES.map((s) => DEFAULT_STAGE_PROBABILITIES[s]);
    for (let k = 1; k < ps.length; k++) expect(ps[k]!).toBeGreaterThan(ps[k - 1]!);
    expect(DEFAULT_STAGE_PROBABILITIES.won).toBe(1);
    expect(DEFAULT_STAGE_PROBABILITIES.lost).toBe(0);
  });

  it("agree with the analytics' fast stage lookup", () => {
    expect(OPPORTUNITY_STAGES.map(stageIndexOf)).toEqual(OPPORTUNITY_STAGES.map((_, i) => i));
    expect(stageIndexOf("toString")).toBe(-1);
    expect(stageIndexOf("Quote")).toBe(-1);
    expect(stageIndexOf(4)).toBe(-1);
  });
});

describe("changeStage", () => {
  it("returns a new opportunity with the history appended and the version bumped", () => {
    const before = inStage("needs_analysis");
    const frozen = structuredClone(before);
    const after = changeStage(before, "test_drive", { at: dayIso(5), by, note: "booked Saturday" });
    expect(after.stage).toBe("test_drive");
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt).toBe(dayIso(5));
    expect(after.stageHistory.at(-1)).toEqual({
      stage: "test_drive",
      enteredAt: dayIso(5),
      by,
      note: "booked Saturday",
    });
    expect(before).toEqual(frozen);
  });

  it("allows one step back but not two", () => {
    expect(changeStage(inStage("quote"), "test_drive", { at: dayIso(4), by }).stage).toBe(
      "test_drive",
    );
    const error = thrown(() =>
      changeStage(inStage("quote"), "product_presentation", { at: dayIso(4), by }),
    );
    expect(error).toBeInstanceOf(TransitionError);
    expect(error).toMatchObject({
      code: "illegal_transition",
      from: "quote",
      to: "product_presentation",
      allowed: ["test_drive", "negotiation", "won", "lost"],
    });
  });

  it("wins only from quote or negotiation, recording the order", () => {
    expect(
      thrown(() => changeStage(inStage("test_drive"), "won", { at: dayIso(4), by })),
    ).toBeInstanceOf(TransitionError);
    const orderId = newId("order");
    const won = changeStage(inStage("negotiation"), "won", { at: dayIso(6), by, orderId });
    expect(won).toMatchObject({ stage: "won", closedAt: dayIso(6), wonOrderId: orderId });
  });

  it("needs a loss reason to lose, and keeps it on the history entry", () => {
    const error = thrown(() => changeStage(inStage("quote"), "lost", { at: dayIso(4), by }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe("lossReason");
    const lost = changeStage(inStage("quote"), "lost", {
      at: dayIso(4),
      by,
      lossReason: { code: "bought_competitor_brand", competitor: "Tesla" },
    });
    expect(lost.lossReason).toEqual({ code: "bought_competitor_brand", competitor: "Tesla" });
    expect(lost.closedAt).toBe(dayIso(4));
    expect(lost.stageHistory.at(-1)?.lossReason?.code).toBe("bought_competitor_brand");
  });

  it("treats won and lost as final", () => {
    const won = changeStage(inStage("quote"), "won", { at: dayIso(4), by });
    for (const to of ["negotiation", "lost", "initial_contact"] as const) {
      const error = thrown(() => changeStage(won, to, { at: dayIso(5), by }));
      expect(error).toBeInstanceOf(TransitionError);
      expect((error as TransitionError).message).toContain("final state");
    }
  });

  it("refuses a loss reason or order id where they do not belong, and bad options", () => {
    const quote = inStage("quote");
    const cases: [OpportunityStage, object, string][] = [
      ["negotiation", { at: dayIso(4), by, lossReason: { code: "price" } }, "lossReason"],
      ["negotiation", { at: dayIso(4), by, orderId: newId("order") }, "orderId"],
      ["negotiation", { at: dayIso(1), by }, "at"],
      ["negotiation", { at: "2026-01-05", by }, "at"],
      ["negotiation", { at: dayIso(4), by, urgent: true }, ""],
      ["closing" as OpportunityStage, { at: dayIso(4), by }, ""],
    ];
    for (const [to, options, path] of cases) {
      const error = thrown(() => changeStage(quote, to, options as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe(path);
    }
  });

  it("validates the opportunity it is given", () => {
    const broken = { ...inStage("quote"), version: 0 };
    expect(thrown(() => changeStage(broken, "negotiation", { at: dayIso(4), by }))).toBeInstanceOf(
      ValidationError,
    );
  });
});

describe("reopenOpportunity", () => {
  const lost = () =>
    changeStage(inStage("test_drive"), "lost", {
      at: dayIso(5),
      by,
      lossReason: { code: "postponed" },
    });

  it("resumes a lost deal where it was lost, keeping the loss in the history", () => {
    const reopened = reopenOpportunity(lost(), {
      at: dayIso(40),
      by,
      reason: "customer called back",
    });
    expect(reopened.stage).toBe("test_drive");
    expect(reopened.lossReason).toBeUndefined();
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.stageHistory.map((e) => e.stage)).toEqual([
      "initial_contact",
      "test_drive",
      "lost",
      "test_drive",
    ]);
    expect(reopened.stageHistory[2]?.lossReason?.code).toBe("postponed");
    expect(
      reopenOpportunity(lost(), { at: dayIso(40), by, reason: "x", stage: "quote" }).stage,
    ).toBe("quote");
  });

  it("refuses won deals, open deals and a missing reason", () => {
    const won = changeStage(inStage("quote"), "won", { at: dayIso(4), by });
    expect(thrown(() => reopenOpportunity(won, { at: dayIso(9), by, reason: "x" }))).toBeInstanceOf(
      TransitionError,
    );
    expect(
      thrown(() => reopenOpportunity(inStage("quote"), { at: dayIso(9), by, reason: "x" })),
    ).toBeInstanceOf(ValidationError);
    expect(
      thrown(() => reopenOpportunity(lost(), { at: dayIso(9), by, reason: " " })),
    ).toBeInstanceOf(ValidationError);
  });
});
