import { ValidationError as SdkValidationError } from "@forecourt/sdk";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { errorBody, HubError } from "../errors.js";

interface PgError {
  code?: string;
  constraint?: string;
}

/** Turns whatever was thrown into a `HubError`; unknown errors become `internal_error`. */
export function toHubError(error: unknown): HubError {
  if (error instanceof HubError) return error;
  if (error instanceof SdkValidationError) {
    return new HubError("validation_failed", error.message, { issues: error.issues });
  }
  const e = error as FastifyError & PgError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? "body";
    const issues = e.validation.map((issue) => ({
      path: (issue.instancePath ?? "").replace(/^\//, "").replaceAll("/", "."),
      message: issue.message ?? "is invalid",
      in: where,
    }));
    const shown = issues
      .slice(0, 5)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join("; ");
    return new HubError("validation_failed", `Invalid ${where}: ${shown}`, { issues });
  }
  // Drizzle wraps the driver's error; the PostgreSQL error code is on its cause.
  const pgError = (e.cause ?? {}) as PgError;
  const code =
    typeof pgError.code === "string" && /^[0-9A-Z]{5}$/.test(pgError.code) ? pgError.code : e.code;
  switch (code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new HubError("payload_too_large", "The request body is larger than the limit");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new HubError("unsupported_media_type", "Send the body as application/json");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new HubError("invalid_json", "The body is not valid JSON");
    // PostgreSQL: a unique index refused a duplicate. The server's detail names the values,
    // which may be personal data, so only the constraint's name is passed on.
    case "23505":
      return new HubError("conflict", "An object with the same unique fields already exists", {
        constraint: pgError.constraint ?? e.constraint,
      });
  }
  if (e instanceof SyntaxError && e.statusCode === 400) {
    return new HubError("invalid_json", "The body is not valid JSON");
  }
  if (e.statusCode === 413) {
    return new HubError("payload_too_large", "The request body is larger than the limit");
  }
  if (e.statusCode === 429) return new HubError("rate_limited", "Too many requests; slow down");
  return new HubError("internal_error", "Internal error; quote the request id when reporting it");
}

/** Bound values of a failed query (`params: …` in Drizzle's message and stack) up to the trace. */
const BOUND_VALUES = /\nparams: [\s\S]*?(?=\n\s+at |\ncaused by|$)/g;

/**
 * What a log line may say about an unexpected error: its type, code, message and stack with a
 * failed query's bound values removed (they are the request's data: names, messages, ciphertext),
 * and the cause's type, code and message. Driver details (`detail`, `where`), which quote rows,
 * are left out.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const scrub = (text: string | undefined) => text?.replace(BOUND_VALUES, "\nparams: [redacted]");
  const codeOf = (e: Error) => {
    const code = (e as Error & { code?: unknown }).code;
    return typeof code === "string" ? { code } : {};
  };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    type: error.name,
    message: scrub(error.message),
    stack: scrub(error.stack),
    ...codeOf(error),
    ...(cause
      ? { cause: { type: cause.name, message: scrub(cause.message), ...codeOf(cause) } }
      : {}),
  };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const hubError = toHubError(error);
    if (hubError.status >= 500) {
      request.log.error({ error: loggableError(error) }, "request failed");
    }
    void reply.status(hubError.status).send(errorBody(hubError));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(
        errorBody(
          new HubError(
            "route_not_found",
            `No route ${request.method} ${request.url.split("?")[0]}`,
          ),
        ),
      );
  });
}
