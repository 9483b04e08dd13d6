import { type HttpHandler, HttpResponse, http } from "msw";
import { FaultQueue, type LostResponse, lostResponse } from "../mock-helpers.js";
import { KINGDEE_SESSION_LOST_MESSAGE } from "./client.js";
import type { KingdeeLoginResult, KingdeeQueryBody, KingdeeResultBody } from "./types.js";

export * from "../push-fixtures.js";

/**
 * A K3Cloud server in memory behind msw handlers for the WebAPI services the connector calls:
 * `ValidateUser` and `LoginByAppSecret` (a session cookie, `LoginResultType` 0 for bad
 * credentials), `ExecuteBillQuery`, `Save`, `Submit` and `Audit` of sales orders — answering as
 * K3Cloud does, with HTTP 200 and `ResponseStatus { IsSuccess, Errors[{ FieldName, Message }] }`,
 * and "会话信息已丢失，请重新登录" once sessions expire. Base data (customers, materials,
 * organisations, currencies) is checked on Save; failures can be queued and a response lost after
 * the bill was saved. Counts logins and bills created.
 */

export const KINGDEE_TEST_BASE_URL = "https://k3cloud.forecourt-dealer.test";
export const KINGDEE_TEST_ACCT_ID = "6480f1b2c3d4e5";
export const KINGDEE_TEST_USERNAME = "forecourt_api";
export const KINGDEE_TEST_PASSWORD = "Kd!pass-7e3b9c21";
export const KINGDEE_TEST_APP_ID = "301234_QfCN7+8k4Y";
export const KINGDEE_TEST_APP_SECRET = "3c5f9a7e2b1d4f60a8c7e6d5b4a39281";

export type KingdeeOperation = "login" | "query" | "save" | "submit" | "audit";
export type KingdeeFault =
  | { kind: "throttle"; retryAfterSeconds?: number }
  | { kind: "server"; status?: 500 | 502 | 503 }
  | { kind: "rejected"; errors: { FieldName: string | null; Message: string }[] }
  | { kind: "session_lost" }
  | { kind: "timeout" };

export interface KingdeeBill {
  FID: number;
  FBillNo: string;
  FDocumentStatus: "A" | "B" | "C" | "D" | "Z";
  model: Record<string, unknown>;
}

export interface KingdeeMockOptions {
  baseUrl?: string;
  /** Customers by number → name. */
  customers?: Record<string, string>;
  materials?: string[];
  saleOrgs?: string[];
  currencies?: string[];
}

type Entry = { FMaterialId?: { FNumber?: string } };

function result(
  isSuccess: boolean,
  errors: { FieldName: string | null; Message: string }[] = [],
  entities: { Id: number; Number: string }[] = [],
  msgCode = 0,
): KingdeeResultBody {
  return {
    Result: {
      ResponseStatus: {
        ...(!isSuccess && { ErrorCode: 500 }),
        IsSuccess: isSuccess,
        Errors: errors.map((error, DIndex) => ({ ...error, DIndex })),
        SuccessEntitys: entities.map((entity, DIndex) => ({ ...entity, DIndex })),
        SuccessMessages: [],
        MsgCode: msgCode,
      },
      ...(entities[0] && { Id: entities[0].Id, Number: entities[0].Number }),
    },
  };
}

const sessionLost = () =>
  result(false, [{ FieldName: null, Message: KINGDEE_SESSION_LOST_MESSAGE }], [], 1);

