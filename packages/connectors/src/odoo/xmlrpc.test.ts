import { describe, expect, it } from "vitest";
import {
  decodeXmlRpcCall,
  decodeXmlRpcResponse,
  encodeXmlRpcCall,
  encodeXmlRpcFault,
  encodeXmlRpcResponse,
  encodeXmlRpcValue,
  XmlRpcFault,
  XmlRpcParseError,
} from "./xmlrpc.js";

describe("XML-RPC encoding", () => {
  it("writes each type as XML-RPC spells it", () => {
    expect(encodeXmlRpcValue("a<b & c>")).toBe(
      "<value><string>a&lt;b &amp; c&gt;</string></value>",
    );
    expect(encodeXmlRpcValue(42)).toBe("<value><int>42</int></value>");
    expect(encodeXmlRpcValue(-2_147_483_648)).toBe("<value><int>-2147483648</int></value>");
    expect(encodeXmlRpcValue(2_147_483_648)).toBe("<value><i8>2147483648</i8></value>");
    expect(encodeXmlRpcValue(229_900.5)).toBe("<value><double>229900.5</double></value>");
    expect(encodeXmlRpcValue(true)).toBe("<value><boolean>1</boolean></value>");
    expect(encodeXmlRpcValue(null)).toBe("<value><nil/></value>");
    expect(encodeXmlRpcValue([1, "x"])).toBe(
      "<value><array><data><value><int>1</int></value><value><string>x</string></value></data></array></value>",
    );
    expect(encodeXmlRpcValue({ a: 1, "b&": false })).toBe(
      "<value><struct><member><name>a</name><value><int>1</int></value></member><member><name>b&amp;</name><value><boolean>0</boolean></value></member></struct></value>",
    );
    expect(() => encodeXmlRpcValue(Number.NaN)).toThrow(TypeError);
  });

  it("writes a methodCall Odoo's execute_kw reads back", () => {
    const xml = encodeXmlRpcCall("execute_kw", [
      "dealer",
      2,
      "key",
      "sale.order",
      "search_read",
      [[["client_order_ref", "=", "BJ01-20261127-0001"]]],
      { fields: ["id", "name"], limit: 1 },
    ]);
    expect(
      xml.startsWith('<?xml version="1.0"?>\n<methodCall><methodName>execute_kw</methodName>'),
    ).toBe(true);
    expect(decodeXmlRpcCall(xml)).toEqual({
      method: "execute_kw",
      params: [
        "dealer",
        2,
        "key",
        "sale.order",
        "search_read",
        [[["client_order_ref", "=", "BJ01-20261127-0001"]]],
        { fields: ["id", "name"], limit: 1 },
      ],
    });
  });
});

describe("XML-RPC decoding", () => {
  it("reads a methodResponse as Python's xmlrpc.client writes it", () => {
    const xml = `<?xml version='1.0'?>
<methodResponse>
<params>
<param>
<value><array><data>
<value><struct>
<member>
<name>id</name>
<value><int>42</int></value>
</member>
<member>
<name>name</name>
<value><string>S00042 &#x2014; 王芳 &amp; Co</string></value>
</member>
<member>
<name>partner_id</name>
<value><array><data>
<value><int>7</int></value>
<value><string>王芳</string></value>
</data></array></value>
</member>
<member>
<name>amount_total</name>
<value><double>177300.0</double></value>
</member>
<member>
<name>note</name>
<value><boolean>0</boolean></value>
</member>
<member>
<name>plain</name>
<value>untyped text</value>
</member>
<member>
<name>nothing</name>
<value><nil/></value>
</member>
<member>
<name>big</name>
<value><i8>9007199254740993</i8></value>
</member>
</struct></value>
</data></array></value>
</param>
</params>
</methodResponse>`;
    expect(decodeXmlRpcResponse(xml)).toEqual([
      {
        id: 42,
        name: "S00042 — 王芳 & Co",
        partner_id: [7, "王芳"],
        amount_total: 177_300,
        note: false,
        plain: "untyped text",
        nothing: null,
        big: "9007199254740993",
      },
    ]);
  });

  it("turns a fault into XmlRpcFault with Odoo's code and message", () => {
    const xml = encodeXmlRpcFault(2, "The operation cannot be completed: 客户 is required");
    expect(() => decodeXmlRpcResponse(xml)).toThrow(XmlRpcFault);
    try {
      decodeXmlRpcResponse(xml);
    } catch (error) {
      expect(error).toMatchObject({
        faultCode: 2,
        faultString: "The operation cannot be completed: 客户 is required",
      });
    }
  });

  it("round-trips what it writes, CDATA and comments included", () => {
    const value = { ids: [1, 2], ok: true, price: 450.25, text: "<x>", none: null };
    expect(decodeXmlRpcResponse(encodeXmlRpcResponse(value))).toEqual(value);
    expect(
      decodeXmlRpcResponse(
        "<methodResponse><!-- c --><params><param><value><string><![CDATA[a<b]]></string></value></param></params></methodResponse>",
      ),
    ).toBe("a<b");
  });

  it("refuses what is not a methodResponse", () => {
    expect(() => decodeXmlRpcResponse("<html><body>502</body></html>")).toThrow(XmlRpcParseError);
    expect(() => decodeXmlRpcResponse("<methodResponse><params>")).toThrow(XmlRpcParseError);
    expect(() =>
      decodeXmlRpcResponse(
        "<methodResponse><params><param><value><int>x</int></value></param></params></methodResponse>",
      ),
    ).toThrow(XmlRpcParseError);
  });
});
