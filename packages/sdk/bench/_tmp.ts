import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { leadInputSchema, normalizeLead, normalizePhone } from "../src/index.js";
import { syntheticLeadInputs } from "./synthetic.js";

const N = 200000;
const inputs = syntheticLeadInputs(N);
function time(name: string, fn: () => void) {
  fn();
  const t = performance.now();
  fn();
  const ms = performance.now() - t;
  console.log(name.padEnd(20), ((ms * 1000) / N).toFixed(2), "µs/item");
}
let s = 0;
time("zod safeParse", () => {
  for (const i of inputs) s += leadInputSchema.safeParse(i).success ? 1 : 0;
});
time("normalizePhone", () => {
  for (const i of inputs) s += normalizePhone(i.contact.phone!).ok ? 1 : 0;
});
time("lpn parse only", () => {
  for (const i of inputs) s += parsePhoneNumberFromString(i.contact.phone!, "CN") ? 1 : 0;
});
time("lpn parse+valid", () => {
  for (const i of inputs)
    s += parsePhoneNumberFromString(i.contact.phone!, "CN")?.isValid() ? 1 : 0;
});
time("normalizeLead", () => {
  for (const i of inputs) s += normalizeLead(i).warnings.length;
});
console.log(s);
