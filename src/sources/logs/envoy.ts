import { readRequestLine } from "./request-line.js";
import { statusOf, type LineParser } from "./parsed.js";

// Envoy's default format string (configuration/observability/access_log/usage, "Default format string"):
//   [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE%
//   %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%
//   "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"
// Istio's default text format (meshConfig.accessLogFormat unset) adds %RESPONSE_CODE_DETAILS%,
// %CONNECTION_TERMINATION_DETAILS% and "%UPSTREAM_TRANSPORT_FAILURE_REASON%" after the flags, and six
// unquoted fields after "%UPSTREAM_HOST%" (cluster, addresses, SNI, route; five before Istio 1.8).
// Envoy does not escape quotes inside fields, so the authority is read from the end of the line,
// past the client's own text (user agent, forwarded-for); an unreadable tail leaves the host unknown.
const HEAD = /^\[[^\]]*\] "([^"\\]*(?:\\.[^"\\]*)*)" (\d+|-) /;
const TAIL = / "([^"]*)" "[^"]*"(?:(?: \S+){5,6})?$/;

/** Envoy's and Istio's default access log lines. */
export const envoy: LineParser = (text) => {
  const m = HEAD.exec(text);
  if (m === null) return null;
  const authority = TAIL.exec(text)?.[1];
  const host = authority === undefined || authority === "-" || authority === "" ? undefined : authority;
  return readRequestLine(m[1] as string, statusOf(m[2]), host);
};
