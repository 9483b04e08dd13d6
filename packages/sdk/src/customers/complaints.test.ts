import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { newId } from "../primitives/ids.js";
import { parseInput } from "../validate.js";
import {
  COMPLAINT_STATUS_TRANSITIONS,
  complaintInputSchema,
  complaintStatusChangeInputSchema,
  complaintStatusSchema,
} from "./complaints.js";

function issuesOf(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input, "complaint input");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => [i.path, i.message]);
  }
  throw new Error("expected a ValidationError");
}

const complaint = {
  customerId: newId("customer"),
  storeId: newId("store"),
  category: "delivery",
  subject: "交车延期两周未通知",
  description: "Delivery was promised for 15 November; nobody called when it slipped.",
  assigneeId: newId("salesperson"),
  receivedAt: "2026-11-20T10:00:00+08:00",
  dueBy: "2026-11-22T10:00:00+08:00",
};

describe("complaintInputSchema", () => {
  it("accepts a complaint and fills severity and channel", () => {
    const parsed = parseInput(complaintInputSchema, complaint, "complaint input");
    expect(parsed.severity).toBe("medium");
    expect(parsed.channel).toBe("phone");
  });

  it("rejects a due-by time before the complaint was received", () => {
    expect(
      issuesOf(complaintInputSchema, { ...complaint, dueBy: "2026-11-19T10:00:00+08:00" }),
    ).toEqual([["dueBy", "must be after receivedAt"]]);
  });

  it("rejects an unknown category, an empty subject and unknown fields", () => {
    const issues = issuesOf(complaintInputSchema, {
      ...complaint,
      category: "rude",
      subject: "  ",
      priority: "p1",
    });
    expect(issues.map(([path]) => path).sort()).toEqual(["", "category", "subject"]);
    expect(issues).toContainEqual(["subject", "must not be empty"]);
  });
});

describe("complaintStatusChangeInputSchema", () => {
  it("requires resolution notes when resolving", () => {
    expect(
      issuesOf(complaintStatusChangeInputSchema, {
        to: "resolved",
        by: newId("salesperson"),
        at: "2026-11-21T15:00:00+08:00",
      }),
    ).toEqual([["resolutionNotes", "must say what was done when a complaint is resolved"]]);
  });

  it("accepts a resolution", () => {
    const parsed = parseInput(
      complaintStatusChangeInputSchema,
      {
        to: "resolved",
        by: newId("salesperson"),
        at: "2026-11-21T15:00:00+08:00",
        resolutionNotes: "Apologised, fixed the date, two free services added.",
      },
      "complaint status change",
    );
    expect(parsed.to).toBe("resolved");
  });
});

describe("COMPLAINT_STATUS_TRANSITIONS", () => {
  it("covers every status and ends at closed", () => {
    expect(Object.keys(COMPLAINT_STATUS_TRANSITIONS).sort()).toEqual(
      [...complaintStatusSchema.options].sort(),
    );
    expect(COMPLAINT_STATUS_TRANSITIONS.closed).toEqual([]);
    expect(COMPLAINT_STATUS_TRANSITIONS.open).toContain("in_progress");
    expect(COMPLAINT_STATUS_TRANSITIONS.resolved).toContain("closed");
  });
});
