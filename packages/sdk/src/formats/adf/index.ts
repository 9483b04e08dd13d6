/**
 * ADF 1.0 (Auto-lead Data Format): `parseAdf` reads what real feeds send into lead inputs and
 * refuses unsafe documents; `toAdf` writes leads strictly per the DTD.
 */
export { ADF_MIME_TYPE, type ToAdfOptions, toAdf, toAdfOptionsSchema } from "./emit.js";
export {
  ADF_ATTRIBUTE_PREFIX,
  ADF_ATTRIBUTES,
  OVER_3_MONTHS_EARLIEST_DAYS,
  TIMEFRAME_WINDOW_DAYS,
} from "./mapping.js";
export {
  type AdfWarning,
  DEFAULT_ADF_CHANNEL,
  DEFAULT_ADF_MAX_BYTES,
  DEFAULT_ADF_SOURCE,
  type ParseAdfOptions,
  type ParseAdfResult,
  parseAdf,
  parseAdfOptionsSchema,
} from "./parse.js";
