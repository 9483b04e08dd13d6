import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { normalizeLead } from "./normalize.js";

const base = { source: "autohome", channel: "portal" as const };

function validationIssues(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error("expected a ValidationError");
}

describe("normalizeLead", () => {
  it("normalises phone to E.164 (CN default), email to lower case, region to its code", () => {
    const { lead, warnings } = normalizeLead({
      ...base,
      contact: { name: " 张伟 ", phone: "138 1234 5678", email: " Zhang.Wei@Example.COM " },
      region: "北京市",
    });
    expect(lead.contact).toEqual({
      name: "张伟",
      phone: "+8613812345678",
      email: "zhang.wei@example.com",
    });
    expect(lead.region).toBe("110000");
    expect(lead.customerType).toBe("individual");
    expect(lead.timeframe).toBe("unknown");
    expect(warnings).toEqual([]);
  });

  it("reads numbers without a country code in the configured default region", () => {
    const { lead } = normalizeLead(
      { ...base, contact: { phone: "(415) 555-2671" } },
      { defaultRegion: "US" },
    );
    expect(lead.contact.phone).toBe("+14155552671");
  });

  it("drops an invalid phone with a warning when an email remains", () => {
    const { lead, warnings } = normalizeLead({
      ...base,
      contact: { phone: "12345", email: "a@b.cn", preferred: "phone" },
    });
    expect(lead.contact.phone).toBeUndefined();
    expect(lead.contact.email).toBe("a@b.cn");
    expect(warnings.map((w) => w.code)).toEqual(["phone_dropped", "preferred_dropped"]);
  });

  it("keeps a lead reachable by wechat only", () => {
    const { lead, warnings } = normalizeLead({
      ...base,
      contact: { phone: "not a number", wechat: "wx_zhang" },
    });
    expect(lead.contact).toEqual({ wechat: "wx_zhang" });
    expect(warnings[0]?.code).toBe("phone_dropped");
  });

  it("rejects an invalid phone when it is the only contact", () => {
    const issues = validationIssues(() => normalizeLead({ ...base, contact: { phone: "12345" } }));
    expect(issues).toEqual([{ path: "contact.phone", message: expect.any(String) }]);
  });

  it("rejects when both phone and email are unusable, naming both", () => {
    const issues = validationIssues(() =>
      normalizeLead({ ...base, contact: { phone: "1", email: "nope" } }),
    );
    expect(issues.map((i) => i.path)).toEqual(["contact.phone", "contact.email"]);
  });

  it("rejects bad input with paths: missing contact, unknown region, unknown keys", () => {
    const issues = validationIssues(() =>
      normalizeLead({ ...base, contact: {}, region: "Atlantis", colour: "red" }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toContain("region");
    expect(paths).toContain("");
    expect(() => normalizeLead(null)).toThrow(ValidationError);
    expect(() => normalizeLead("lead")).toThrow(ValidationError);
  });

  it("rejects unknown options and unsupported regions", () => {
    const lead = { ...base, contact: { phone: "13812345678" } };
    expect(() => normalizeLead(lead, { defaultRegion: "XX" })).toThrow(ValidationError);
    expect(() => normalizeLead(lead, { region: "CN" } as never)).toThrow(ValidationError);
  });

  it("returns a frozen lead so later stages can trust it", () => {
    const { lead } = normalizeLead({ ...base, contact: { phone: "13812345678" } });
    expect(Object.isFrozen(lead)).toBe(true);
    expect(Object.isFrozen(lead.contact)).toBe(true);
  });
});
