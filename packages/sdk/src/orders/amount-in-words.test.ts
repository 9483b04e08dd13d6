import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { amountInChineseWords } from "./amount-in-words.js";

const words = (fen: number) => amountInChineseWords({ amount: fen, currency: "CNY" });

describe("amountInChineseWords", () => {
  it.each([
    [0, "零元整"],
    [5, "伍分"],
    [50, "伍角整"],
    [1_000, "壹拾元整"],
    [10_005, "壹佰元零伍分"],
    [10_050, "壹佰元伍角整"],
    [101_000, "壹仟零壹拾元整"],
    [1_050_000, "壹万零伍佰元整"],
    [10_050_000, "壹拾万零伍佰元整"],
    [17_730_000, "壹拾柒万柒仟叁佰元整"],
    [22_990_000, "贰拾贰万玖仟玖佰元整"],
    [20_000_000, "贰拾万元整"],
    [10_000_050_000, "壹亿零伍佰元整"],
    [10_005_000_000, "壹亿零伍万元整"],
    [12_345_678_912, "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"],
    [-1_000, "负壹拾元整"],
  ])("%i fen reads %s", (fen, expected) => {
    expect(words(fen)).toBe(expected);
  });

  it("is for CNY only", () => {
    expect(() => amountInChineseWords({ amount: 100, currency: "USD" })).toThrow(ValidationError);
  });
});
