import type { ConnectorContext, PullPage } from "../define.js";
import { type ConnectorError, PermanentConnectorError } from "../errors.js";
import { requestJsonResult } from "../http.js";
import { parseJsonExact } from "../json.js";
import { createRedactor, type Redactor, secretValues } from "../secrets.js";
import { pullWindowed, type TimeWindow } from "../time-window.js";
import { type VendorCodeRule, vendorCodeError } from "../vendor-codes.js";
import { formatWallClock } from "../vendor-time.js";
import { type PortalConfig, portalConfigSchema } from "./config.js";
import { portalEvents, readPath, recordsAt } from "./records.js";
import { signPortalPull } from "./signing.js";

export interface PortalCheckpoint {
  [key: string]: string | number | null;
  windowStart: string;
  windowEnd: string | null;
  page: number;
}

type PullSettings = NonNullable<PortalConfig["pull"]>;

function writeTime(ms: number, pull: PullSettings, timeZone: string): string {
  if (pull.timeFormat === "unix_seconds") return String(Math.floor(ms / 1000));
  if (pull.timeFormat === "unix_ms") return String(ms);
  return formatWallClock(ms, timeZone);
}

/** The portal's result code, when the connection says where it is, classified by its lists. */
function codeError(
  body: unknown,
  pull: PullSettings,
  status: number,
  redact: Redactor,
): ConnectorError | undefined {
  if (pull.codePath === undefined) return undefined;
  const raw = readPath(body, pull.codePath);
  if (raw === undefined || raw === null) return undefined;
  const code = String(raw);
  if (pull.okCodes.includes(code)) return undefined;
  const rule: VendorCodeRule = pull.authCodes.includes(code)
    ? { kind: "auth", code: "portal_auth_failed", meaning: "credentials refused" }
    : pull.rateLimitCodes.includes(code)
      ? {
          kind: "retryable",
          code: "portal_rate_limited",
          meaning: "rate limited",
          retryAfterMs: pull.rateLimitWaitMs,
        }
      : { kind: "permanent", code: "portal_rejected", meaning: "request rejected" };
  const message = readPath(body, pull.messagePath);
  return vendorCodeError(
    rule,
    redact(
      `portal error ${code}${typeof message === "string" ? `: ${message.slice(0, 300)}` : ""}`,
    ),
    { status, raw: redact({ code, message }) },
  );
}

async function fetchPortalPage(
  ctx: ConnectorContext<PortalConfig>,
  pull: PullSettings,
  window: TimeWindow,
  page: number,
) {
  const { config } = ctx;
  const secrets = secretValues(portalConfigSchema, config);
  const redact = createRedactor(secrets);
  const query = new URLSearchParams(pull.extraParams);
  query.set(pull.startParam, writeTime(window.start, pull, config.timeZone));
  query.set(pull.endParam, writeTime(window.end, pull, config.timeZone));
  query.set(pull.pageParam, String(page));
  query.set(pull.pageSizeParam, String(pull.pageSize));
  const signed = signPortalPull(config, query, ctx.now());
  const { json, status } = await requestJsonResult(ctx, {
    url: `${ctx.baseUrl}${pull.path}`,
    searchParams: signed.params,
    headers: signed.headers,
    timeoutMs: config.timeoutMs,
    vendor: `portal ${config.source}`,
    secrets,
    classifyError: (response, text) => {
      try {
        return codeError(parseJsonExact(text), pull, response.status, redact);
      } catch {
        return undefined;
      }
    },
  });
  const failure = codeError(json, pull, status, redact);
  if (failure) throw failure;
  const records = recordsAt(json, config.recordsPath);
  if (records === undefined) {
    throw new PermanentConnectorError(
      `portal ${config.source} answered without a list of records at "${config.recordsPath}"`,
      { code: "portal_unexpected_response" },
    );
  }
  const totalPages =
    pull.totalPagesPath === undefined ? undefined : Number(readPath(json, pull.totalPagesPath));
  const more =
    records.length > 0 &&
    (totalPages !== undefined && Number.isFinite(totalPages)
      ? page < totalPages
      : records.length >= pull.pageSize);
  return { records, more };
}

/** One page of a pull-mode portal connection, by time window and page. */
export async function pullPortalPage(
  checkpoint: PortalCheckpoint | undefined,
  ctx: ConnectorContext<PortalConfig>,
): Promise<PullPage<PortalCheckpoint>> {
  const { config } = ctx;
  const pull = config.pull;
  if (config.mode !== "pull" || pull === undefined) {
    return { items: [], nextCheckpoint: undefined, done: true };
  }
  const result = await pullWindowed<number>({
    checkpoint,
    position: checkpoint?.page,
    initial: 1,
    now: ctx.now(),
    timing: pull.window,
    startFrom: pull.startFrom === undefined ? undefined : Date.parse(pull.startFrom),
    async read(window, page) {
      const { records, more } = await fetchPortalPage(ctx, pull, window, page);
      return { items: await portalEvents(records, config), next: more ? page + 1 : undefined };
    },
  });
  return {
    items: result.items,
    nextCheckpoint: { ...result.checkpoint, page: result.position },
    done: result.done,
  };
}
