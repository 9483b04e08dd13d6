import type { ConnectorContext } from "../define.js";
import {
  AuthConnectorError,
  ConnectorError,
  PermanentConnectorError,
  RetryableConnectorError,
} from "../errors.js";
import { request } from "../http.js";
import { parseJsonExact } from "../json.js";
import { createRedactor, type Redactor } from "../secrets.js";
import { renewableSession } from "../session.js";
import type { KingdeeConfig } from "./config.js";
import {
  type KingdeeResponseStatus,
  kingdeeLoginSchema,
  kingdeeResponseStatusSchema,
  kingdeeResultSchema,
} from "./types.js";

const VENDOR = "Kingdee K3Cloud";

/** What K3Cloud answers when the session has expired (MsgCode 1 says the same). */
export const KINGDEE_SESSION_LOST_MESSAGE = "会话信息已丢失，请重新登录";
const SESSION_LOST = /会话信息已丢失|会话已失效|session (?:is )?(?:lost|expired)/i;
const MSG_CODE_SESSION_LOST = 1;

/** The cookies a login set, as one `Cookie` header value. */
export interface KingdeeSession {
  cookie: string;
}

function serviceUrl(ctx: ConnectorContext<KingdeeConfig>, service: string): string {
  return `${ctx.baseUrl}/k3cloud/Kingdee.BOS.WebApi.ServicesStub.${service}.common.kdsvc`;
}

/** `name=value` of every `Set-Cookie` (where the runtime lets us read them). */
function cookiesOf(headers: Headers): string[] {
  const getSetCookie = (headers as Headers & { getSetCookie?: () => string[] }).getSetCookie;
  const all =
    typeof getSetCookie === "function"
      ? getSetCookie.call(headers)
      : (headers.get("set-cookie") ?? "").split(/,(?=\s*[^;,=\s]+=)/);
  return all.map((cookie) => cookie.split(";", 1)[0]!.trim()).filter((pair) => pair.includes("="));
}

function secretsOf(config: KingdeeConfig): string[] {
  return config.login.method === "password" ? [config.login.password] : [config.login.appSecret];
}

function readJson(text: string, what: string): unknown {
  try {
    return parseJsonExact(text);
  } catch {
    throw new RetryableConnectorError(`${VENDOR} ${what} answered with a body that is not JSON`, {
      code: "vendor_invalid_response",
    });
  }
}

/**
 * Logs in with `ValidateUser` (password) or `LoginByAppSecret`, lcid 2052 unless configured, and
 * keeps the cookies the answer set — with `kdservice-sessionid` from `KDSVCSessionId` when the
 * runtime hides `Set-Cookie`. A refused login is an `AuthConnectorError`.
 */
export async function kingdeeLogin(
  ctx: ConnectorContext<KingdeeConfig>,
  redact: Redactor = createRedactor(secretsOf(ctx.config)),
): Promise<KingdeeSession> {
  const { config } = ctx;
  const [service, parameters] =
    config.login.method === "password"
      ? [
          "AuthService.ValidateUser",
          [config.acctId, config.username, config.login.password, config.lcid],
        ]
      : [
          "AuthService.LoginByAppSecret",
          [config.acctId, config.username, config.login.appId, config.login.appSecret, config.lcid],
        ];
  const answer = await request(ctx, {
    method: "POST",
    url: serviceUrl(ctx, service),
    json: { parameters },
    timeoutMs: config.timeoutMs,
    vendor: VENDOR,
    secrets: secretsOf(config),
  });
  const parsed = kingdeeLoginSchema.safeParse(readJson(answer.text, "login"));
  if (!parsed.success) {
    throw new PermanentConnectorError(`${VENDOR} login answered an unexpected shape`, {
      code: "kingdee_unexpected_response",
    });
  }
  const login = parsed.data;
  const sessionId = login.KDSVCSessionId ?? login.Context?.SessionId ?? undefined;
  if (login.LoginResultType === 0 || !sessionId) {
    throw new AuthConnectorError(
      redact(
        `${VENDOR} refused the login: ${login.Message ?? `LoginResultType ${login.LoginResultType}`}`,
      ),
      { code: "kingdee_login_failed", raw: redact(login) },
    );
  }
  const cookies = cookiesOf(answer.headers);
  if (!cookies.some((cookie) => cookie.toLowerCase().startsWith("kdservice-sessionid="))) {
    cookies.push(`kdservice-sessionid=${sessionId}`);
  }
  return { cookie: cookies.join("; ") };
}

/** The `ResponseStatus` of a business answer, or of a query that failed (rows wrapping a result). */
function responseStatusOf(body: unknown): KingdeeResponseStatus | undefined {
  const direct = kingdeeResultSchema.safeParse(body);
  if (direct.success) return direct.data.Result.ResponseStatus;
  if (Array.isArray(body) && Array.isArray(body[0])) {
    const wrapped = kingdeeResultSchema.safeParse(body[0][0]);
    if (wrapped.success) return wrapped.data.Result.ResponseStatus;
  }
  const bare = kingdeeResponseStatusSchema.safeParse(
    (body as { ResponseStatus?: unknown })?.ResponseStatus,
  );
  return bare.success ? bare.data : undefined;
}

