import { z } from "zod";
import { ValidationError } from "../errors.js";
import { e164Schema, normalizeEmail } from "../primitives/contact.js";
import { timestampSchema } from "../primitives/time.js";
import { parseInput } from "../validate.js";
import { leadStatusSchema, OPEN_LEAD_STATUSES } from "./schema.js";

/** An existing customer or lead as the identity index knows it; contacts already normalised. */
export const identityRecordSchema = z
  .object({
    kind: z.enum(["customer", "lead"]),
    id: z.string().min(1),
    phone: e164Schema.optional(),
    email: z
      .string()
      .refine((v) => normalizeEmail(v) === v, { message: "must be a lower-case email address" })
      .optional(),
    status: leadStatusSchema.optional(),
    createdAt: timestampSchema.optional(),
    lastActivityAt: timestampSchema.optional(),
    salespersonId: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind !== "lead") return;
    if (!r.status)
      ctx.addIssue({ code: "custom", path: ["status"], message: "a lead needs its status" });
    if (!r.lastActivityAt && !r.createdAt) {
      ctx.addIssue({
        code: "custom",
        path: ["createdAt"],
        message: "a lead needs createdAt or lastActivityAt",
      });
    }
  });
export type IdentityRecord = z.input<typeof identityRecordSchema>;

/** @internal One indexed record. */
export interface IdentityEntry {
  kind: "customer" | "lead";
  id: string;
  phone: string | undefined;
  email: string | undefined;
  open: boolean;
  /** Last activity (or creation) in epoch ms; NaN when unknown (customers only). */
  activeAt: number;
  salespersonId: string | undefined;
}

const recordKey = (kind: string, id: string) => `${kind}:${id}`;

function addTo(map: Map<string, IdentityEntry[]>, key: string, entry: IdentityEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function removeFrom(map: Map<string, IdentityEntry[]>, key: string, entry: IdentityEntry): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(entry);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

/**
 * Customers and open leads keyed by normalised phone and email, so each match is a couple of Map
 * lookups whatever the number of records. Mutable: a pipeline `add`s every new lead as it goes.
 */
export class IdentityIndex {
  readonly #byPhone = new Map<string, IdentityEntry[]>();
  readonly #byEmail = new Map<string, IdentityEntry[]>();
  readonly #byId = new Map<string, IdentityEntry>();

  get size(): number {
    return this.#byId.size;
  }

  /** Adds or replaces (same kind and id) a record. Throws `ValidationError` for a bad record. */
  add(record: IdentityRecord): this {
    const r = parseInput(identityRecordSchema, record, "identity record");
    this.remove(r.kind, r.id);
    const activity = r.lastActivityAt ?? r.createdAt;
    const entry: IdentityEntry = {
      kind: r.kind,
      id: r.id,
      phone: r.phone,
      email: r.email,
      open: r.kind === "customer" || OPEN_LEAD_STATUSES.includes(r.status!),
      activeAt: activity === undefined ? Number.NaN : Date.parse(activity),
      salespersonId: r.salespersonId,
    };
    this.#byId.set(recordKey(r.kind, r.id), entry);
    if (entry.phone) addTo(this.#byPhone, entry.phone, entry);
    if (entry.email) addTo(this.#byEmail, entry.email, entry);
    return this;
  }

  /** Removes a record; returns whether it was there. */
  remove(kind: "customer" | "lead", id: string): boolean {
    const key = recordKey(kind, id);
    const entry = this.#byId.get(key);
    if (!entry) return false;
    this.#byId.delete(key);
    if (entry.phone) removeFrom(this.#byPhone, entry.phone, entry);
    if (entry.email) removeFrom(this.#byEmail, entry.email, entry);
    return true;
  }

  /** @internal Records sharing a normalised phone. */
  byPhone(phone: string): readonly IdentityEntry[] | undefined {
    return this.#byPhone.get(phone);
  }

  /** @internal Records sharing a normalised email. */
  byEmail(email: string): readonly IdentityEntry[] | undefined {
    return this.#byEmail.get(email);
  }
}

/** Builds the index from existing customers and leads (each record validated). */
export function createIdentityIndex(records: Iterable<IdentityRecord> = []): IdentityIndex {
  if (records === null || typeof (records as Iterable<unknown>)?.[Symbol.iterator] !== "function") {
    parseInput(z.array(z.unknown()), records, "identity records");
  }
  const index = new IdentityIndex();
  let i = 0;
  for (const record of records) {
    try {
      index.add(record);
    } catch (error) {
      // Name the record's position, as a schema for the whole list would.
      if (!(error instanceof ValidationError)) throw error;
      const issues = error.issues.map((x) => ({ ...x, path: x.path ? `${i}.${x.path}` : `${i}` }));
      const shown = issues.map((x) => `${x.path}: ${x.message}`).join("; ");
      throw new ValidationError(`Invalid identity records: ${shown}`, issues);
    }
    i++;
  }
  return index;
}
