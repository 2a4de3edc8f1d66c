import { readRequestLine } from "./request-line.js";
import { statusField, type LineParser } from "./parsed.js";

// AWS Application Load Balancer access log entries ("Access log entries", Elastic Load Balancing
// user guide): space-separated, `type time elb client:port target:port request_processing_time
// target_processing_time response_processing_time elb_status_code target_status_code received_bytes
// sent_bytes "request" "user_agent" …`, where "request" is `METHOD protocol://host:port/uri HTTP/x`.
// Classic Load Balancer entries are the same without `type`. Only the fields up to "request" are read.
const ALB =
  /^(?:(?:https?|h2|grpcs|wss?) )?\S+ \S+ \S+ \S+ \S+ \S+ \S+ (\d{3}|-) \S+ \S+ \S+ "([^"\\]*(?:\\.[^"\\]*)*)"(?: |$)/;

/** AWS ALB (and Classic ELB) access log entries. */
export const alb: LineParser = (text) => {
  const m = ALB.exec(text);
  return m === null ? null : readRequestLine(m[2] as string, statusField(m[1] as string));
};
