import { ValidationError } from "@forecourt/sdk";
import { describe, expect, it } from "vitest";
import { connectorManifest, parseConfig, redactConfig } from "../define.js";
import { PORTAL_PRESETS, portalConnector, portalPreset } from "./index.js";

const TOKEN = "autohome-oauth-token-0123456789";

describe("portal presets", () => {
  it("each preset becomes a valid config once the partner's secrets (and pull path) are added", () => {
    const autohome = parseConfig(
      portalConnector,
      portalPreset("autohome", { signing: { token: TOKEN }, pull: { path: "/dealer/leads" } }),
    );
    expect(autohome).toMatchObject({
      preset: "autohome",
      source: "autohome",
      mode: "pull",
      baseUrl: "https://openapi.autohome.com.cn",
      signing: { scheme: "bearer", token: TOKEN },
      pull: { path: "/dealer/leads", pageParam: "pageindex", codePath: "returncode" },
    });
    const dongchedi = parseConfig(
      portalConnector,
      portalPreset("dongchedi", { signing: { secret: "dcd-webhook-secret-0123" } }),
    );
    expect(dongchedi.signing).toMatchObject({
      scheme: "hmac_sha256",
      timestampHeader: "x-timestamp",
    });
    const yiche = parseConfig(
      portalConnector,
      portalPreset("yiche", { signing: { appKey: "yc-app", appSecret: "yiche-secret-01" } }),
    );
    expect(yiche.signing).toMatchObject({ scheme: "md5_sorted", secretPlacement: "wrap" });
  });

  it("merges the field map and keeps secrets out of presets and redacted configs", () => {
    const config = parseConfig(
      portalConnector,
      portalPreset("yiche", {
        signing: { appKey: "yc-app", appSecret: "yiche-secret-01" },
        fieldMap: { serial_name: "interest.model", buy_time: "attributes.yiche.buy_time" },
      }),
    );
    expect(config.fieldMap).toMatchObject({
      mobile: "contact.phone",
      serial_name: "interest.model",
      buy_time: "attributes.yiche.buy_time",
    });
    expect(JSON.stringify(PORTAL_PRESETS)).not.toMatch(/secret-|token-/);
    expect(redactConfig(portalConnector, config).signing).toMatchObject({
      appSecret: "[redacted]",
    });
  });

  it("replaces the preset's signing when the partner uses another scheme", () => {
    const config = parseConfig(
      portalConnector,
      portalPreset("dongchedi", { signing: { scheme: "bearer", token: TOKEN } }),
    );
    expect(config.signing).toEqual({ scheme: "bearer", token: TOKEN });
  });

  it.each([
    ["a pull without its path", portalPreset("autohome", { signing: { token: TOKEN } }), "pull"],
    [
      "a pull signed with hmac_sha256",
      portalPreset("dongchedi", {
        mode: "pull",
        baseUrl: "https://portal.example.test",
        pull: { path: "/leads" },
        signing: { secret: "dcd-webhook-secret-0123" },
      }),
      "signing.scheme",
    ],
    [
      "a field mapped to something that is not a lead path",
      portalPreset("yiche", {
        signing: { appKey: "a", appSecret: "yiche-secret-01" },
        fieldMap: { x: "contact.fax" as never },
      }),
      "fieldMap.x",
    ],
  ])("refuses %s", (_what, input, path) => {
    const error = (() => {
      try {
        parseConfig(portalConnector, input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(JSON.stringify((error as ValidationError).issues)).toContain(path);
  });

  it("pulls only for pull-mode connections", () => {
    const pull = parseConfig(
      portalConnector,
      portalPreset("autohome", { signing: { token: TOKEN }, pull: { path: "/leads" } }),
    );
    const push = parseConfig(
      portalConnector,
      portalPreset("dongchedi", { signing: { secret: "dcd-webhook-secret-0123" } }),
    );
    expect(portalConnector.pull!.enabled!(pull)).toBe(true);
    expect(portalConnector.pull!.enabled!(push)).toBe(false);
    expect(connectorManifest(portalConnector).secretFields).toEqual([
      "signing.secret",
      "signing.previousSecret",
      "signing.appSecret",
      "signing.previousAppSecret",
      "signing.token",
      "signing.previousToken",
    ]);
  });
});
