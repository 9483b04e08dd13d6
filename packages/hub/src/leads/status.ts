import type { LeadStatus } from "@forecourt/sdk";
import { HubError } from "../errors.js";

/**
 * Where a lead may go from each status through the API. `converted` is reached by opening an
 * opportunity from the lead, not by setting it; `ordered` is final. A lost (战败) or dormant lead
 * can be taken up again.
 */
export const LEAD_STATUS_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ["contacted", "qualified", "lost", "dormant"],
  contacted: ["qualified", "lost", "dormant"],
  qualified: ["contacted", "ordered", "lost", "dormant"],
  converted: ["ordered", "lost"],
  ordered: [],
  lost: ["contacted", "qualified"],
  dormant: ["contacted", "qualified", "lost"],
};

export function assertStatusTransition(id: string, from: LeadStatus, to: LeadStatus): void {
  if (from === to) return;
  const allowed = LEAD_STATUS_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    const hint = to === "converted" ? "; open an opportunity from the lead instead" : "";
    throw new HubError(
      "illegal_status_transition",
      `lead ${id} cannot go from ${from} to ${to}${hint}`,
      { from, to, allowed },
    );
  }
}
