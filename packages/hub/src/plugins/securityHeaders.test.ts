import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerSecurityHeaders, securityHeaders } from "./securityHeaders.js";

describe("security headers", () => {
  it("are helmet's, with the hub's content security policy, worked out once", () => {
    const { set, removed } = securityHeaders();
    expect(set["content-security-policy"]).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';upgrade-insecure-requests",
    );
    expect(set["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(set["x-content-type-options"]).toBe("nosniff");
    expect(set["x-frame-options"]).toBe("SAMEORIGIN");
    expect(set["referrer-policy"]).toBe("no-referrer");
    expect(set["cross-origin-opener-policy"]).toBe("same-origin");
    expect(removed).toEqual(["x-powered-by"]);
  });

  it("a directive helmet refuses fails at start, not on a request", () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: { directives: { "default-src": ["'self'; script-src *"] } },
      }),
    ).toThrow(/default-src/);
  });

  it("are on every reply, errors included, and a handler can still override one", async () => {
    const app = Fastify();
    registerSecurityHeaders(app);
    app.get("/ok", async () => ({ ok: true }));
    app.get("/framed", async (_request, reply) =>
      reply.header("x-frame-options", "DENY").send("x"),
    );
    const ok = await app.inject({ method: "GET", url: "/ok" });
    const missing = await app.inject({ method: "GET", url: "/nowhere" });
    const framed = await app.inject({ method: "GET", url: "/framed" });
    for (const res of [ok, missing]) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    }
    expect(missing.statusCode).toBe(404);
    expect(framed.headers["x-frame-options"]).toBe("DENY");
    await app.close();
  });
});
