/**
 * The client's types come from the hub's committed OpenAPI document. This test regenerates them
 * in memory with openapi-typescript and compares the result with `openapi.generated.ts`, so a
 * route change in the hub that was not carried over to the SDK fails here.
 *
 * It is also the generator: `pnpm --filter @forecourt/sdk run generate:client` runs this file
 * with `--update`, which writes the fresh output over the committed file.
 */
import { readFile } from "node:fs/promises";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";

const HUB_DOCUMENT = new URL("../../../hub/openapi.json", import.meta.url);

const HEADER = `// ----------------------------------------------------------------------------------------------
// GENERATED FILE: do not edit by hand.
// The hub's v1 API as TypeScript types, made by openapi-typescript from packages/hub/openapi.json.
// Regenerate after the hub's routes change (and after \`pnpm --filter @forecourt/hub run openapi\`):
//   pnpm --filter @forecourt/sdk run generate:client
// src/client/openapi.generated.test.ts fails while this file is stale.
// ----------------------------------------------------------------------------------------------

`;

async function generateClientTypes(): Promise<string> {
  const document = JSON.parse(await readFile(HUB_DOCUMENT, "utf8")) as OpenAPI3;
  const ast = await openapiTS(document, { silent: true });
  return `${HEADER}${astToString(ast)}`;
}

describe("generated client types", () => {
  it("match packages/hub/openapi.json", async () => {
    await expect(await generateClientTypes()).toMatchFileSnapshot(
      "./openapi.generated.ts",
      "src/client/openapi.generated.ts is stale: run `pnpm --filter @forecourt/sdk run generate:client`",
    );
  });
});
