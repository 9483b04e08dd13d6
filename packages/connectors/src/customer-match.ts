import type { PushCustomer } from "./push.js";

/**
 * Whether a record a destination already has under the customer's name belongs to somebody
 * else: its email or phone is set and differs from ours. Names are unique in several vendors
 * (QuickBooks, Xero), and two buyers called 王芳 are common, so a name alone never decides that
 * a record is ours when the details say otherwise. No details on either side: the same person.
 */
export function isSomeoneElse(
  customer: Pick<PushCustomer, "email" | "phone">,
  theirs: { email?: string | undefined; phone?: string | undefined },
): boolean {
  const digits = (value: string) => value.replace(/\D/g, "").slice(-11);
  if (
    customer.email &&
    theirs.email &&
    customer.email.toLowerCase() !== theirs.email.toLowerCase()
  ) {
    return true;
  }
  if (customer.phone && theirs.phone && digits(customer.phone) !== digits(theirs.phone)) {
    return true;
  }
  return false;
}

/** The suffix that makes a customer's name its own in a vendor: the end of the hub's id. */
export function customerNameSuffix(customer: Pick<PushCustomer, "id">): string {
  return customer.id.slice(-8);
}
