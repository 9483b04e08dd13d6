import type { Actor } from "../auth/roles.js";
import { HubError, notFound } from "../errors.js";

/**
 * Store scope: a key bound to a store sees and changes only that store's organisation. Reads
 * outside the scope answer 404 (the object's existence is not revealed); writes that name
 * another store answer 403.
 */
export function assertStoreReadable(actor: Actor, entity: string, id: string, storeId: string) {
  if (actor.storeId && actor.storeId !== storeId) throw notFound(entity, id);
}

export function assertStoreWritable(actor: Actor, storeId: string) {
  if (actor.storeId && actor.storeId !== storeId) {
    throw new HubError("forbidden", "This key is limited to another store", {
      storeId: actor.storeId,
    });
  }
}

export const isoOrUndefined = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);
