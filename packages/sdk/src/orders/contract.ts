import { z } from "zod";
import { TransitionError, ValidationError } from "../errors.js";
import { externalIdSchema, idSchema, newId } from "../primitives/ids.js";
import {
  DEFAULT_TIME_ZONE,
  timestampSchema,
  timeZoneSchema,
  toEpochMs,
} from "../primitives/time.js";
import { invalid, parseInput } from "../validate.js";
import { type ContractData, contractDataSchema, placeholderValues } from "./contract-values.js";
import {
  CONTRACT_STATUS_TRANSITIONS,
  type Contract,
  type ContractSigner,
  contractSchema,
  contractSignatureInputSchema,
} from "./contracts.js";
import { taxRulesSchema } from "./totals.js";

export { CONTRACT_PLACEHOLDERS, type ContractData, contractDataSchema } from "./contract-values.js";

/*
 * Contracts 合同 are rendered from a template whose placeholders (`{{order.number}}`) name the
 * order, customer, vehicle and dealer. Rendering is one pass: a value is inserted escaped for the
 * template's kind (HTML: & < > " ' as entities; text: as is) and never read again as template,
 * so a customer called "{{dealer.name}}" stays a name. Control and bidirectional-override
 * characters are removed from every value: a name must not reorder the text around it. A
 * placeholder the renderer does not know, or one without a value for this order, is an error
 * listing all of them: a contract with a hole in it is worse than none.
 *
 * The SHA-256 of the rendered text is kept on the contract; signing recomputes it from the text
 * being signed, so a signature always belongs to exactly the text that was rendered.
 */

export const contractTemplateSchema = z.strictObject({
  id: z.string().trim().min(1, { message: "must not be empty" }).max(100),
  version: z.string().trim().min(1).max(50).optional(),
  /** `html` escapes values as HTML; `text` inserts them as they are. */
  kind: z.enum(["html", "text"]),
  body: z.string().min(1, { message: "must not be empty" }).max(1_000_000),
});
export type ContractTemplate = z.input<typeof contractTemplateSchema>;

const renderOptionsSchema = z.strictObject({
  /** When the contract is rendered: `{{contract.date}}` and the stored contract's `createdAt`. */
  at: timestampSchema,
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
  /** Money and dates: `zh-CN` writes ¥229,900.00 and 2026年12月20日. */
  locale: z.string().default("zh-CN"),
  taxRules: taxRulesSchema.optional(),
  /** A pre-generated contract id; a new one otherwise. */
  id: idSchema("contract").optional(),
});
export type RenderContractOptions = z.input<typeof renderOptionsSchema>;

export interface RenderedContract {
  /** The rendered text, exactly as hashed. */
  text: string;
  /** The stored contract: `generated`, with the SHA-256 of `text`. */
  contract: Contract;
  /** The placeholders the template used, each once, in order of first use. */
  placeholders: string[];
}