export function kingdeeMock(options: KingdeeMockOptions = {}) {
  const base = `${(options.baseUrl ?? KINGDEE_TEST_BASE_URL).replace(/\/+$/, "")}/k3cloud`;
  const customers = new Map(
    Object.entries(options.customers ?? { CUST0001: "散客", CUST0042: "王芳" }),
  );
  const materials = new Set(
    options.materials ?? ["CAR.PASSAT.380", "ACC.MAT", "SVC.PLATE", "MISC"],
  );
  const saleOrgs = new Set(options.saleOrgs ?? ["100"]);
  const currencies = new Set(options.currencies ?? ["PRE001"]);
  const faults = new FaultQueue<KingdeeFault>();
  const losses = new FaultQueue<LostResponse>();
  const sessions = new Set<string>();
  const bills = new Map<number, KingdeeBill>();
  let nextId = 100_001;
  const mock = {
    bills,
    sessions,
    logins: 0,
    created: 0,
    /** `Cookie` headers seen on business calls. */
    cookies: [] as string[],
    /** Every session ends (the server restarted or the sessions timed out). */
    expireSessions() {
      sessions.clear();
    },
    fail(fault: KingdeeFault, on: { on?: KingdeeOperation; times?: number } = {}) {
      faults.add(fault, on);
    },
    loseResponse(how: LostResponse = "timeout", on: { on?: "save" | "submit" | "audit" } = {}) {
      losses.add(how, on);
    },
    handlers: [] as HttpHandler[],
  };

  function login(parameters: unknown[], byAppSecret: boolean): Response {
    const [acctId, username, third, fourth] = parameters;
    const ok =
      acctId === KINGDEE_TEST_ACCT_ID &&
      username === KINGDEE_TEST_USERNAME &&
      (byAppSecret
        ? third === KINGDEE_TEST_APP_ID && fourth === KINGDEE_TEST_APP_SECRET
        : third === KINGDEE_TEST_PASSWORD);
    if (!ok) {
      return HttpResponse.json<KingdeeLoginResult>({
        Message: byAppSecret ? "第三方系统登录授权验证失败" : "用户名或密码错误！",
        MessageCode: "CheckPasswordPolicy",
        LoginResultType: 0,
        KDSVCSessionId: null,
        Context: null,
        IsSuccessByAPI: false,
      });
    }
    mock.logins += 1;
    const sessionId = crypto.randomUUID().replace(/-/g, "");
    sessions.add(sessionId);
    return HttpResponse.json<KingdeeLoginResult>(
      {
        Message: null,
        MessageCode: "CheckPasswordPolicy",
        LoginResultType: 1,
        KDSVCSessionId: sessionId,
        Context: { SessionId: sessionId, UserName: KINGDEE_TEST_USERNAME },
        IsSuccessByAPI: true,
      },
      {
        headers: [
          ["Set-Cookie", `kdservice-sessionid=${sessionId}; path=/`],
          ["Set-Cookie", `ASP.NET_SessionId=${sessionId.slice(0, 24)}; path=/; HttpOnly`],
        ],
      },
    );
  }

  function hasSession(request: Request): boolean {
    const cookie = request.headers.get("cookie") ?? "";
    mock.cookies.push(cookie);
    const id = /(?:^|;\s*)kdservice-sessionid=([^;]+)/.exec(cookie)?.[1];
    return id !== undefined && sessions.has(id);
  }

  function query(data: {
    FormId?: string;
    FieldKeys?: string;
    FilterString?: string;
  }): KingdeeQueryBody {
    const match = /^(F[\w.]*)\s*=\s*'((?:[^']|'')*)'$/.exec(data.FilterString ?? "");
    if (!match)
      return [
        [result(false, [{ FieldName: null, Message: `过滤条件语法错误: ${data.FilterString}` }])],
      ];
    const [, field, raw] = match;
    const value = raw!.replace(/''/g, "'");
    const keys = (data.FieldKeys ?? "").split(",").map((key) => key.trim());
    if (data.FormId === "BD_Customer") {
      return [...customers]
        .filter(([, name]) => field === "FName" && name === value)
        .map(([number]) => keys.map((key) => (key === "FNumber" ? number : null)));
    }
    return [...bills.values()]
      .filter((bill) => (field === "FBillNo" ? bill.FBillNo : bill.model[field!]) === value)
      .map((bill) =>
        keys.map((key) => {
          if (key === "FID") return bill.FID;
          if (key === "FBillNo") return bill.FBillNo;
          if (key === "FDocumentStatus") return bill.FDocumentStatus;
          if (key === "FCustId.FNumber")
            return (bill.model.FCustId as { FNumber?: string })?.FNumber ?? null;
          return (bill.model[key] as string | undefined) ?? null;
        }),
      );
  }

  function save(model: Record<string, unknown>): KingdeeResultBody {
    const errors: { FieldName: string | null; Message: string }[] = [];
    const number = (field: string) => (model[field] as { FNumber?: string } | undefined)?.FNumber;
    if (number("FBillTypeID") !== "XSDD01_SYS")
      errors.push({
        FieldName: "FBillTypeID",
        Message: `单据类型编码为 ${number("FBillTypeID")} 的数据不存在`,
      });
    if (!saleOrgs.has(number("FSaleOrgId") ?? ""))
      errors.push({ FieldName: "FSaleOrgId", Message: "字段“销售组织”是必填项" });
    if (!customers.has(number("FCustId") ?? ""))
      errors.push({
        FieldName: "FCustId",
        Message: `客户编码为 ${number("FCustId")} 的数据不存在`,
      });
    const finance = model.FSaleOrderFinance as { FSettleCurrId?: { FNumber?: string } } | undefined;
    if (!currencies.has(finance?.FSettleCurrId?.FNumber ?? ""))
      errors.push({ FieldName: "FSettleCurrId", Message: "字段“结算币别”是必填项" });
    const entries = (model.FSaleOrderEntry as Entry[] | undefined) ?? [];
    if (entries.length === 0)
      errors.push({ FieldName: "FSaleOrderEntry", Message: "订单明细不能为空" });
    entries.forEach((entry, index) => {
      if (!materials.has(entry.FMaterialId?.FNumber ?? ""))
        errors.push({
          FieldName: "FMaterialId",
          Message: `第${index + 1}行分录，物料编码 ${entry.FMaterialId?.FNumber} 不存在`,
        });
    });
    const billNo =
      typeof model.FBillNo === "string" ? model.FBillNo : `XSDD${String(nextId).padStart(8, "0")}`;
    if ([...bills.values()].some((bill) => bill.FBillNo === billNo))
      errors.push({ FieldName: "FBillNo", Message: `单据编号 ${billNo} 已经存在` });
    if (errors.length > 0) return result(false, errors);
    const bill: KingdeeBill = { FID: nextId++, FBillNo: billNo, FDocumentStatus: "A", model };
    bills.set(bill.FID, bill);
    mock.created += 1;
    return result(true, [], [{ Id: bill.FID, Number: bill.FBillNo }]);
  }

  function move(
    numbers: string[],
    from: KingdeeBill["FDocumentStatus"][],
    to: KingdeeBill["FDocumentStatus"],
    verb: string,
  ): KingdeeResultBody {
    const found = numbers.map((n) => [...bills.values()].find((bill) => bill.FBillNo === n));
    const bad = found.find((bill) => bill === undefined || !from.includes(bill.FDocumentStatus));
    if (bad !== undefined || found.length === 0) {
      return result(false, [
        {
          FieldName: null,
          Message: bad ? `单据 ${bad.FBillNo} 当前状态不允许${verb}` : `单据不存在，不允许${verb}`,
        },
      ]);
    }
    for (const bill of found) bill!.FDocumentStatus = to;
    return result(
      true,
      [],
      found.map((bill) => ({ Id: bill!.FID, Number: bill!.FBillNo })),
    );
  }

  async function injected(operation: KingdeeOperation): Promise<Response | undefined> {
    const next = faults.take(operation);
    if (next === undefined) return undefined;
    switch (next.kind) {
      case "throttle":
        return HttpResponse.text("Too Many Requests", {
          status: 429,
          headers: { "retry-after": String(next.retryAfterSeconds ?? 30) },
        });
      case "server":
        return HttpResponse.html(
          "<html><body><h1>Server Error in '/k3cloud' Application.</h1></body></html>",
          { status: next.status ?? 500 },
        );
      case "rejected": {
        const body = result(false, next.errors);
        return HttpResponse.json(operation === "query" ? [[body]] : body);
      }
      case "session_lost":
        return HttpResponse.json(operation === "query" ? [[sessionLost()]] : sessionLost());
      case "timeout":
        return lostResponse("timeout");
    }
  }

  const OPERATIONS: Record<string, KingdeeOperation> = {
    "AuthService.ValidateUser": "login",
    "AuthService.LoginByAppSecret": "login",
    "DynamicFormService.ExecuteBillQuery": "query",
    "DynamicFormService.Save": "save",
    "DynamicFormService.Submit": "submit",
    "DynamicFormService.Audit": "audit",
  };

  mock.handlers = [
    http.post<{ service: string }>(`${base}/:service`, async ({ request, params }) => {
      const service =
        /^Kingdee\.BOS\.WebApi\.ServicesStub\.(.+)\.common\.kdsvc$/.exec(params.service)?.[1] ?? "";
      const operation = OPERATIONS[service];
      if (operation === undefined) return HttpResponse.text("Not Found", { status: 404 });
      const failure = await injected(operation);
      if (failure) return failure;
      const body = (await request.json()) as {
        parameters?: unknown[];
        formid?: string;
        data?: {
          Model?: Record<string, unknown>;
          Numbers?: string[];
          FormId?: string;
          FieldKeys?: string;
          FilterString?: string;
        };
      };
      if (operation === "login")
        return login(body.parameters ?? [], service.endsWith("LoginByAppSecret"));
      if (!hasSession(request))
        return HttpResponse.json(operation === "query" ? [[sessionLost()]] : sessionLost());
      if (operation === "query") return HttpResponse.json<KingdeeQueryBody>(query(body.data ?? {}));
      const answer =
        operation === "save"
          ? save(body.data?.Model ?? {})
          : operation === "submit"
            ? move(body.data?.Numbers ?? [], ["A", "D"], "B", "提交")
            : move(body.data?.Numbers ?? [], ["B"], "C", "审核");
      const lost = answer.Result.ResponseStatus.IsSuccess ? losses.take(operation) : undefined;
      if (lost) return lostResponse(lost);
      return HttpResponse.json<KingdeeResultBody>(answer);
    }),
  ];
  return mock;
}

export type KingdeeMock = ReturnType<typeof kingdeeMock>;
