/**
 * `@forecourt/connectors`: the contract every connector implements (`defineConnector`), the
 * error classes the hub acts on, and the helpers connectors share — HTTP on ky with an injected
 * fetch, secret marking and redaction, constant-time comparison and HMAC on Web Crypto, and JSON
 * parsing that keeps 64-bit ids exact. Each vendor is its own subpath (`/adf`,
 * `/meta-lead-ads`, `/google-ads` …), with msw handlers for tests at `/<vendor>/mocks`.
 */

export { verifyBearerToken } from "./bearer.js";
export {
  base64ToUtf8,
  bytesConcat,
  fromBase64,
  fromHex,
  hmacSha256,
  sha256,
  sha256Hex,
  timingSafeEqual,
  toHex,
} from "./crypto.js";
export {
  type Awaitable,
  baseUrlSchema,
  type ConfigOf,
  type ConfigSchema,
  type ConnectionTestResult,
  type Connector,
  type ConnectorAuthKind,
  type ConnectorContext,
  type ConnectorDefinition,
  type ConnectorDirection,
  type ConnectorManifest,
  type ConnectorReference,
  type CreateContextOptions,
  connectorManifest,
  createContext,
  defineConnector,
  type HandshakeRequest,
  type HandshakeResponse,
  type InboundRequestInfo,
  type JsonObject,
  type JsonPrimitive,
  type JsonValue,
  type LeadSourceEvent,
  type ParseResult,
  type PullCapability,
  type PullPage,
  parseConfig,
  type ReferenceSourceEvent,
  redactConfig,
  resolveBaseUrl,
  type SourceEvent,
  secretFields,
  type VerifyResult,
  type WebhookCapability,
  type WebhookOutcome,
  type WebhookResponse,
} from "./define.js";
export { type DrainedPull, drainPull } from "./drain-pull.js";
export {
  AuthConnectorError,
  type ClassifyHttpErrorOptions,
  ConnectorError,
  type ConnectorErrorKind,
  type ConnectorErrorOptions,
  classifyHttpError,
  isConnectorError,
  networkError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "./errors.js";
export { type HeadersInput, headerValue, mediaType, mediaTypeParameter } from "./headers.js";
export {
  DEFAULT_HTTP_TIMEOUT_MS,
  type FetchFunction,
  type HttpContext,
  type HttpMethod,
  type HttpRequest,
  type HttpResult,
  request,
  requestJson,
  requestJsonResult,
} from "./http.js";
export {
  exactIdOf,
  exactIdSchema,
  parseJsonExact,
  quoteLargeIntegers,
  readJsonBody,
} from "./json.js";
export {
  fieldMapSchema,
  joinName,
  LEAD_FIELD_TARGETS,
  type LeadBase,
  LeadFieldCollector,
  type LeadFieldTarget,
  leadFieldTargetSchema,
  readVehicleCondition,
} from "./lead-fields.js";
export { hmacMd5, md5 } from "./md5.js";
export {
  joinParams,
  type ParamsFormat,
  type ParamsInput,
  type SecretPlacement,
  type SortedParamsSignatureOptions,
  sortedParamPairs,
  sortedParamsSignature,
  TOP_SIGN_METHODS,
  type TopSignMethod,
  topSignature,
} from "./param-signing.js";
export {
  type CreatePushContextOptions,
  createPushContext,
  orderIdempotencyKey,
  type PushCapability,
  type PushContext,
  type PushCustomer,
  type PushCustomerInput,
  type PushOrder,
  type PushOrderInput,
  type PushOrderLine,
  type PushResult,
  type PushTotals,
  pushCustomerSchema,
  pushOrderLineSchema,
  pushOrderSchema,
  pushTotalsSchema,
  readPushOrder,
} from "./push.js";
export { type BuildPushOrderInput, buildPushOrder } from "./push-order.js";
export {
  createRedactor,
  isSecretSchema,
  REDACTED,
  type Redactor,
  redactConfigWith,
  SECRET_META_KEY,
  secret,
  secretPaths,
  secretValues,
} from "./secrets.js";
export {
  type AccessTokenHooks,
  accessTokenHooks,
  isUnauthorized,
  oauthSession,
  type RenewableSession,
  type RenewableSessionOptions,
  renewableSession,
} from "./session.js";
export { describeIssues } from "./shape.js";
export {
  afterWindow,
  openWindow,
  pullWindowed,
  type TimeWindow,
  type WindowCheckpoint,
  type WindowedPage,
  type WindowedPullOptions,
  type WindowTiming,
  windowCheckpoint,
  windowTimingSchema,
} from "./time-window.js";
export { uploadResult, uploadTokenShape, verifyUploadToken } from "./upload.js";
export { matchVendorCode, type VendorCodeRule, vendorCodeError } from "./vendor-codes.js";
export {
  checkFreshness,
  formatWallClock,
  parseVendorTime,
  vendorTimeToIso,
} from "./vendor-time.js";
