import { describe, expect, it } from "vitest";
import { TransitionError, ValidationError } from "../errors.js";
import {
  type ContractData,
  contractDigest,
  contractTextMatches,
  renderContract,
  signContract,
} from "./contract.js";
import { contractSchema } from "./contracts.js";
import { FIXTURE_START, hoursLater, ID4_ORDER, makeOrder, SALESPERSON } from "./fixtures.js";

const order = makeOrder();
const data: ContractData = {
  order,
  customer: { name: "张伟", idNumber: "110101199003071234", phone: "138 1234 5678" },
  dealer: { name: "北京华通大众 4S 店", creditCode: "91110105MA01ABCD2X" },
  vehicle: { brand: "Volkswagen", model: "Passat 380TSI", exteriorColour: "Pearl White" },
};
const at = hoursLater(2);
const customer = { party: "customer" as const, name: "张伟" };
const dealerSignatory = { party: "dealer" as const, name: "李经理", salespersonId: SALESPERSON };

const textTemplate = {
  id: "sale-2026",
  version: "3",
  kind: "text" as const,
  body: [
    "合同编号 {{order.number}}  日期 {{contract.date}}",
    "买方 {{ customer.name }}（{{customer.idNumber}}） 卖方 {{dealer.name}}",
    "车辆 {{vehicle.brand}} {{vehicle.model}} VIN {{vehicle.vin}} 颜色 {{vehicle.exteriorColour}}",
    "总价 {{order.total}}（{{order.totalInWords}}），含增值税 {{order.vat}}",
    "首付 {{order.downPayment}}，贷款 {{order.amountFinanced}}，{{financing.termMonths}} 期 {{financing.method}}，年利率 {{financing.annualRate}}，月供 {{financing.monthlyPayment}}",
    "交车日期 {{order.deliveryDate}}；购置税约 {{order.purchaseTax}}",
  ].join("\n"),
};

describe("renderContract", () => {
  it("fills every placeholder, formats money and dates, and hashes the text", async () => {
    const { text, contract, placeholders } = await renderContract(textTemplate, data, { at });
    expect(text).toBe(
      [
        "合同编号 BJ01-20261127-0001  日期 2026年11月27日",
        "买方 张伟（110101199003071234） 卖方 北京华通大众 4S 店",
        "车辆 Volkswagen Passat 380TSI VIN LSVAU2180N2183294 颜色 Pearl White",
        "总价 ¥177,300.00（壹拾柒万柒仟叁佰元整），含增值税 ¥25,401.77",
        "首付 ¥50,000.00，贷款 ¥127,300.00，36 期 等额本息，年利率 3.99%，月供 ¥3,757.84",
        "交车日期 2026年12月20日；购置税约 ¥19,460.18",
      ].join("\n"),
    );
    // Computed independently (Python's hashlib) over the expected text above.
    expect(contract.renderedSha256).toBe(
      "beffd33ece7460c106d3ef97c9a44a6a360e71f19caa477e483196506b6b938e",
    );
    expect(contract).toMatchObject({
      status: "generated",
      orderId: order.id,
      orderVersion: 1,
      templateId: "sale-2026",
      templateVersion: "3",
      signedBy: [],
      createdAt: at,
      version: 1,
    });
    expect(contractSchema.parse(contract)).toEqual(contract);
    expect(placeholders).toContain("customer.name");
    expect(new Set(placeholders).size).toBe(placeholders.length);
  });

  it("escapes values for HTML templates and never reads a value as a placeholder", async () => {
    const { text } = await renderContract(
      { id: "html", kind: "html", body: "<p>{{customer.name}} · {{dealer.name}}</p>" },
      {
        ...data,
        customer: { name: `<script>alert("x")</script> & O'Neil {{dealer.name}}` },
      },
      { at },
    );
    expect(text).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neil {{dealer.name}} · 北京华通大众 4S 店</p>",
    );
    const plain = await renderContract(
      { id: "text", kind: "text", body: "{{customer.name}}" },
      { ...data, customer: { name: "A & <B>" } },
      { at },
    );
    expect(plain.text).toBe("A & <B>");
  });

  it("removes control and bidirectional-override characters from values", async () => {
    const { text } = await renderContract(
      { id: "t", kind: "text", body: "[{{customer.name}}]" },
      { ...data, customer: { name: "张\u202E伟\u0007" } },
      { at },
    );
    expect(text).toBe("[张伟]");
  });

  it("lists every unknown placeholder and every one without a value", async () => {
    const body =
      "{{order.numbr}} {{customer.phone}} {{customer.address}} {{ foo }} {{order.numbr}} {{extra.clause}}";
    try {
      await renderContract({ id: "bad", kind: "text", body }, data, { at });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        "Invalid contract template bad: unknown placeholders {{order.numbr}}, {{foo}}, {{extra.clause}}; no value for {{customer.address}} on this order",
      );
      expect((error as ValidationError).issues.map((i) => i.code)).toEqual([
        "unknown_placeholder",
        "unknown_placeholder",
        "unknown_placeholder",
        "missing_value",
      ]);
    }
  });

  it("takes extra values, English formatting and a factory order's configuration", async () => {
    const factory = makeOrder(ID4_ORDER);
    const { text } = await renderContract(
      {
        id: "en",
        kind: "text",
        body: "{{vehicle.configurationCode}} {{vehicle.model}} {{order.total}} {{order.deliveryDate}} {{extra.warranty}}",
      },
      { ...data, order: factory, extra: { warranty: "3 years / 100,000 km" } },
      { at, locale: "en-US" },
    );
    expect(text).toBe("ID4-PRO-2026 ID.4 Pro CN¥207,900.00 2027-01-15 3 years / 100,000 km");
    await expect(
      renderContract(
        { id: "t", kind: "text", body: "{{financing.lender}}" },
        { ...data, order: factory },
        { at },
      ),
    ).rejects.toThrow("no value for {{financing.lender}} on this order");
  });

  it("refuses a bad template or data", async () => {
    await expect(
      renderContract({ id: "", kind: "pdf", body: "" } as never, data, { at }),
    ).rejects.toThrow(ValidationError);
    await expect(
      renderContract(textTemplate, { ...data, customer: { name: " " } }, { at }),
    ).rejects.toThrow(/customer.name/);
  });
});

