import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { backupToFile, restoreFromFile } from "../src/backup.js";
import { loadConfig } from "../src/config.js";
import { buildHub } from "../src/hub.js";
import { createTenant } from "../src/tenants.js";
import { tempDir } from "./support/backends.js";

describe("embedded hub across restarts", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  // Three embedded hubs start one after another here, each applying every migration: more
  // than the default minute on a busy two-core machine.
  it("keeps data written before a stop, and backup/restore carries it to a new data folder", async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const config = loadConfig({ FORECOURT_DATA_DIR: dir, LOG_LEVEL: "silent" });
    const first = await buildHub(config, { warn: () => {} });
    const tenant = await createTenant(first.services.db, "Restart Motors");
    const created = await first.app.inject({
      method: "POST",
      url: "/v1/salespeople",
      headers: { authorization: `Bearer ${tenant.apiKey}` },
      payload: { storeId: "sto_01J00000000000000000000000", name: "nobody" },
    });
    expect(created.statusCode).toBe(400);
    const store = (
      await first.app.inject({
        method: "POST",
        url: "/v1/stores",
        headers: { authorization: `Bearer ${tenant.apiKey}` },
        payload: { name: "Kept", code: "KEEP", region: "Shanghai" },
      })
    ).json();
    // A second process may not open the same data folder while the first runs.
    await expect(buildHub(config, { warn: () => {} })).rejects.toThrow(/in use/);
    await first.close();

    const second = await buildHub(config, { warn: () => {} });
    const read = await second.app.inject({
      method: "GET",
      url: `/v1/stores/${store.id}`,
      headers: { authorization: `Bearer ${tenant.apiKey}` },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().name).toBe("Kept");
    const file = `${dir}/backup.json`;
    await backupToFile(second.services.database.pool, file);
    await second.close();

    const otherDir = await tempDir();
    dirs.push(otherDir);
    // Same key: the backup carries ciphertext, readable only with the key that wrote it.
    const third = await buildHub(
      loadConfig({
        FORECOURT_DATA_DIR: otherDir,
        LOG_LEVEL: "silent",
        FORECOURT_SECRET_KEY: (await import("node:fs"))
          .readFileSync(`${dir}/secret.key`, "utf8")
          .trim(),
      }),
      { warn: () => {} },
    );
    try {
      const counts = await restoreFromFile(third.services.database.pool, file);
      expect(counts.stores).toBe(1);
      const restored = await third.app.inject({
        method: "GET",
        url: `/v1/stores/${store.id}`,
        headers: { authorization: `Bearer ${tenant.apiKey}` },
      });
      expect(restored.json().name).toBe("Kept");
      await expect(restoreFromFile(third.services.database.pool, file)).rejects.toThrow(/empty/);
    } finally {
      await third.close();
    }
  }, 180_000);
});
