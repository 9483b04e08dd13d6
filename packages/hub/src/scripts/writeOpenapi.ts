import { writeFile } from "node:fs/promises";
import { buildOpenApiDocument, serialiseOpenApi } from "../openapi.js";

/** `pnpm --filter @forecourt/hub run openapi`: rewrites packages/hub/openapi.json. */
const target = new URL("../../openapi.json", import.meta.url);
await writeFile(target, serialiseOpenApi(await buildOpenApiDocument()));
process.stdout.write(`wrote ${target.pathname}\n`);
