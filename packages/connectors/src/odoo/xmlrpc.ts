/**
 * A small XML-RPC codec for Odoo's `/xmlrpc/2` endpoints: `methodCall` out, `methodResponse`
 * (params or fault) in, with the types Odoo uses — struct, array, int (`int`/`i4`/`i8`),
 * string, boolean, double, nil — and `dateTime.iso8601` and `base64` read as strings. No DOM:
 * it runs wherever the connectors run.
 */

export type XmlRpcValue =
  | string
  | number
  | boolean
  | null
  | XmlRpcValue[]
  | { [member: string]: XmlRpcValue };

/** A `<fault>`: Odoo's code (1 application error, 2 user/validation error, 3 access denied, 4 access error) and message. */
export class XmlRpcFault extends Error {
  override readonly name = "XmlRpcFault";
  constructor(
    readonly faultCode: number | string,
    readonly faultString: string,
  ) {
    super(`XML-RPC fault ${faultCode}: ${faultString.slice(0, 300)}`);
  }
}

/** The body could not be read as a `methodResponse`. */
export class XmlRpcParseError extends Error {
  override readonly name = "XmlRpcParseError";
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function encodeXmlRpcValue(value: XmlRpcValue | undefined): string {
  if (value === null || value === undefined) return "<value><nil/></value>";
  if (typeof value === "string") return `<value><string>${escapeXml(value)}</string></value>`;
  if (typeof value === "boolean") return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("XML-RPC cannot carry NaN or Infinity");
    if (!Number.isInteger(value)) return `<value><double>${value}</double></value>`;
    return value >= INT32_MIN && value <= INT32_MAX
      ? `<value><int>${value}</int></value>`
      : `<value><i8>${value}</i8></value>`;
  }
  if (Array.isArray(value)) {
    return `<value><array><data>${value.map(encodeXmlRpcValue).join("")}</data></array></value>`;
  }
  const members = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .map(
      ([name, member]) =>
        `<member><name>${escapeXml(name)}</name>${encodeXmlRpcValue(member)}</member>`,
    )
    .join("");
  return `<value><struct>${members}</struct></value>`;
}

/** A `methodCall` document. */
export function encodeXmlRpcCall(method: string, params: readonly XmlRpcValue[]): string {
  const encoded = params.map((param) => `<param>${encodeXmlRpcValue(param)}</param>`).join("");
  return `<?xml version="1.0"?>\n<methodCall><methodName>${escapeXml(method)}</methodName><params>${encoded}</params></methodCall>`;
}

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "amp") return "&";
    if (lower === "quot") return '"';
    if (lower === "apos") return "'";
    const code = lower.startsWith("#x")
      ? Number.parseInt(lower.slice(2), 16)
      : Number(lower.slice(1));
    return String.fromCodePoint(code);
  });
}

/** Parses the subset of XML that XML-RPC uses: elements, text, entities, CDATA; no attributes kept. */
function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: "#root", children: [], text: "" };
  const stack: XmlNode[] = [root];
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g;
  let last = 0;
  for (let match = tag.exec(xml); match !== null; match = tag.exec(xml)) {
    const top = stack[stack.length - 1]!;
    top.text += decodeEntities(xml.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, name, selfClosing, cdata] = match;
    if (cdata !== undefined) {
      top.text += cdata;
    } else if (name === undefined) {
      // A comment, the declaration or a doctype: nothing to keep.
    } else if (closing) {
      if (top.name !== name || stack.length === 1) {
        throw new XmlRpcParseError(`unexpected </${name}>`);
      }
      stack.pop();
    } else {
      const node: XmlNode = { name, children: [], text: "" };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length !== 1)
    throw new XmlRpcParseError(`<${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (found === undefined) throw new XmlRpcParseError(`<${node.name}> has no <${name}>`);
  return found;
}

function decodeValue(value: XmlNode): XmlRpcValue {
  const typed = value.children[0];
  if (typed === undefined) return value.text; // no type element: a string
  const text = typed.text;
  switch (typed.name) {
    case "string":
    case "dateTime.iso8601":
    case "base64":
      return text;
    case "int":
    case "i4":
    case "i8": {
      const trimmed = text.trim();
      if (!/^[+-]?\d+$/.test(trimmed))
        throw new XmlRpcParseError(`<${typed.name}>${trimmed}</${typed.name}> is not an integer`);
      const number = Number(trimmed);
      // Ids beyond 2^53 stay exact as text.
      return Number.isSafeInteger(number) ? number : trimmed.replace(/^\+/, "");
    }
    case "boolean":
      return text.trim() === "1";
    case "double": {
      const number = Number(text.trim());
      if (!Number.isFinite(number))
        throw new XmlRpcParseError(`<double>${text}</double> is not a number`);
      return number;
    }
    case "nil":
      return null;
    case "array":
      return child(typed, "data")
        .children.filter((c) => c.name === "value")
        .map(decodeValue);
    case "struct": {
      const out: { [member: string]: XmlRpcValue } = {};
      for (const member of typed.children.filter((c) => c.name === "member")) {
        out[child(member, "name").text] = decodeValue(child(member, "value"));
      }
      return out;
    }
    default:
      throw new XmlRpcParseError(`unknown XML-RPC type <${typed.name}>`);
  }
}

/** The value of a `methodResponse`; throws `XmlRpcFault` for a fault, `XmlRpcParseError` for anything else. */
export function decodeXmlRpcResponse(xml: string): XmlRpcValue {
  const response = child(parseXml(xml), "methodResponse");
  const fault = response.children.find((c) => c.name === "fault");
  if (fault !== undefined) {
    const body = decodeValue(child(fault, "value"));
    const struct = (
      typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}
    ) as Record<string, XmlRpcValue>;
    const code = struct.faultCode;
    throw new XmlRpcFault(
      typeof code === "number" || typeof code === "string" ? code : "?",
      typeof struct.faultString === "string" ? struct.faultString : "",
    );
  }
  const param = child(child(response, "params"), "param");
  return decodeValue(child(param, "value"));
}

/** Reads a `methodCall` (for mocks): its method name and parameters. */
export function decodeXmlRpcCall(xml: string): { method: string; params: XmlRpcValue[] } {
  const call = child(parseXml(xml), "methodCall");
  const method = child(call, "methodName").text.trim();
  const params = call.children.find((c) => c.name === "params");
  return {
    method,
    params: (params?.children ?? [])
      .filter((c) => c.name === "param")
      .map((p) => decodeValue(child(p, "value"))),
  };
}

/** A `methodResponse` with one value (for mocks). */
export function encodeXmlRpcResponse(value: XmlRpcValue): string {
  return `<?xml version="1.0"?>\n<methodResponse><params><param>${encodeXmlRpcValue(value)}</param></params></methodResponse>`;
}

/** A `methodResponse` with a fault (for mocks). */
export function encodeXmlRpcFault(code: number, message: string): string {
  return `<?xml version="1.0"?>\n<methodResponse><fault>${encodeXmlRpcValue({ faultCode: code, faultString: message })}</fault></methodResponse>`;
}