/**
 * Throws for an unsuccessful `ResponseStatus`: a lost session as a retryable
 * `kingdee_session_lost` (the session logs in again and replays once), anything else as a
 * `PermanentConnectorError` with each error's field and message.
 */
export function checkKingdeeStatus(
  status: KingdeeResponseStatus,
  what: string,
  redact: Redactor = createRedactor(),
): void {
  if (status.IsSuccess) return;
  const messages = status.Errors.map((error) => error.Message ?? "").filter(Boolean);
  if (status.MsgCode === MSG_CODE_SESSION_LOST || messages.some((m) => SESSION_LOST.test(m))) {
    throw new RetryableConnectorError(`${VENDOR} ${what}: ${KINGDEE_SESSION_LOST_MESSAGE}`, {
      code: "kingdee_session_lost",
    });
  }
  const shown = status.Errors.slice(0, 5)
    .map((error) =>
      error.FieldName ? `${error.FieldName}: ${error.Message ?? ""}` : (error.Message ?? ""),
    )
    .join("; ");
  throw new PermanentConnectorError(
    redact(`${VENDOR} ${what} failed: ${shown || `error code ${status.ErrorCode ?? "?"}`}`),
    { code: "kingdee_rejected", raw: redact(status) },
  );
}

export interface KingdeeApi {
  /** `ExecuteBillQuery`: the rows of `fieldKeys` matching `filter`. */
  query(
    formId: string,
    fieldKeys: readonly string[],
    filter: string,
    limit?: number,
  ): Promise<unknown[][]>;
  save(
    formId: string,
    model: Record<string, unknown>,
  ): Promise<{ id: string; number: string | undefined }>;
  submit(formId: string, numbers: readonly string[]): Promise<void>;
  audit(formId: string, numbers: readonly string[]): Promise<void>;
}

/** The calls of one push on one session: logged in lazily, again once when K3Cloud lost it. */
export function kingdeeApi(
  ctx: ConnectorContext<KingdeeConfig>,
  scrub: readonly (string | undefined)[] = [],
): KingdeeApi {
  const secrets = [...secretsOf(ctx.config), ...scrub];
  const redact = createRedactor(secrets);
  const session = renewableSession<KingdeeSession>({
    open: () => kingdeeLogin(ctx, redact),
    isExpired: (error) => error instanceof ConnectorError && error.code === "kingdee_session_lost",
  });

  async function call(service: string, what: string, body: unknown): Promise<unknown> {
    return session.run(async (current) => {
      const answer = await request(ctx, {
        method: "POST",
        url: serviceUrl(ctx, service),
        headers: { cookie: current.cookie },
        json: body,
        timeoutMs: ctx.config.timeoutMs,
        vendor: VENDOR,
        secrets,
      });
      const json = readJson(answer.text, what);
      const status = responseStatusOf(json);
      if (status !== undefined) checkKingdeeStatus(status, what, redact);
      return json;
    });
  }

  async function operation(service: string, formId: string, numbers: readonly string[]) {
    await call(`DynamicFormService.${service}`, `${service} ${formId}`, {
      formid: formId,
      data: { Numbers: numbers },
    });
  }

  return {
    async query(formId, fieldKeys, filter, limit = 2) {
      const rows = await call("DynamicFormService.ExecuteBillQuery", `query ${formId}`, {
        data: {
          FormId: formId,
          FieldKeys: fieldKeys.join(","),
          FilterString: filter,
          OrderString: "",
          TopRowCount: 0,
          StartRow: 0,
          Limit: limit,
        },
      });
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
        throw new PermanentConnectorError(
          `${VENDOR} query ${formId} answered an unexpected shape`,
          {
            code: "kingdee_unexpected_response",
          },
        );
      }
      return rows as unknown[][];
    },
    async save(formId, model) {
      const body = await call("DynamicFormService.Save", `Save ${formId}`, {
        formid: formId,
        data: {
          NeedUpDateFields: [],
          NeedReturnFields: ["FID", "FBillNo"],
          IsDeleteEntry: "true",
          IsVerifyBaseDataField: "true",
          Model: model,
        },
      });
      const entity = responseStatusOf(body)?.SuccessEntitys[0];
      if (entity === undefined) {
        throw new PermanentConnectorError(
          `${VENDOR} Save ${formId} reported success without the bill`,
          {
            code: "kingdee_unexpected_response",
          },
        );
      }
      return { id: entity.Id, number: entity.Number ?? undefined };
    },
    submit: (formId, numbers) => operation("Submit", formId, numbers),
    audit: (formId, numbers) => operation("Audit", formId, numbers),
  };
}
