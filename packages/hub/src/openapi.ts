import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import type { HubServices } from "./services.js";

/**
 * The OpenAPI document, built from the route table alone. No request is served, so the services
 * are placeholders that refuse to be used; the document depends only on the routes' zod schemas.
 */
export async function buildOpenApiDocument(): Promise<unknown> {
  const unavailable = new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`openapi: services.${String(property)} is not available here`);
      },
    },
  );
  const services = {
    config: { ...loadConfig({}), logLevel: "silent" },
    database: unavailable,
    db: unavailable,
    crypto: unavailable,
    queue: { onFailed() {}, counts: async () => ({}), backend: "postgres" },
  } as unknown as HubServices;
  const app = await buildApp(services);
  await app.ready();
  const document = app.swagger();
  await app.close();
  return document;
}

export function serialiseOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
