import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, serialiseOpenApi } from "./openapi.js";

describe("committed OpenAPI document", () => {
  it("matches the routes (run `pnpm --filter @forecourt/hub run openapi` after changing them)", async () => {
    const committed = await readFile(new URL("../openapi.json", import.meta.url), "utf8");
    const current = serialiseOpenApi(await buildOpenApiDocument());
    expect(committed === current, "packages/hub/openapi.json is stale").toBe(true);
  });

  it("is OpenAPI 3.1 with the v1 routes and the shared error schema", async () => {
    const doc = (await buildOpenApiDocument()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/stores", "/v1/stores/{id}", "/v1/teams", "/v1/salespeople"]),
    );
    expect(doc.components.schemas.Error).toBeDefined();
  });
});
