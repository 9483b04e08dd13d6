import { describe, expect, it } from "vitest";
import { CHINA_REGIONS, regionInputSchema, resolveRegion } from "./regions.js";

describe("regions", () => {
  it("lists the 34 province-level divisions with unique GB/T 2260 codes", () => {
    expect(CHINA_REGIONS).toHaveLength(34);
    expect(new Set(CHINA_REGIONS.map((r) => r.code)).size).toBe(34);
  });

  it("resolves Chinese, English and code spellings to one region", () => {
    for (const text of ["Beijing", "beijing", "北京", "北京市", "110000", " BEIJING "]) {
      expect(resolveRegion(text)?.code).toBe("110000");
    }
    expect(resolveRegion("Inner Mongolia")?.code).toBe("150000");
    expect(resolveRegion("广西壮族自治区")?.nameEn).toBe("Guangxi");
    expect(resolveRegion("Macau")?.code).toBe("820000");
    expect(resolveRegion("shaanxi")?.code).toBe("610000");
    expect(resolveRegion("shanxi")?.code).toBe("140000");
  });

  it("resolves a city or district code to its province", () => {
    expect(resolveRegion("110105")?.nameEn).toBe("Beijing");
    expect(resolveRegion("440300")?.nameEn).toBe("Guangdong");
  });

  it("refuses unknown places with a helpful message", () => {
    expect(resolveRegion("Atlantis")).toBeUndefined();
    const result = regionInputSchema.safeParse("Atlantis");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('unknown region "Atlantis"');
    expect(regionInputSchema.parse("上海")).toBe("310000");
  });
});