describe("signContract", () => {
  it("records who signed and when, after checking the text", async () => {
    const { text, contract } = await renderContract(textTemplate, data, { at });
    const signedAt = hoursLater(3);
    const signed = await signContract(contract, {
      by: [customer, dealerSignatory],
      at: signedAt,
      text,
    });
    expect(signed).toMatchObject({
      status: "signed",
      signedBy: [customer, dealerSignatory],
      signedAt,
      updatedAt: signedAt,
      version: 2,
    });
    expect(signed.renderedSha256).toBe(contract.renderedSha256);
    const single = await signContract(contract, {
      by: customer,
      at: signedAt,
      text,
      documentRef: "esign-123",
    });
    expect(single).toMatchObject({ signedBy: [customer], documentRef: "esign-123" });
  });

  it("refuses changed text, a missing customer, an early date and a second signature", async () => {
    const { text, contract } = await renderContract(textTemplate, data, { at });
    const later = hoursLater(3);
    await expect(
      signContract(contract, {
        by: customer,
        at: later,
        text: text.replace("¥177,300.00", "¥1,773.00"),
      }),
    ).rejects.toThrow(
      "Invalid signature: text: differs from the rendered contract (its SHA-256 does not match)",
    );
    await expect(signContract(contract, { by: dealerSignatory, at: later, text })).rejects.toThrow(
      /must include the customer's signature/,
    );
    await expect(signContract(contract, { by: customer, at: FIXTURE_START, text })).rejects.toThrow(
      /is before the contract was rendered/,
    );
    const signed = await signContract(contract, { by: customer, at: later, text });
    await expect(signContract(signed, { by: customer, at: later, text })).rejects.toThrow(
      TransitionError,
    );
    await expect(
      signContract({ ...contract, status: "voided" }, { by: customer, at: later, text }),
    ).rejects.toThrow('Contract cannot move from "voided" to "signed"');
  });

  it("digests UTF-8 text to the published SHA-256 values", async () => {
    for (const [value, digest] of [
      ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
      ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
      ["合同", "06c891807ee3feec35e9eb7bad849ed186bd52f8ae6dfbd93886c001688afece"],
      ["a\u0000b", "59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138"],
      ["x".repeat(100_000), "d69e68988157833272305aaf21f453c800346e8a3640db6578e260215542e5d4"],
    ] as const) {
      expect(await contractDigest(value)).toBe(digest);
    }
    expect(await contractTextMatches({ renderedSha256: await contractDigest("x") }, "x")).toBe(
      true,
    );
    expect(await contractTextMatches({ renderedSha256: await contractDigest("x") }, "x ")).toBe(
      false,
    );
  });
});
