import { readRequestLine } from "./request-line.js";
import { statusField, type LineParser } from "./parsed.js";

// nginx's predefined `combined` format and Apache's `common`/`combined` (mod_log_config):
//   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
//   %h %l %u %t \"%r\" %>s %b [\"%{Referer}i\" \"%{User-agent}i\"]
// The request line is the first quoted field; a log format, not source code.
const REST = / \[[^\]]*\] "([^"\\]*(?:\\.[^"\\]*)*)" (\d{3}|-)(?: |$)/.source;
const CLF = new RegExp(`^\\S+ \\S+ \\S+${REST}`);
// Apache's `vhost_combined` (Debian's other_vhosts_access.log): `%v:%p` first, the virtual host that served it.
const VHOST = new RegExp(`^(\\S+:\\d+) \\S+ \\S+ \\S+${REST}`);
// `$remote_user` is the client's Basic-auth name, written unescaped, so it may hold spaces: tried last,
// so a line of either form above never reads as one with a spaced name.
const SPACED_USER = new RegExp(`^\\S+ \\S+ [^[]*?${REST}`);

/** Common and combined log format (nginx, Apache, most proxies), and Apache's vhost_combined. */
export const clf: LineParser = (text) => {
  const m = CLF.exec(text);
  if (m !== null) return readRequestLine(m[1] as string, statusField(m[2] as string));
  const v = VHOST.exec(text);
  if (v !== null) return readRequestLine(v[2] as string, statusField(v[3] as string), v[1] as string);
  const s = SPACED_USER.exec(text);
  return s === null ? null : readRequestLine(s[1] as string, statusField(s[2] as string));
};
