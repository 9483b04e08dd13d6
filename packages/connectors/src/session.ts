import { AuthConnectorError } from "./errors.js";
import type { PushContext } from "./push.js";

/**
 * Something a vendor hands out and later takes back — an OAuth2 access token, a login session,
 * a CSRF token — used for the calls of one push. When a call fails because it was taken back,
 * the session renews it once and replays the call once; a second refusal is the vendor's answer.
 */
export interface RenewableSessionOptions<S> {
  /** Gets the credential (logs in, fetches the token). Called at most once, lazily. */
  open(): Promise<S>;
  /** Gets a fresh one after a refusal; `open` again by default. */
  renew?(): Promise<S>;
  /** Whether a call's error means the credential was refused (and not the request itself). */
  isExpired(error: unknown): boolean;
}

export interface RenewableSession<S> {
  /** Runs `call` with the credential; renews once and replays once when it was refused. */
  run<T>(call: (credential: S) => Promise<T>): Promise<T>;
  /** The credential in use, opening it if needed (for calls that read it, like a cookie). */
  current(): Promise<S>;
  /** Whether the one renewal was used. */
  readonly renewed: boolean;
}

export function renewableSession<S>(options: RenewableSessionOptions<S>): RenewableSession<S> {
  let credential: Promise<S> | undefined;
  let renewed = false;
  const keep = (pending: Promise<S>): Promise<S> => {
    credential = pending;
    // A failed open is not kept: the next call may try again (the hub's retry will anyway).
    pending.catch(() => {
      if (credential === pending) credential = undefined;
    });
    return pending;
  };
  const current = (): Promise<S> => credential ?? keep(options.open());
  return {
    current,
    get renewed() {
      return renewed;
    },
    async run<T>(call: (credential: S) => Promise<T>): Promise<T> {
      const used = await current();
      try {
        return await call(used);
      } catch (error) {
        if (renewed || !options.isExpired(error)) throw error;
        renewed = true;
        return call(await keep((options.renew ?? options.open)()));
      }
    },
  };
}

/** Whether an error is the vendor's 401 (the token was refused), as `classifyHttpError` makes it. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof AuthConnectorError && error.status === 401;
}

/** The OAuth2 hooks of a push context. */
export type AccessTokenHooks = Pick<PushContext<unknown>, "getAccessToken" | "refreshAccessToken">;

/**
 * The OAuth2 hooks of a context, when the hub passed them: a push always has them; a connection
 * test gets them when the hub hands it the push context.
 */
export function accessTokenHooks(ctx: object): AccessTokenHooks | undefined {
  const hooks = ctx as Partial<AccessTokenHooks>;
  return typeof hooks.getAccessToken === "function" &&
    typeof hooks.refreshAccessToken === "function"
    ? { getAccessToken: hooks.getAccessToken, refreshAccessToken: hooks.refreshAccessToken }
    : undefined;
}

/**
 * The OAuth2 session of a push: the hub's access token; on a 401, one refresh through the hub
 * (which saves the rotated refresh token) and one replay. A 401 after the refresh stays an
 * `AuthConnectorError`, and the hub marks the connection `needs_reauth`.
 */
export function oauthSession(
  ctx: Pick<PushContext<unknown>, "getAccessToken" | "refreshAccessToken">,
) {
  return renewableSession<string>({
    open: () => ctx.getAccessToken(),
    renew: () => ctx.refreshAccessToken(),
    isExpired: isUnauthorized,
  });
}
