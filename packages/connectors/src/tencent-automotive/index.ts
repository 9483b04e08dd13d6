import { defineConnector, type JsonObject, type SourceEvent } from "../define.js";
import { pullWindowed } from "../time-window.js";
import { fetchCluePage } from "./client.js";
import {
  TENCENT_WAV_BASE_URL,
  type TencentAutomotiveConfig,
  tencentAutomotiveConfigSchema,
} from "./config.js";
import { mapTencentClue } from "./mapping.js";
import type { ParsedTencentClue } from "./types.js";

/**
 * Tencent Cloud automotive (WAV, 企业微信汽车行业版) clues, pulled with `QueryClueInfoList` by
 * time window and cursor, every call signed with TC3-HMAC-SHA256. The checkpoint holds the window
 * and the cursor, so a crash resumes where it stopped.
 */

export const TENCENT_AUTOMOTIVE_CONNECTOR_ID = "tencent_automotive";

export interface TencentCheckpoint extends JsonObject {
  windowStart: string;
  windowEnd: string | null;
  /** Tencent's `NextCursor` within the window; null at its start. */
  cursor: string | null;
}

export const tencentAutomotiveConnector = defineConnector({
  id: TENCENT_AUTOMOTIVE_CONNECTOR_ID,
  title: "Tencent automotive (WAV) clues",
  description:
    "Leads (线索) from Tencent Cloud's automotive WeCom platform, pulled with QueryClueInfoList by time window and cursor.",
  direction: "source",
  auth: "hmac",
  config: tencentAutomotiveConfigSchema,
  defaultBaseUrl: TENCENT_WAV_BASE_URL,
  pull: {
    defaultIntervalMs: 5 * 60 * 1000,
    async pullPage(checkpoint: TencentCheckpoint | undefined, ctx) {
      const { config } = ctx;
      const result = await pullWindowed<string | null>({
        checkpoint,
        position: checkpoint?.cursor,
        initial: null,
        now: ctx.now(),
        timing: config.window,
        startFrom: config.startFrom === undefined ? undefined : Date.parse(config.startFrom),
        async read(window, cursor) {
          const page = await fetchCluePage(ctx, window, cursor);
          const items = page.PageData.map((clue) => clueEvent(clue, config));
          // `HasMore` says it where present; otherwise a cursor with data means another page.
          const more =
            page.HasMore != null
              ? page.HasMore === 1 || page.HasMore === true
              : page.PageData.length > 0;
          const next = more && page.NextCursor ? page.NextCursor : undefined;
          return { items, next };
        },
      });
      return {
        items: result.items,
        nextCheckpoint: { ...result.checkpoint, cursor: result.position },
        done: result.done,
      };
    },
  },
  mapToLead: (clue: ParsedTencentClue, config: TencentAutomotiveConfig) =>
    mapTencentClue(clue, config),
  async testConnection(ctx) {
    const end = Math.floor(ctx.now() / 1000) * 1000;
    const page = await fetchCluePage(ctx, { start: end - 86_400_000, end }, null, 1);
    return {
      ok: true,
      detail:
        page.PageData.length > 0 ? "clues in the last 24 hours" : "no clues in the last 24 hours",
    };
  },
});

function clueEvent(clue: ParsedTencentClue, config: TencentAutomotiveConfig): SourceEvent {
  const lead = mapTencentClue(clue, config);
  return {
    kind: "lead",
    externalId: clue.ClueId,
    lead,
    ...(lead.occurredAt !== undefined && { occurredAt: lead.occurredAt }),
  };
}

export {
  callWav,
  fetchCluePage,
  TENCENT_CLUE_ACTION,
  TENCENT_ERROR_CODES,
  TENCENT_RATE_LIMIT_WAIT_MS,
  tencentCodeError,
} from "./client.js";
export {
  TENCENT_CLUE_LIMIT,
  TENCENT_WAV_BASE_URL,
  TENCENT_WAV_SERVICE,
  TENCENT_WAV_VERSION,
  type TencentAutomotiveConfig,
  tencentAutomotiveConfigSchema,
} from "./config.js";
export {
  mapTencentClue,
  TENCENT_ATTRIBUTE_PREFIX,
  TENCENT_AUTOMOTIVE_LEAD_SOURCE,
} from "./mapping.js";
export {
  TC3_ALGORITHM,
  TC3_CONTENT_TYPE,
  TC3_SIGNED_HEADERS,
  type Tc3Request,
  type Tc3Signature,
  tc3Date,
  tc3Sign,
} from "./signing.js";
export type {
  ParsedTencentClue,
  TencentClue,
  TencentCluePage,
  TencentEnvelope,
  TencentErrorBody,
} from "./types.js";
