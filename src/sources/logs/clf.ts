import { readRequestLine } from "./request-line.js";
import { statusField, type LineParser } from "./parsed.js";

// nginx's predefined `combined` format and Apache's `common`/`combined` (mod_log_config):
//   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
//   %h %l %u %t \"%r\" %>s %b [\"%{Referer}i\" \"%{User-agent}i\"]
// The request line is the first quoted field; a log format, not source code.
const CLF = /^\S+ \S+ \S+ \[[^\]]*\] "([^"\\]*(?:\\.[^"\\]*)*)" (\d{3}|-)(?: |$)/;
// Apache's `vhost_combined` (Debian's other_vhosts_access.log): `%v:%p` first, the virtual host that served it.
const VHOST = /^(\S+) \S+ \S+ \S+ \[[^\]]*\] "([^"\\]*(?:\\.[^"\\]*)*)" (\d{3}|-)(?: |$)/;

/** Common and combined log format (nginx, Apache, most proxies), and Apache's vhost_combined. */
export const clf: LineParser = (text) => {
  const m = CLF.exec(text);
  if (m !== null) return readRequestLine(m[1] as string, statusField(m[2] as string));
  const v = VHOST.exec(text);
  return v === null ? null : readRequestLine(v[2] as string, statusField(v[3] as string), v[1] as string);
};
