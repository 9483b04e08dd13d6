import { defineConnector, type JsonObject, type SourceEvent } from "../define.js";
import { pullWindowed } from "../time-window.js";
import { fetchCluePage } from "./client.js";
import {
  OCEAN_ENGINE_BASE_URL,
  type OceanEngineConfig,
  oceanEngineConfigSchema,
} from "./config.js";
import { mapOceanClue } from "./mapping.js";
import type { ParsedOceanClue } from "./types.js";

/**
 * Ocean Engine (巨量引擎 — Douyin / Toutiao ads) clues, pulled by time window and page with the
 * account's access token. The checkpoint holds the window and the page, so a crash resumes on
 * the page it stopped at.
 */

export const OCEAN_ENGINE_CONNECTOR_ID = "ocean_engine";

/** Where a pull stands: the window as opened (end null until it opens) and the next page. */
export interface OceanEngineCheckpoint extends JsonObject {
  windowStart: string;
  windowEnd: string | null;
  page: number;
}

export const oceanEngineConnector = defineConnector({
  id: OCEAN_ENGINE_CONNECTOR_ID,
  title: "Ocean Engine (巨量引擎) clues",
  description:
    "Leads (线索) from Douyin and Toutiao ads, pulled from Ocean Engine's clue API by time window and page.",
  direction: "source",
  auth: "oauth2",
  config: oceanEngineConfigSchema,
  defaultBaseUrl: OCEAN_ENGINE_BASE_URL,
  pull: {
    defaultIntervalMs: 5 * 60 * 1000,
    async pullPage(checkpoint: OceanEngineCheckpoint | undefined, ctx) {
      const { config } = ctx;
      const result = await pullWindowed<number>({
        checkpoint,
        position: checkpoint?.page,
        initial: 1,
        now: ctx.now(),
        timing: config.window,
        startFrom: config.startFrom === undefined ? undefined : Date.parse(config.startFrom),
        async read(window, page) {
          const data = await fetchCluePage(ctx, window, page);
          const items = data.list.map((clue) => clueEvent(clue, config));
          const more = data.list.length > 0 && page < data.page_info.total_page;
          return { items, next: more ? page + 1 : undefined };
        },
      });
      return {
        items: result.items,
        nextCheckpoint: { ...result.checkpoint, page: result.position },
        done: result.done,
      };
    },
  },
  mapToLead: (clue: ParsedOceanClue, config: OceanEngineConfig) => mapOceanClue(clue, config),
  async testConnection(ctx) {
    const end = Math.floor(ctx.now() / 1000) * 1000;
    const data = await fetchCluePage(ctx, { start: end - 86_400_000, end }, 1, 1);
    return {
      ok: true,
      detail: `${data.page_info.total_number} clues in the last 24 hours for ${ctx.config.advertiserIds.length} advertiser(s)`,
    };
  },
});

function clueEvent(clue: ParsedOceanClue, config: OceanEngineConfig): SourceEvent {
  const lead = mapOceanClue(clue, config);
  return {
    kind: "lead",
    externalId: clue.clue_id,
    lead,
    ...(lead.occurredAt !== undefined && { occurredAt: lead.occurredAt }),
    // Ocean Engine marks clues submitted from an ad preview (clue_source 4): test submissions.
    ...(clue.clue_source === 4 && { isTest: true }),
  };
}

export {
  fetchCluePage,
  OCEAN_ENGINE_CLUE_PATH,
  OCEAN_ENGINE_ERROR_CODES,
  OCEAN_ENGINE_OVERALL_LIMIT_WAIT_MS,
  OCEAN_ENGINE_RATE_LIMIT_WAIT_MS,
  oceanEngineCodeError,
} from "./client.js";
export {
  OCEAN_ENGINE_BASE_URL,
  OCEAN_ENGINE_PAGE_SIZE,
  type OceanEngineConfig,
  oceanEngineConfigSchema,
} from "./config.js";
export {
  mapOceanClue,
  OCEAN_ATTRIBUTE_PREFIX,
  OCEAN_CLUE_SOURCES,
  OCEAN_CLUE_TYPES,
  OCEAN_ENGINE_LEAD_SOURCE,
  OCEAN_REMARK_FIELDS,
} from "./mapping.js";
export type {
  OceanClue,
  OceanCluePage,
  OceanEnvelope,
  OceanPageInfo,
  ParsedOceanClue,
} from "./types.js";
