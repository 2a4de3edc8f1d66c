import fc from "fast-check";
import { expect, test } from "vitest";
import { json } from "../../src/sources/logs/json.js";
import { numRuns, timeout } from "../helpers/fc.js";
import { json as reference } from "../helpers/json-line-reference.js";

// The JSON-line reader gathers a line's fields in one pass over the keys it has; the reference probed
// every key it might have in every place. They must read every line alike: the same request, the same
// bad line with the same message (which conflict is reported first included).

const KEYS = [
  ...["method", "request_method", "requestMethod", "httpMethod", "verb", "RequestMethod"],
  ...["url", "request_uri", "requestUrl", "request_url", "requestUri", "uri", "path", "RequestPath"],
  ...["host", "http_host", "server_name", "authority", ":authority", "RequestHost", "hostname"],
  ...["status", "statusCode", "status_code", "response_code", "httpStatus", "DownstreamStatus", "scheme"],
  ...["Host", "HOST", "level", "msg", "__proto__", "constructor"],
];
const PLACES = ["request", "req", "http", "httpRequest", "properties", "response", "res", "headers"];
const value = fc.oneof(
  fc.constantFrom("GET", "get", "PUT", "", "-", "/a", "/b", "https://x.example/a", "http://x.example/a"),
  fc.constantFrom("x.example", "X.EXAMPLE:8080", "y.example.", "https", "HTTP", "ftp", "200", "403", "4030"),
  fc.constantFrom("GET /a HTTP/1.1", "PUT https://x.example/a HTTP/2", "-", "GET", "/a?x=1"),
  fc.constantFrom(200, 401, 99, 600, 200.5, null, true, [], {}),
);
const flat = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 });
const line = fc
  .tuple(
    flat,
    fc.dictionary(
      fc.constantFrom(...PLACES),
      fc.oneof(
        flat,
        value,
        flat.map((h) => ({ headers: h })),
      ),
      { maxKeys: 4 },
    ),
  )
  .map(([top, nests]) => JSON.stringify({ ...top, ...nests }));

test(
  "reads every JSON line as the probing reference did",
  () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(json(text)).toEqual(reference(text));
      }),
      { numRuns: numRuns * 10 },
    );
  },
  timeout,
);
