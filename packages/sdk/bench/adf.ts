/**
 * parseAdf throughput: documents of 1 and of 100 prospects, as portals send them, made with
 * toAdf from synthetic leads.
 */

import { normalizeLead } from "@forecourt/sdk";
import { parseAdf, toAdf } from "@forecourt/sdk/adf";
import type { Suite } from "./harness.js";
import { syntheticLeadInputs } from "./synthetic.js";

const vendor = {
  name: "Forecourt Motors Beijing",
  contact: { name: "Lead desk", email: "leads@example.com" },
};

export function adfSuite(): Suite {
  const leads = syntheticLeadInputs(10_000, 7).map((input) => {
    const { lead } = normalizeLead(input);
    return { ...lead, contact: { ...lead.contact } };
  });
  const requestDate = "2026-11-27T10:00:00+08:00";
  const single = leads.map((lead) => toAdf([lead], { vendor, requestDate }));
  const batches: string[] = [];
  for (let i = 0; i < leads.length; i += 100) {
    batches.push(toAdf(leads.slice(i, i + 100), { vendor, requestDate }));
  }
  let sink = 0;
  const bytes = (docs: string[]) => docs.reduce((n, d) => n + d.length, 0);
  return {
    name: "parseAdf",
    items: leads.length,
    tasks: [
      {
        name: `10,000 one-prospect documents (${Math.round(bytes(single) / 1024)} KiB)`,
        fn: () => {
          for (const doc of single) sink += parseAdf(doc).leads.length;
        },
      },
      {
        name: `100 documents of 100 prospects (${Math.round(bytes(batches) / 1024)} KiB)`,
        fn: () => {
          for (const doc of batches) sink += parseAdf(doc).leads.length;
        },
      },
    ],
    sink: () => sink,
  };
}
