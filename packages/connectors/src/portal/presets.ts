import type { PORTAL_PRESET_NAMES, PortalConfigInput } from "./config.js";

/**
 * Starting points for the three big car portals. None of them publishes a dealer-lead API —
 * access comes with a contract and the partner's own documents — so every value below is an
 * ASSUMPTION to check against those documents: the mode, the signing scheme and its parameter
 * names, the paths, and the field names. What is known: Autohome's open platform issues OAuth
 * tokens at openapi.autohome.com.cn and its public JSON APIs answer `{ returncode, message,
 * result }`; its taxonomy is brand → series (车系) → spec (车型); the portals sign requests with
 * an app key, a timestamp and a signature. Secrets are never part of a preset.
 */

export type PortalPresetName = (typeof PORTAL_PRESET_NAMES)[number];

/** A preset: a config without its secrets (and, for pulls, without the endpoint path). */
export type PortalPreset = Omit<PortalConfigInput, "signing" | "pull"> & {
  signing: Record<string, unknown> & { scheme: "hmac_sha256" | "md5_sorted" | "bearer" };
  pull?: Record<string, unknown>;
};

/** Autohome (汽车之家): assumed pull with the OAuth token, Autohome's `returncode` envelope. */
export const AUTOHOME_PRESET: PortalPreset = {
  preset: "autohome",
  source: "autohome",
  channel: "portal",
  mode: "pull",
  baseUrl: "https://openapi.autohome.com.cn",
  signing: { scheme: "bearer" },
  recordsPath: "result.list",
  pull: {
    pageParam: "pageindex",
    pageSizeParam: "pagesize",
    startParam: "starttime",
    endParam: "endtime",
    timeFormat: "wall_clock",
    totalPagesPath: "result.pagecount",
    codePath: "returncode",
    messagePath: "message",
    okCodes: ["0"],
  },
  fieldMap: {
    clueid: "externalId",
    username: "contact.name",
    mobile: "contact.phone",
    brandname: "interest.brand",
    seriesname: "interest.series",
    specname: "interest.model",
    provincename: "region",
    cityname: "city",
    createtime: "occurredAt",
    remark: "message",
    dealerid: "attributes.autohome.dealer_id",
  },
};

/**
 * Dongchedi (懂车帝, ByteDance): assumed push, HMAC-SHA256 of the raw body with a timestamp
 * header, field names in the snake_case ByteDance uses for Ocean Engine clues.
 */
export const DONGCHEDI_PRESET: PortalPreset = {
  preset: "dongchedi",
  source: "dongchedi",
  channel: "portal",
  mode: "push",
  signing: {
    scheme: "hmac_sha256",
    header: "x-signature",
    encoding: "hex",
    prefix: "",
    timestampHeader: "x-timestamp",
    separator: ".",
  },
  recordsPath: "",
  fieldMap: {
    clue_id: "externalId",
    name: "contact.name",
    telephone: "contact.phone",
    brand_name: "interest.brand",
    series_name: "interest.series",
    car_name: "interest.model",
    province_name: "region",
    city_name: "city",
    create_time: "occurredAt",
    remark: "message",
    dealer_id: "attributes.dongchedi.dealer_id",
  },
};

/** Yiche (易车): assumed push, MD5 of the sorted parameters and body wrapped in the secret. */
export const YICHE_PRESET: PortalPreset = {
  preset: "yiche",
  source: "yiche",
  channel: "portal",
  mode: "push",
  signing: {
    scheme: "md5_sorted",
    signParam: "sign",
    appKeyParam: "app_key",
    timestampParam: "timestamp",
    format: "concat",
    secretPlacement: "wrap",
    letterCase: "upper",
  },
  recordsPath: "",
  fieldMap: {
    id: "externalId",
    name: "contact.name",
    mobile: "contact.phone",
    brand_name: "interest.brand",
    serial_name: "interest.series",
    car_name: "interest.model",
    province: "region",
    city: "city",
    create_time: "occurredAt",
    remark: "message",
    dealer_id: "attributes.yiche.dealer_id",
  },
};

export const PORTAL_PRESETS: Readonly<Record<PortalPresetName, PortalPreset>> = {
  autohome: AUTOHOME_PRESET,
  dongchedi: DONGCHEDI_PRESET,
  yiche: YICHE_PRESET,
};

type Overrides = Partial<Omit<PortalConfigInput, "signing" | "pull">> & {
  signing?: Record<string, unknown>;
  pull?: Record<string, unknown>;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A connection's config input from a preset and what the partner's documents say: `signing`,
 * `pull` and `fieldMap` merge key by key (a different signing scheme replaces the preset's),
 * everything else replaces. Secrets come in `overrides`. Validate the result with `parseConfig`.
 */
export function portalPreset(name: PortalPresetName, overrides: Overrides = {}): PortalConfigInput {
  const preset = PORTAL_PRESETS[name];
  const signing =
    overrides.signing?.scheme !== undefined && overrides.signing.scheme !== preset.signing.scheme
      ? overrides.signing
      : { ...preset.signing, ...overrides.signing };
  const merged: Record<string, unknown> = { ...preset, ...overrides, signing };
  if (isObject(preset.pull) || isObject(overrides.pull)) {
    merged.pull = { ...preset.pull, ...overrides.pull };
  }
  merged.fieldMap = { ...preset.fieldMap, ...overrides.fieldMap };
  return merged as PortalConfigInput;
}
