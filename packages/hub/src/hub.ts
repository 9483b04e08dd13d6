import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "./app.js";
import type { HubConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import {
  processInboxEntry,
  processPull,
  reconcileInbox,
  relayProcessing,
  startGateway,
  stopGateway,
} from "./gateway/index.js";
import { processFollowUpReminder } from "./jobs/followUpReminder.js";
import { openJobQueue } from "./jobs/queue.js";
import { rescheduleFollowUpReminders } from "./leads/reminders.js";
import { backgroundOf } from "./lib/background.js";
import { createFieldCrypto } from "./lib/crypto.js";
import { resolveSecretKey } from "./lib/secretKey.js";
import type { HubServices } from "./services.js";
import { processPush, startSyncSweeper, stopSyncSweeper } from "./sync/push.js";
import { processDelivery } from "./webhooks/deliver.js";
import { processFanout, startWebhookSweeper, stopWebhookSweeper } from "./webhooks/dispatcher.js";

export interface HubOptions extends AppOptions {
  /** Run the job processors in this process (`forecourt start`); false for API-only. */
  workers?: boolean;
  warn?: (message: string) => void;
}

export interface Hub {
  app: FastifyInstance;
  services: HubServices;
  /** Stops taking requests and jobs, finishes in-flight ones, closes pools and the database. */
  close(): Promise<void>;
}

/** Opens the database (migrating it), the queue and the crypto keys: everything but HTTP. */
export async function openServices(
  config: HubConfig,
  warn: (message: string) => void = (m) => process.emitWarning(m),
): Promise<HubServices> {
  const secret = await resolveSecretKey(config, warn);
  const database = await openDatabase(config);
  try {
    await migrate(database.pool);
    const queue = await openJobQueue({
      database: database.connection,
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
    });
    return { config, database, db: database.db, crypto: createFieldCrypto(secret), queue };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function startWorkers(services: HubServices): void {
  services.queue.startWorker(
    {
      "lead.follow_up_reminder": (data) => processFollowUpReminder(services.db, data),
      "webhook.fanout": (data) => processFanout(services, data),
      "webhook.deliver": (data) => processDelivery(services, data),
      "gateway.process": (data) => processInboxEntry(services, data),
      "gateway.relay": (data) => relayProcessing(services.queue, data),
      "gateway.pull": (data) => processPull(services, data),
      "gateway.reconcile": async () => {
        await reconcileInbox(services.db, services.queue);
      },
      "order.push": (data) => processPush(services, data),
    },
    { concurrency: services.config.workerConcurrency },
  );
  startGateway(services);
  startWebhookSweeper(services);
  startSyncSweeper(services);
  // Reminders whose enqueueing a stop interrupted (or that a restore left behind) come back; in
  // the background, so a large backlog does not delay the start.
  void rescheduleFollowUpReminders(services.db, services.queue).catch(() => {});
}

export async function closeServices(services: HubServices): Promise<void> {
  stopGateway(services);
  await stopWebhookSweeper(services);
  await stopSyncSweeper(services);
  // Jobs of writes already answered (follow-up reminders) may still be on their way to the queue.
  await backgroundOf(services).settle();
  await services.queue.close();
  await services.database.close();
}

/** The whole hub in one process: API, and the workers unless `workers: false`. */
export async function buildHub(config: HubConfig, options: HubOptions = {}): Promise<Hub> {
  const services = await openServices(config, options.warn);
  let app: FastifyInstance;
  try {
    app = await buildApp(services, options);
    await app.ready();
  } catch (error) {
    await closeServices(services);
    throw error;
  }
  if (options.workers !== false) startWorkers(services);
  let closing: Promise<void> | undefined;
  return {
    app,
    services,
    close() {
      closing ??= (async () => {
        await app.close();
        await closeServices(services);
      })();
      return closing;
    },
  };
}
