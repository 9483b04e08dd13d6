import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Where an outbound webhook may be sent. Endpoint URLs are typed in by people, so without a check
 * the hub could be made to POST into its own network: a cloud metadata service (169.254.169.254),
 * a database's HTTP port, an admin console on 10.x. Addresses fall in four kinds:
 *
 * - `public` — always allowed;
 * - `loopback` — 127.0.0.0/8 and ::1: only with `FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP=1` (tests,
 *   local development);
 * - `private` — RFC 1918, shared address space (100.64.0.0/10) and IPv6 unique local
 *   (fc00::/7): only with `FORECOURT_WEBHOOK_ALLOW_PRIVATE_NETWORKS=1`, for a hub that delivers to
 *   a CRM inside the dealer group's own network;
 * - `reserved` — link-local (the metadata services live there), unspecified, multicast,
 *   documentation, benchmarking and other special-purpose ranges: never.
 */
export type AddressKind = "public" | "loopback" | "private" | "reserved";

function blockList(v4: string[], v6: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of v4) {
    const [net, bits] = cidr.split("/") as [string, string];
    list.addSubnet(net, Number(bits), "ipv4");
  }
  for (const cidr of v6) {
    const [net, bits] = cidr.split("/") as [string, string];
    list.addSubnet(net, Number(bits), "ipv6");
  }
  return list;
}

const LOOPBACK = blockList(["127.0.0.0/8"], ["::1/128"]);
const PRIVATE = blockList(
  ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"],
  ["fc00::/7"],
);
const RESERVED = blockList(
  [
    "0.0.0.0/8",
    "169.254.0.0/16",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "240.0.0.0/4",
  ],
  ["::/128", "fe80::/10", "ff00::/8", "2001:db8::/32", "100::/64"],
);

/** The embedded IPv4 address of an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`). */
function mappedV4(address: string): string | undefined {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match?.[1];
}

export function addressKind(address: string): AddressKind {
  const v4 = mappedV4(address);
  if (v4) return addressKind(v4);
  const family = isIP(address);
  if (family === 0) return "reserved";
  const type = family === 4 ? "ipv4" : "ipv6";
  if (LOOPBACK.check(address, type)) return "loopback";
  if (PRIVATE.check(address, type)) return "private";
  if (RESERVED.check(address, type)) return "reserved";
  return "public";
}

export interface AddressPolicy {
  allowLocalHttp: boolean;
  allowPrivateNetworks: boolean;
}

/** Why an address may not be delivered to, or undefined when it may. */
export function refusal(address: string, policy: AddressPolicy): string | undefined {
  const kind = addressKind(address);
  if (kind === "public") return undefined;
  if (kind === "loopback") {
    return policy.allowLocalHttp
      ? undefined
      : "resolves to a loopback address (allowed only with FORECOURT_WEBHOOK_ALLOW_LOCAL_HTTP=1)";
  }
  if (kind === "private") {
    return policy.allowPrivateNetworks
      ? undefined
      : "resolves to a private network address (allowed only with FORECOURT_WEBHOOK_ALLOW_PRIVATE_NETWORKS=1)";
  }
  return "resolves to a reserved address (link-local, multicast or special-purpose), never delivered to";
}

export type Lookup = (hostname: string) => Promise<{ address: string }[]>;
const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A URL's host without the brackets of an IPv6 literal. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Checks a URL's host before a delivery: an address literal as it is, a name by every address it
 * resolves to (all must be allowed: a name with one internal address among public ones is
 * refused). Returns why it is refused, or undefined. The check is made right before each try;
 * a name whose records change between the check and the connection is not caught here.
 */
export async function destinationRefusal(
  url: URL,
  policy: AddressPolicy,
  lookup: Lookup = systemLookup,
): Promise<string | undefined> {
  const host = hostOf(url);
  if (isIP(host) !== 0) {
    const why = refusal(host, policy);
    return why && `the endpoint's host ${why}`;
  }
  // A failed lookup throws: not a refusal, the try fails as a network error and is retried.
  for (const { address } of await lookup(host)) {
    const why = refusal(address, policy);
    if (why) return `the endpoint's host ${why}`;
  }
  return undefined;
}
