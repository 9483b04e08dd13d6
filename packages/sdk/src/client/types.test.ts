/** The client's public types: resource methods typed from the hub's OpenAPI document. */
import { describe, expectTypeOf, it } from "vitest";
import type {
  CallOptions,
  ClientOptions,
  createClient,
  ForecourtClient,
  Page,
  RequestBody,
  ResponseBody,
} from "./index.js";

type Store = ResponseBody<"/v1/stores/{id}", "GET">;
type StoreInput = RequestBody<"/v1/stores", "POST">;
type Stores = ForecourtClient["stores"];
type AuditEvents = ForecourtClient["auditEvents"];

/** Calls that must not compile; never run. */
function compileOnly(client: ForecourtClient, create: typeof createClient) {
  // @ts-expect-error: an unknown option is a compile error as well as a runtime one
  create({ baseUrl: "https://hub.example.com", apiKey: "fc_x", retries: 3 });
  // @ts-expect-error: code is required
  void client.stores.create({ name: "X", region: "110000" });
  // @ts-expect-error: listAll manages the cursor itself
  void client.auditEvents.listAll({ cursor: "x" });
  // @ts-expect-error: the audit log cannot be written
  void client.auditEvents.create;
  // @ts-expect-error: the hub has no DELETE on stores
  void client.request("DELETE", "/v1/stores/{id}", { params: { id: "sto_1" } });
  // @ts-expect-error: the id is required
  void client.request("GET", "/v1/stores/{id}");
  // @ts-expect-error: a POST to stores needs its body
  void client.request("POST", "/v1/stores", {});
  // @ts-expect-error: a GET takes no body
  void client.request("GET", "/v1/stores", { body: {} });
  // @ts-expect-error: the forecast needs its period
  void client.analytics.forecast();
  // @ts-expect-error: an action needs the object's id
  void client.leads.assign({});
  // @ts-expect-error: the VAT rate is vatRateBps, in basis points
  void client.orderRules.replace({ tax: { vatRate: 9 } });
  // @ts-expect-error: rounding is one of the SDK's modes
  void client.orderRules.replace({ tax: { rounding: "nearest" } });
}

describe("client types", () => {
  it("createClient returns a ForecourtClient", () => {
    expectTypeOf<typeof createClient>().returns.toEqualTypeOf<ForecourtClient>();
    expectTypeOf<ClientOptions>().toHaveProperty("maxRetries");
    expectTypeOf(compileOnly).toBeFunction();
  });

  it("stores.create takes the store input and returns the stored store", () => {
    expectTypeOf<Stores["create"]>().parameter(0).toEqualTypeOf<StoreInput>();
    expectTypeOf<Stores["create"]>().parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf<Stores["create"]>().returns.resolves.toEqualTypeOf<Store>();
    expectTypeOf<StoreInput>().toHaveProperty("region");
    expectTypeOf<Store["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Store["version"]>().toEqualTypeOf<number>();
  });

  it("list, listAll and get are typed by the route", () => {
    expectTypeOf<Stores["list"]>().returns.resolves.toEqualTypeOf<Page<Store>>();
    expectTypeOf<Stores["get"]>().parameter(0).toBeString();
    expectTypeOf<Stores["listAll"]>().returns.toEqualTypeOf<
      AsyncGenerator<Store, void, undefined>
    >();
    expectTypeOf<AuditEvents["list"]>()
      .parameter(0)
      .toEqualTypeOf<
        { limit?: number; cursor?: string; entityType?: string; entityId?: string } | undefined
      >();
  });

  it("leads.create answers with the new lead (201) or the lead an inquiry matched (200)", () => {
    type Created = ResponseBody<"/v1/leads", "POST">;
    expectTypeOf<ForecourtClient["leads"]["create"]>().returns.resolves.toEqualTypeOf<Created>();
    expectTypeOf<ForecourtClient["leads"]["create"]>()
      .parameter(0)
      .toEqualTypeOf<RequestBody<"/v1/leads", "POST">>();
    expectTypeOf<ForecourtClient["leads"]["touchpoints"]["listAll"]>().parameter(0).toBeString();
  });

  it("actions without a body take only the id; delete answers with nothing", () => {
    type Endpoints = ForecourtClient["webhookEndpoints"];
    expectTypeOf<Parameters<Endpoints["rotateSecret"]>>().toEqualTypeOf<
      [id: string, body?: undefined, options?: CallOptions]
    >();
    expectTypeOf<Endpoints["delete"]>().returns.resolves.toEqualTypeOf<undefined>();
  });

  it("orderRules answers every rule filled in, and takes only what the group sets", () => {
    type Rules = ResponseBody<"/v1/order-rules", "GET">;
    type RulesBody = RequestBody<"/v1/order-rules", "PUT">;
    expectTypeOf<ForecourtClient["orderRules"]["get"]>().returns.resolves.toEqualTypeOf<Rules>();
    expectTypeOf<ForecourtClient["orderRules"]["replace"]>()
      .parameter(0)
      .toEqualTypeOf<RulesBody>();
    expectTypeOf<Rules["tax"]["vatRateBps"]>().toEqualTypeOf<number>();
    expectTypeOf<Rules["approval"]["discount"][number]["approver"]>().toEqualTypeOf<string>();
    expectTypeOf<Rules["overrides"]["tax"]>().toEqualTypeOf<RulesBody["tax"]>();
    expectTypeOf<{ tax: { vatRateBps: 900 } }>().toExtend<RulesBody>();
    expectTypeOf<Rules["version"]>().toEqualTypeOf<number>();
  });

  it("request is typed by method and path template", () => {
    const getStore = (client: ForecourtClient) =>
      client.request("GET", "/v1/stores/{id}", { params: { id: "sto_1" } });
    const listEvents = (client: ForecourtClient) => client.request("GET", "/v1/audit-events");
    expectTypeOf(getStore).returns.resolves.toEqualTypeOf<Store>();
    expectTypeOf(listEvents).returns.resolves.toEqualTypeOf<
      ResponseBody<"/v1/audit-events", "GET">
    >();
  });
});
