import type { FastifyInstance } from "fastify";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { clusterMetricsText, isApiProcess, shareMetrics } from "../cluster.js";
import type { JobQueue } from "../jobs/queue.js";

/**
 * Prometheus metrics on a registry of this hub's own (not prom-client's global one), so several
 * hubs in one process — the test suites start many — never share or double-register series.
 * `jobs: false` leaves out the queue's series: an API process of several
 * (`--api-processes`) runs no jobs, and the primary, which does, reports them once.
 */
export function createMetrics(queue: JobQueue, { jobs = true }: { jobs?: boolean } = {}): Registry {
  const registry = new Registry();
  new Histogram({
    name: "forecourt_http_request_duration_seconds",
    help: "HTTP request latency by route and status",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  if (!jobs) return registry;
  new Gauge({
    name: "forecourt_queue_jobs",
    help: "Jobs in the hub's queue by lane (leads, webhooks, orders) and state",
    labelNames: ["lane", "state"],
    registers: [registry],
    async collect() {
      try {
        for (const [lane, counts] of Object.entries(await queue.laneCounts())) {
          for (const [state, value] of Object.entries(counts)) this.set({ lane, state }, value);
        }
      } catch {
        // An unreachable queue shows as missing samples here and as 503 on /readyz.
      }
    },
  });
  const failed = new Counter({
    name: "forecourt_jobs_failed_total",
    help: "Job attempts that failed, by job name",
    labelNames: ["job"],
    registers: [registry],
  });
  queue.onFailed((job) => failed.inc({ job }));
  return registry;
}

export function registerMetrics(app: FastifyInstance, registry: Registry): void {
  const latency = registry.getSingleMetric("forecourt_http_request_duration_seconds") as Histogram<
    "method" | "route" | "status_code"
  >;
  app.addHook("onResponse", async (request, reply) => {
    latency.observe(
      {
        method: request.method,
        // The route pattern (/v1/stores/:id), never the raw URL: ids would explode cardinality.
        route: request.routeOptions.url ?? "unmatched",
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  // One of several API processes: the primary adds every process's series up, so a scrape of
  // any one of them sees the whole hub.
  const inCluster = isApiProcess();
  if (inCluster) shareMetrics(registry);
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    const text = inCluster ? await clusterMetricsText() : await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}
