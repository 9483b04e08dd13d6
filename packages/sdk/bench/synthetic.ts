/**
 * Deterministic synthetic data for the benchmarks: the same seed gives the same leads, so runs
 * compare like with like.
 */
import { type LeadInput, newId } from "@forecourt/sdk";

/** Mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MOBILE_PREFIXES = ["138", "139", "150", "151", "158", "186", "187", "135", "136", "177"];
const REGIONS = ["北京", "Beijing", "上海", "广东", "310000", "浙江", "Sichuan", "江苏"];
const BRANDS = [
  ["BYD", "Han", 21980000],
  ["BYD", "Seal", 17980000],
  ["Geely", "Xingyue L", 13720000],
  ["Tesla", "Model Y", 26390000],
  ["Li Auto", "L6", 24980000],
] as const;
const TIMEFRAMES = [
  "within_7_days",
  "within_15_days",
  "within_30_days",
  "within_3_months",
  "over_3_months",
  "unknown",
] as const;
const INTENTS = ["high", "medium", "low", "unknown"] as const;
const SOURCES = [
  ["autohome", "portal"],
  ["dongchedi", "portal"],
  ["meta_lead_ads", "social"],
  ["website", "website"],
  ["showroom", "walk_in"],
] as const;

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function mobile(rand: () => number): string {
  const prefix = pick(rand, MOBILE_PREFIXES);
  const rest = String(Math.floor(rand() * 1e8)).padStart(8, "0");
  // People type numbers several ways; the normaliser has to cope with all of them.
  switch (Math.floor(rand() * 4)) {
    case 0:
      return `${prefix}${rest}`;
    case 1:
      return `${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`;
    case 2:
      return `+86 ${prefix}${rest}`;
    default:
      return `${prefix}-${rest.slice(0, 4)}-${rest.slice(4)}`;
  }
}

export function syntheticLeadInputs(count: number, seed = 42): LeadInput[] {
  const rand = prng(seed);
  const leads: LeadInput[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const [brand, series, price] = pick(rand, BRANDS);
    const [source, channel] = pick(rand, SOURCES);
    const withEmail = rand() < 0.4;
    leads[i] = {
      source,
      channel,
      externalId: String(1_000_000_000 + i),
      contact: {
        name: `客户${i}`,
        phone: mobile(rand),
        ...(withEmail ? { email: `Buyer.${i}@Example.com` } : {}),
      },
      region: pick(rand, REGIONS),
      interest: { brand, series, price: { amount: price, currency: "CNY" } },
      budget:
        rand() < 0.5
          ? { max: { amount: Math.round(price * (0.6 + rand() * 0.6)), currency: "CNY" } }
          : undefined,
      timeframe: pick(rand, TIMEFRAMES),
      intent: pick(rand, INTENTS),
      engagement: {
        testDriveRequested: rand() < 0.3,
        visitBooked: rand() < 0.2,
        quoteRequested: rand() < 0.2,
      },
    };
    if (leads[i]!.budget === undefined) delete leads[i]!.budget;
  }
  return leads;
}

export interface SyntheticOrg {
  stores: { id: string; timeZone: string; managerId: string }[];
  salespeople: {
    id: string;
    storeId: string;
    teamId?: string;
    regions: string[];
    brands: string[];
    shifts: { weekday: number; starts: string; ends: string }[];
  }[];
}

/** Two stores (Beijing, Shanghai) with `perStore` salespeople each, working 09:00–21:00 daily. */
export function syntheticOrg(perStore = 20): SyntheticOrg {
  const stores = ["110000", "310000"].map((region) => ({
    id: newId("store"),
    region,
    timeZone: "Asia/Shanghai",
    managerId: newId("salesperson"),
  }));
  const shifts = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    starts: "09:00",
    ends: "21:00",
  }));
  const salespeople = stores.flatMap((store) =>
    Array.from({ length: perStore }, () => ({
      id: newId("salesperson"),
      storeId: store.id,
      regions: [],
      brands: [],
      shifts,
    })),
  );
  return {
    stores: stores.map(({ id, timeZone, managerId }) => ({ id, timeZone, managerId })),
    salespeople,
  };
}
