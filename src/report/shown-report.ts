import { shown } from "../util/shown.js";

// The text formats (text, GitHub, SARIF messages) escape by construction at the model's edge: every
// string in the report, keys included, is shown inert once, before any formatter reads it. A section
// added later renders from the same report, so its input is escaped whether its author thought of it
// or not. The names and codes formatters compare (`kind`, `status`, scope names) hold no character
// that changes, so every comparison still holds. JSON is data: it is not walked (see `safeJson`).

const walk = (value: unknown, seen: Map<object, unknown>): unknown => {
  if (typeof value === "string") return shown(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(walk(item, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // Only plain data is copied; anything else (a Date, a RegExp) prints no input of its own.
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  // Reading each key reads a plan's lazy parts as values; defineProperty, so `__proto__` stays a key.
  for (const key of Object.keys(value)) {
    const v = walk((value as Record<string, unknown>)[key], seen);
    Object.defineProperty(out, shown(key), { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
};

/** A copy of a report with every string in it shown inert (`shown`): what the text formats render. */
export const shownReport = <R>(report: R): R => walk(report, new Map()) as R;
