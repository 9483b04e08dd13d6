import type { FastifyInstance } from "fastify";

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: database and queue). */
export function registerHealthRoutes(app: FastifyInstance): void {
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    const check = async (probe: () => Promise<unknown>) => {
      try {
        await probe();
        return "ok" as const;
      } catch {
        return "unavailable" as const;
      }
    };
    const [database, queue] = await Promise.all([
      check(() => app.hub.database.pool.query("SELECT 1")),
      check(() => app.hub.queue.ping()),
    ]);
    const ready = database === "ok" && queue === "ok";
    return reply.status(ready ? 200 : 503).send({
      status: ready ? "ready" : "unavailable",
      checks: { database, queue, queueBackend: app.hub.queue.backend },
    });
  });
}
