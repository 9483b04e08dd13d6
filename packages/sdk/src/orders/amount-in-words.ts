import { ValidationError } from "../errors.js";
import type { Money } from "../primitives/money.js";

/*
 * The amount in Chinese capital numerals (大写金额) that contracts and invoices carry beside the
 * figures, written per the payment-settlement rules: 壹拾 (not 拾) for ten, one 零 for each run
 * of zeros inside the number, 整 after 元 or 角 when there are no 分.
 */

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const SMALL_UNITS = ["", "拾", "佰", "仟"];
const GROUP_UNITS = ["", "万", "亿", "万亿"];

/** Four digits (1–9999) with their units; zeros inside become one 零, trailing zeros drop. */
function groupWords(value: number): string {
  let words = "";
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const digit = Math.floor(value / 10 ** i) % 10;
    if (digit === 0) {
      if (words) zero = true;
      continue;
    }
    if (zero) words += "零";
    zero = false;
    words += DIGITS[digit]! + SMALL_UNITS[i]!;
  }
  return words;
}

function integerWords(value: number): string {
  if (value === 0) return "零";
  const groups: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let words = "";
  let gap = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      if (words) gap = true;
      continue;
    }
    // A zero group, or a group under a thousand after a higher one, reads 零: 壹拾万零伍佰.
    if (words && (gap || group < 1000)) words += "零";
    words += groupWords(group) + GROUP_UNITS[g]!;
    gap = false;
  }
  return words;
}

/**
 * A CNY amount in capital numerals: `{ amount: 17_730_050 }` → `壹拾柒万柒仟叁佰元伍角整`.
 * Throws the SDK's `ValidationError` for another currency (the words name 元, 角 and 分).
 */
export function amountInChineseWords(money: Money): string {
  if (money.currency !== "CNY" || !Number.isSafeInteger(money.amount)) {
    throw new ValidationError("Amounts in Chinese words are for integer CNY amounts (fen)", [
      { path: "currency", message: "must be CNY, in integer fen" },
    ]);
  }
  const sign = money.amount < 0 ? "负" : "";
  const fen = Math.abs(money.amount);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${sign}${integerWords(yuan)}元整`;
  let words = yuan > 0 ? `${integerWords(yuan)}元` : "";
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (yuan > 0) words += "零";
  words += cents > 0 ? `${DIGITS[cents]}分` : "整";
  return sign + words;
}