/** SHA-256 of a text's UTF-8 bytes as 64 lower-case hex digits (Web Crypto). */
export async function contractDigest(value: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

// C0/C1 controls but tab, LF and CR, and the bidirectional embedding/override/isolate marks.
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeFor(kind: "html" | "text", value: string): string {
  const clean = value.replace(UNSAFE_CHARACTERS, "");
  return kind === "html" ? clean.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!) : clean;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Renders a contract for an order: every placeholder replaced by its value escaped for the
 * template's kind, the SHA-256 of the result computed, and the stored contract (`generated`, for
 * the order's current terms version) returned with the text. Throws the SDK's `ValidationError`
 * listing every unknown placeholder and every one without a value for this order.
 */
export async function renderContract(
  template: ContractTemplate,
  data: ContractData,
  options: RenderContractOptions,
): Promise<RenderedContract> {
  const tpl = parseInput(contractTemplateSchema, template, "contract template");
  const input = parseInput(contractDataSchema, data, "contract data");
  const opts = parseInput(renderOptionsSchema, options, "render options");
  const values = placeholderValues(input, opts);

  const used: string[] = [];
  const unknown: string[] = [];
  const empty: string[] = [];
  for (const match of tpl.body.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (used.includes(name) || unknown.includes(name)) continue;
    if (!values.has(name)) unknown.push(name);
    else if (values.get(name) === undefined) empty.push(name);
    else used.push(name);
  }
  if (unknown.length > 0 || empty.length > 0) {
    const list = (names: string[]) => names.map((n) => `{{${n}}}`).join(", ");
    const parts = [
      unknown.length ? `unknown placeholders ${list(unknown)}` : "",
      empty.length ? `no value for ${list(empty)} on this order` : "",
    ].filter(Boolean);
    throw new ValidationError(`Invalid contract template ${tpl.id}: ${parts.join("; ")}`, [
      ...unknown.map((n) => ({
        path: `body.{{${n}}}`,
        message: "unknown placeholder",
        code: "unknown_placeholder",
      })),
      ...empty.map((n) => ({
        path: `body.{{${n}}}`,
        message: "has no value for this order",
        code: "missing_value",
      })),
    ]);
  }

  const rendered = tpl.body.replace(PLACEHOLDER, (_all, name: string) =>
    escapeFor(tpl.kind, values.get(name)!),
  );
  const contract: Contract = {
    id: opts.id ?? newId("contract", toEpochMs(opts.at)),
    status: "generated",
    orderId: input.order.id,
    orderVersion: input.order.termsVersion ?? 1,
    templateId: tpl.id,
    renderedSha256: await contractDigest(rendered),
    signedBy: [],
    createdAt: opts.at,
    updatedAt: opts.at,
    version: 1,
  };
  if (tpl.version) contract.templateVersion = tpl.version;
  return { text: rendered, contract, placeholders: used };
}

const signOptionsSchema = z.strictObject({
  /** Who signs: the customer must be among them; a dealer signatory names a `salespersonId`. */
  by: contractSignatureInputSchema.shape.signedBy,
  at: timestampSchema,
  /** The text being signed; its SHA-256 must be the one recorded at rendering. */
  text: z.string(),
  documentRef: externalIdSchema.optional(),
});
export type SignContractOptions = Omit<z.input<typeof signOptionsSchema>, "by"> & {
  by: ContractSigner | ContractSigner[];
};

/** Whether `text` is exactly the text the contract was rendered as. */
export async function contractTextMatches(
  contract: Pick<Contract, "renderedSha256">,
  value: string,
): Promise<boolean> {
  return (await contractDigest(value)) === contract.renderedSha256;
}

/**
 * Records the signature of a generated contract: who and when, after checking that the text
 * signed is the text rendered (its SHA-256). Returns the new contract (version + 1). Throws
 * `TransitionError` for a contract already signed or voided and `ValidationError` for changed
 * text, signers without the customer, or a date before the contract was rendered.
 */
export async function signContract(
  contract: Contract,
  options: SignContractOptions,
): Promise<Contract> {
  const current = parseInput(contractSchema, contract, "contract");
  const allowed = CONTRACT_STATUS_TRANSITIONS[current.status];
  if (!allowed.includes("signed"))
    throw new TransitionError("Contract", current.status, "signed", allowed);
  const by = Array.isArray(options?.by) ? options.by : [options?.by];
  const opts = parseInput(signOptionsSchema, { ...options, by }, "signature");
  if (toEpochMs(opts.at) < toEpochMs(current.createdAt)) {
    invalid(
      "signature",
      "at",
      `${opts.at} is before the contract was rendered (${current.createdAt})`,
    );
  }
  if (!(await contractTextMatches(current, opts.text))) {
    invalid("signature", "text", "differs from the rendered contract (its SHA-256 does not match)");
  }
  const next: Contract = {
    ...current,
    status: "signed",
    signedBy: opts.by,
    signedAt: opts.at,
    updatedAt: opts.at,
    version: current.version + 1,
  };
  if (opts.documentRef) next.documentRef = opts.documentRef;
  return next;
}
