/** Query parameters whose values are personal data or secrets. */
const SENSITIVE_QUERY = /^(phone|email|wechat|key|token|api_key|apikey|secret)$/i;

/** A URL safe to log: the values of sensitive query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of [...params.keys()]) {
    if (SENSITIVE_QUERY.test(name)) params.set(name, "[redacted]");
  }
  return `${url.slice(0, q)}?${params.toString()}`;
}
