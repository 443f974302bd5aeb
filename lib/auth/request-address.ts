import { headers } from "next/headers";
import { trustedClientAddress } from "./client-address";

/** The client's address of the request being served, for the security log; null when unknown. */
export async function requestAddress(): Promise<string | null> {
  return trustedClientAddress(await headers());
}
