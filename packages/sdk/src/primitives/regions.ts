import { z } from "zod";

/**
 * China's province-level divisions with their GB/T 2260 codes, so rules can say "Beijing", "北京",
 * "北京市" or "110000" and mean the same place.
 */
export interface Region {
  /** GB/T 2260 six-digit code. */
  code: string;
  /** Chinese short name (北京). */
  nameZh: string;
  /** Chinese full name (北京市). */
  fullNameZh: string;
  /** English name (Beijing). */
  nameEn: string;
  kind: "municipality" | "province" | "autonomous_region" | "sar";
}

export const CHINA_REGIONS: readonly Region[] = [
  { code: "110000", nameZh: "北京", fullNameZh: "北京市", nameEn: "Beijing", kind: "municipality" },
  { code: "120000", nameZh: "天津", fullNameZh: "天津市", nameEn: "Tianjin", kind: "municipality" },
  { code: "130000", nameZh: "河北", fullNameZh: "河北省", nameEn: "Hebei", kind: "province" },
  { code: "140000", nameZh: "山西", fullNameZh: "山西省", nameEn: "Shanxi", kind: "province" },
  {
    code: "150000",
    nameZh: "内蒙古",
    fullNameZh: "内蒙古自治区",
    nameEn: "Inner Mongolia",
    kind: "autonomous_region",
  },
  { code: "210000", nameZh: "辽宁", fullNameZh: "辽宁省", nameEn: "Liaoning", kind: "province" },
  { code: "220000", nameZh: "吉林", fullNameZh: "吉林省", nameEn: "Jilin", kind: "province" },
  {
    code: "230000",
    nameZh: "黑龙江",
    fullNameZh: "黑龙江省",
    nameEn: "Heilongjiang",
    kind: "province",
  },
  {
    code: "310000",
    nameZh: "上海",
    fullNameZh: "上海市",
    nameEn: "Shanghai",
    kind: "municipality",
  },
  { code: "320000", nameZh: "江苏", fullNameZh: "江苏省", nameEn: "Jiangsu", kind: "province" },
  { code: "330000", nameZh: "浙江", fullNameZh: "浙江省", nameEn: "Zhejiang", kind: "province" },
  { code: "340000", nameZh: "安徽", fullNameZh: "安徽省", nameEn: "Anhui", kind: "province" },
  { code: "350000", nameZh: "福建", fullNameZh: "福建省", nameEn: "Fujian", kind: "province" },
  { code: "360000", nameZh: "江西", fullNameZh: "江西省", nameEn: "Jiangxi", kind: "province" },
  { code: "370000", nameZh: "山东", fullNameZh: "山东省", nameEn: "Shandong", kind: "province" },
  { code: "410000", nameZh: "河南", fullNameZh: "河南省", nameEn: "Henan", kind: "province" },
  { code: "420000", nameZh: "湖北", fullNameZh: "湖北省", nameEn: "Hubei", kind: "province" },
  { code: "430000", nameZh: "湖南", fullNameZh: "湖南省", nameEn: "Hunan", kind: "province" },
  { code: "440000", nameZh: "广东", fullNameZh: "广东省", nameEn: "Guangdong", kind: "province" },
  {
    code: "450000",
    nameZh: "广西",
    fullNameZh: "广西壮族自治区",
    nameEn: "Guangxi",
    kind: "autonomous_region",
  },
  { code: "460000", nameZh: "海南", fullNameZh: "海南省", nameEn: "Hainan", kind: "province" },
  {
    code: "500000",
    nameZh: "重庆",
    fullNameZh: "重庆市",
    nameEn: "Chongqing",
    kind: "municipality",
  },
  { code: "510000", nameZh: "四川", fullNameZh: "四川省", nameEn: "Sichuan", kind: "province" },
  { code: "520000", nameZh: "贵州", fullNameZh: "贵州省", nameEn: "Guizhou", kind: "province" },
  { code: "530000", nameZh: "云南", fullNameZh: "云南省", nameEn: "Yunnan", kind: "province" },
  {
    code: "540000",
    nameZh: "西藏",
    fullNameZh: "西藏自治区",
    nameEn: "Tibet",
    kind: "autonomous_region",
  },
  { code: "610000", nameZh: "陕西", fullNameZh: "陕西省", nameEn: "Shaanxi", kind: "province" },
  { code: "620000", nameZh: "甘肃", fullNameZh: "甘肃省", nameEn: "Gansu", kind: "province" },
  { code: "630000", nameZh: "青海", fullNameZh: "青海省", nameEn: "Qinghai", kind: "province" },
  {
    code: "640000",
    nameZh: "宁夏",
    fullNameZh: "宁夏回族自治区",
    nameEn: "Ningxia",
    kind: "autonomous_region",
  },
  {
    code: "650000",
    nameZh: "新疆",
    fullNameZh: "新疆维吾尔自治区",
    nameEn: "Xinjiang",
    kind: "autonomous_region",
  },
  { code: "710000", nameZh: "台湾", fullNameZh: "台湾省", nameEn: "Taiwan", kind: "province" },
  {
    code: "810000",
    nameZh: "香港",
    fullNameZh: "香港特别行政区",
    nameEn: "Hong Kong",
    kind: "sar",
  },
  { code: "820000", nameZh: "澳门", fullNameZh: "澳门特别行政区", nameEn: "Macao", kind: "sar" },
];

function key(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

const byKey = new Map<string, Region>();
/** Spellings exactly as listed, looked up before any case or space folding. */
const byExactName = new Map<string, Region>();
for (const region of CHINA_REGIONS) {
  for (const name of [region.code, region.nameZh, region.fullNameZh, region.nameEn]) {
    byExactName.set(name, region);
  }
  for (const name of [region.code, region.nameZh, region.fullNameZh, region.nameEn]) {
    byKey.set(key(name), region);
  }
  // Common English variants people type.
  byKey.set(key(`${region.nameEn} province`), region);
  byKey.set(key(`${region.nameEn} shi`), region);
}
byKey.set(key("Macau"), byKey.get("macao")!);
byKey.set(key("Xizang"), byKey.get("tibet")!);
byKey.set(key("Nei Mongol"), byKey.get("innermongolia")!);
byKey.set(key("HK"), byKey.get("hongkong")!);

/**
 * Finds a province-level region by GB/T 2260 code (a city or county code such as 110105 also
 * resolves to its province), Chinese short or full name, or English name, in any case.
 */
export function resolveRegion(text: string): Region | undefined {
  if (typeof text !== "string") return undefined;
  const exact = byExactName.get(text);
  if (exact) return exact;
  const k = key(text);
  const direct = byKey.get(k);
  if (direct) return direct;
  if (/^\d{6}$/.test(k)) return byKey.get(`${k.slice(0, 2)}0000`);
  return undefined;
}

export const REGION_CODES = CHINA_REGIONS.map((r) => r.code) as [string, ...string[]];

/** A stored region: its GB/T 2260 province code. */
export const regionCodeSchema = z.enum(REGION_CODES, {
  message: "must be a GB/T 2260 province-level code such as 110000 (Beijing)",
});

/** A region as a caller writes it ("Beijing", "北京市", "110000"), stored as its code. */
export const regionInputSchema = z.string().transform((value, ctx) => {
  const region = resolveRegion(value);
  if (!region) {
    ctx.addIssue({
      code: "custom",
      message: `unknown region "${value}" (use a name such as Beijing / 北京 or a GB/T 2260 code)`,
    });
    return z.NEVER;
  }
  return region.code;
});
