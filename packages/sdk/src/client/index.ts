/**
 * `@forecourt/sdk/client`: a typed client for the Forecourt hub's v1 API, runtime-agnostic (the
 * global fetch or an injected one). The error classes are re-exported so `instanceof` checks
 * use the same classes the client throws, in ESM and CommonJS alike.
 */
export {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  ForecourtError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
  type ValidationIssue,
} from "../errors.js";
export {
  type CrudResource,
  createClient,
  type ForecourtClient,
  IMPORT_CONTENT_TYPES,
  type ImportContentType,
  type ImportFileOptions,
} from "./client.js";
export {
  connectionError,
  createRedactor,
  errorFromResponse,
  type HubResponse,
  type Redactor,
} from "./errors.js";
export {
  type ClientOptions,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  type FetchFunction,
  MAX_RETRIES_LIMIT,
} from "./options.js";
export type {
  Action,
  ChildListable,
  ChildListPath,
  Creatable,
  ListAllQuery,
  Listable,
  ListQuery,
  Lookup,
  Readable,
  Removable,
  Replaceable,
  TopListPath,
  Updatable,
} from "./resources.js";
export {
  BASE_RETRY_DELAY_MS,
  type FailedAttempt,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  parseRetryAfter,
  retryDelayMs,
  shouldRetry,
} from "./retry.js";
export type {
  ByIdPath,
  CallOptions,
  CollectionPath,
  HttpMethod,
  HubPath,
  ItemOf,
  ListPath,
  Page,
  PathsWith,
  paths,
  Query,
  RequestBody,
  RequestFunction,
  RequestParts,
  ResponseBody,
} from "./types.js";
