import type { HubServices } from "../services.js";
import { reconcileInbox } from "./inbox.js";
import { stopPulls } from "./pull.js";

export const RECONCILE_EVERY_MS = 30_000;
export const RECONCILER_ID = "gateway-reconcile";

/** Starts the gateway's background work: the reconciler now and every 30 s. */
export function startGateway(services: HubServices): void {
  void reconcileInbox(services.db, services.queue, { olderThanMs: 0 }).catch(() => {});
  void services.queue
    .schedule(RECONCILER_ID, RECONCILE_EVERY_MS, "gateway.reconcile", {})
    .catch(() => {});
}

/** Pulls in progress stop after their current page. */
export function stopGateway(services: HubServices): void {
  stopPulls(services);
}

export { reconcileInbox, relayProcessing } from "./inbox.js";
export { processInboxEntry } from "./process.js";
export { processPull } from "./pull.js";
