import { readRequestLine } from "./request-line.js";
import { request, statusOf, type LineParser, type ParsedLine } from "./parsed.js";
import { HEADER_HOST_KEYS, hostName, NESTS, ROLE_KEYS, sameHost, sameTarget, STATUS_NESTS } from "./json-fields.js";
import { repeatedField } from "./json-repeats.js";

type Fields = Record<string, unknown>;

// Each role's index in ROLE_KEYS.
const METHOD = 0;
const URL = 1;
const HOST = 2;
const STATUS = 3;
const SCHEME = 4;
const ROLES = new Map(ROLE_KEYS.flatMap((keys, role) => keys.map((key, rank) => [key, { role, rank }] as const)));
const HEADER_RANK = new Map(HEADER_HOST_KEYS.map((key, rank) => [key, rank]));

const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);

/** Two places of one line naming different requests: reading either one would hide the other. */
class Conflict {
  constructor(readonly message: string) {}
}

/**
 * One line's fields, gathered in one pass over the keys it has (never by probing every key it might
 * have): per place (top level, then each of STATUS_NESTS) and role, the value of the most preferred key.
 */
interface Gathered {
  /** `[place * 5 + role]`: the value and the rank of its key. */
  readonly values: unknown[];
  readonly ranks: number[];
  /** The Host headers per place (top level and NESTS), by HEADER_HOST_KEYS rank. */
  readonly headers: (string | undefined)[][];
}

const gather = (o: Fields): Gathered => {
  const g: Gathered = { values: [], ranks: [], headers: [] };
  for (let place = 0; place <= STATUS_NESTS.length; place++) {
    const scope = place === 0 ? o : o[STATUS_NESTS[place - 1]!];
    if (!isObject(scope)) continue;
    for (const key in scope) {
      const r = ROLES.get(key);
      if (r === undefined) {
        if (key === "headers" && place <= NESTS.length && isObject(scope[key])) gatherHeaders(g, place, scope[key]);
        continue;
      }
      // Under `response` and `res`, only a status is read.
      if (place > NESTS.length && r.role !== STATUS) continue;
      const value = scope[key];
      if (r.role === STATUS ? statusOf(value) === undefined : typeof value !== "string" || value === "") continue;
      const slot = place * 5 + r.role;
      if (!(g.ranks[slot]! <= r.rank)) {
        g.ranks[slot] = r.rank;
        g.values[slot] = value;
      }
    }
  }
  return g;
};

const gatherHeaders = (g: Gathered, place: number, headers: Fields): void => {
  for (const key in headers) {
    const rank = HEADER_RANK.get(key);
    const host = headers[key];
    if (rank !== undefined && typeof host === "string" && host !== "") (g.headers[place] ??= [])[rank] = host;
  }
};

/**
 * The value of the most preferred key of `role` at the top level or in one of NESTS (in that order).
 * Several places naming different values (a top-level `url` and an `httpRequest.requestUrl`, say) are a
 * {@link Conflict}: the line is read as neither.
 */
const pick = (
  g: Gathered,
  role: number,
  same: (a: string, b: string) => boolean = (a, b) => a === b,
): string | undefined => {
  let found: { value: string; where: string } | undefined;
  for (let place = 0; place <= NESTS.length; place++) {
    const value = g.values[place * 5 + role] as string | undefined;
    if (value === undefined) continue;
    const key = ROLE_KEYS[role]![g.ranks[place * 5 + role]!]!;
    const where = place === 0 ? key : `${NESTS[place - 1]}.${key}`;
    if (found === undefined) found = { value, where };
    else if (!same(found.value, value))
      throw new Conflict(`fields ${found.where} and ${where} name different requests`);
  }
  return found?.value;
};

/** The Host header, from every place's headers (all must name one host; the last read is kept). */
const headerHost = (g: Gathered): string | undefined => {
  let found: string | undefined;
  for (const hosts of g.headers) {
    if (hosts === undefined) continue;
    for (const host of hosts) {
      if (host === undefined) continue;
      if (found !== undefined && hostName(found) !== hostName(host))
        throw new Conflict("the request's headers name different hosts");
      found = host;
    }
  }
  return found;
};

/** The status of the first place that has one, by key preference within it. */
const jsonStatus = (g: Gathered): number | undefined => {
  for (let place = 0; place <= STATUS_NESTS.length; place++) {
    const value = g.values[place * 5 + STATUS];
    if (value !== undefined) return statusOf(value);
  }
  return undefined;
};

/**
 * A JSON object: a method and a URL or path (top level or under `request`, `req`, `http`,
 * `httpRequest`), a host if the path needs one; or nginx `escape=json` lines whose `request` is the
 * request line (`"GET /path HTTP/1.1"`), preferred when present since it is what the client sent.
 */
export const fromJson = (o: Fields): ParsedLine => {
  const g = gather(o);
  const line = typeof o["request"] === "string" ? (o["request"] as string) : undefined;
  const field = pick(g, HOST, sameHost);
  const header = headerHost(g);
  if (field !== undefined && header !== undefined && hostName(field) !== hostName(header))
    throw new Conflict("the host field and the Host header name different hosts");
  const host = field ?? header;
  const status = jsonStatus(g);
  const scheme = pick(g, SCHEME, (a, b) => a.toLowerCase() === b.toLowerCase())?.toLowerCase();
  const web = scheme === "http" || scheme === "https" ? scheme : undefined;
  let parsed: ParsedLine | undefined;
  if (line !== undefined && !line.startsWith("/")) parsed = readRequestLine(line, status);
  if (parsed === undefined || parsed.kind === "bad") {
    const method = pick(g, METHOD, (a, b) => a.toUpperCase() === b.toUpperCase());
    // `"request": "$request_uri"` (a path, not a line) is the URL when no URL field is logged.
    const target = pick(g, URL, sameTarget) ?? (line !== undefined && line.startsWith("/") ? line : undefined);
    if (method === undefined || target === undefined) {
      if (parsed !== undefined) return parsed;
      return { kind: "bad", message: `JSON line without ${method === undefined ? "a method" : "a url or path"} field` };
    }
    return request(method, target, status, host, web);
  }
  if (parsed.kind !== "request") return parsed;
  if (host === undefined && scheme === undefined) return parsed;
  return request(parsed.method, parsed.target, status, host, web);
};

/** JSON lines (one object a line). */
export const json: LineParser = (text) => {
  if (text.charCodeAt(0) !== 123) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "bad", message: `not JSON: ${(error as Error).message}` };
  }
  if (!isObject(value)) return { kind: "bad", message: "JSON line is not an object" };
  const repeated = repeatedField(text, value);
  if (repeated !== undefined) return { kind: "bad", message: repeated };
  try {
    return fromJson(value);
  } catch (error) {
    if (error instanceof Conflict) return { kind: "bad", message: error.message };
    throw error;
  }
};
