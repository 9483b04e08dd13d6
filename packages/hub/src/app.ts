import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { ulid } from "@forecourt/sdk";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { ClusterRateLimitStore, isApiProcess } from "./cluster.js";
import { HubError } from "./errors.js";
import { registerHookRoutes } from "./gateway/hooks.js";
import { redactUrl } from "./lib/redact.js";
import { registerAuth } from "./plugins/auth.js";
import { registerErrorHandling } from "./plugins/errors.js";
import { registerIdempotency } from "./plugins/idempotency.js";
import { createMetrics, registerMetrics } from "./plugins/metrics.js";
import { registerSecurityHeaders } from "./plugins/securityHeaders.js";
import { registerHealthRoutes } from "./routes/health.js";
import { registerV1Routes } from "./routes/index.js";
import { registerOAuthCallback } from "./routes/oauth/oauthCallback.js";
import type { HubServices } from "./services.js";

export const API_VERSION = "1.0.0";
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Log paths that may carry secrets or personal data; pino replaces them before writing. */
export const REDACTED_LOG_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["idempotency-key"]',
  "headers.authorization",
  "*.authorization",
  "*.apiKey",
  "*.key",
  "*.secretKey",
  "*.password",
  "*.phone",
  "*.email",
  "*.wechat",
  "*.contact",
];

export interface AppOptions {
  /** Where JSON logs go (stdout by default); tests pass a stream to read them. */
  logStream?: NodeJS.WritableStream;
}

/** The HTTP side of the hub over already-opened services (database, queue, crypto). */
export async function buildApp(
  services: HubServices,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_LOG_PATHS, censor: "[redacted]" },
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url), id: req.id }),
      },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimit,
    requestIdHeader: "x-request-id",
    genReqId: () => `req_${ulid()}`,
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  app.decorate("hub", services);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // A caller's x-request-id is kept when it looks like an id; anything else is replaced.
  app.addHook("onRequest", async (request, reply) => {
    if (!REQUEST_ID.test(request.id)) request.id = `req_${ulid()}`;
    void reply.header("x-request-id", request.id);
  });

  registerSecurityHeaders(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Forecourt hub API",
        version: API_VERSION,
        description:
          "A dealer group's leads, organisation and integrations. Authenticate with `Authorization: Bearer fc_…`; send `Idempotency-Key` on POST to make retries safe.",
      },
      components: {
        securitySchemes: { apiKey: { type: "http", scheme: "bearer", bearerFormat: "fc_…" } },
      },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs", staticCSP: true });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerHealthRoutes(app);
  registerMetrics(app, createMetrics(services.queue, { jobs: !isApiProcess() }));

  // Vendors' deliveries: raw bodies, no API key (each connector verifies its sender).
  await app.register(registerHookRoutes);
  // OAuth2 providers' redirects: no API key (the single-use state is the credential).
  await app.register(registerOAuthCallback);

  await app.register(async (v1) => {
    registerAuth(v1);
    await v1.register(fastifyRateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      hook: "onRequest",
      keyGenerator: (request) => request.actor?.apiKeyId ?? request.ip,
      // One of several API processes: the primary keeps the counts, so the limit is the
      // hub's, not each process's; if it cannot answer, the request goes through.
      ...(isApiProcess() && { store: ClusterRateLimitStore, skipOnError: true }),
      errorResponseBuilder: (_request, context) => {
        const error = new HubError(
          "rate_limited",
          `Too many requests: at most ${context.max} a minute for this key; retry in ${Math.ceil(context.ttl / 1000)} s`,
        );
        return Object.assign(error, { statusCode: 429 });
      },
    });
    registerIdempotency(v1);
    registerV1Routes(v1);
  });
  return app;
}
