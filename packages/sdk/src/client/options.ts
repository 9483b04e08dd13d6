import { z } from "zod";
import { parseInput } from "../validate.js";

/** How long one attempt may take before it counts as a timeout (and may be retried). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Retries after the first attempt; 2 means at most 3 requests for one call. */
export const DEFAULT_MAX_RETRIES = 2;
/** Upper bound for `maxRetries`: more would hide an outage behind minutes of waiting. */
export const MAX_RETRIES_LIMIT = 10;
export const DEFAULT_USER_AGENT = "forecourt-sdk-js";
/** setTimeout's limit; a larger timeout would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Header values must be visible ASCII, or fetch refuses them before anything is sent. */
const headerSafe = z.string().regex(/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/, {
  message: "must be visible ASCII characters (single spaces allowed between words)",
});

export type FetchFunction = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

const clientOptionsSchema = z.strictObject({
  /** Where the hub is, e.g. `https://hub.example.com`; a path prefix is kept. */
  baseUrl: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }),
  /** An API key (`fc_…`); sent as `Authorization: Bearer …`, never put in an error. */
  apiKey: headerSafe.pipe(z.string().regex(/^\S+$/, { message: "must not contain spaces" })),
  /** A fetch to use instead of the global one (tests, proxies, edge runtimes). */
  fetch: z
    .custom<FetchFunction>((value) => typeof value === "function", {
      message: "must be a function",
    })
    .optional(),
  /** Milliseconds one attempt may take. */
  timeout: z.number().int().positive().max(MAX_TIMEOUT_MS).default(DEFAULT_TIMEOUT_MS),
  /** Retries after the first attempt for retryable failures (see `shouldRetry`). */
  maxRetries: z.number().int().min(0).max(MAX_RETRIES_LIMIT).default(DEFAULT_MAX_RETRIES),
  userAgent: headerSafe.default(DEFAULT_USER_AGENT),
});

/** What `createClient` accepts. Unknown keys are refused, so a misspelt option cannot be ignored. */
export type ClientOptions = z.input<typeof clientOptionsSchema>;
/** The options with defaults applied. */
export type ResolvedClientOptions = z.output<typeof clientOptionsSchema>;

/** Validates client options; throws `ValidationError` naming each bad or unknown option. */
export function resolveClientOptions(options: unknown): ResolvedClientOptions {
  return parseInput(clientOptionsSchema, options, "client options");
}
