#!/usr/bin/env bash
# Records the access-log fixtures in test/fixtures/logs/ with the real servers: nginx (Debian's
# nginx-light) writing its predefined `combined` format and an `escape=json` format, and Apache
# (Debian's apache2) writing its `common` and `combined` formats. Both listen on 127.0.0.1 only,
# answer every request themselves, and are stopped at the end. See test/fixtures/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/test/fixtures/logs"
work=$(mktemp -d)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) $(cat "$work/httpd.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out" "$work/logs"

cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events {}
http {
  log_format json_request escape=json '{"time_local":"\$time_local","remote_addr":"\$remote_addr",'
    '"request":"\$request","status":\$status,"body_bytes_sent":\$body_bytes_sent,'
    '"http_host":"\$http_host","http_user_agent":"\$http_user_agent"}';
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  client_header_timeout 1s;
  server {
    listen 127.0.0.1:47201;
    access_log $work/logs/nginx-combined.log combined;
    access_log $work/logs/nginx-json.log json_request;
    location / { return 200 "ok\n"; }
  }
}
CONF
nginx -c "$work/nginx.conf"

cat >"$work/httpd.conf" <<CONF
ServerRoot /usr/lib/apache2
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule alias_module modules/mod_alias.so
PidFile $work/httpd.pid
ErrorLog $work/httpd-error.log
Listen 127.0.0.1:47202
ServerName dynamic-proxy.example.com
DocumentRoot $work
Timeout 1
LogFormat "%h %l %u %t \"%r\" %>s %b" common
LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\"" combined
CustomLog $work/logs/apache-common.log common
CustomLog $work/logs/apache-combined.log combined
LogFormat "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" vhost_combined
CustomLog $work/logs/apache-vhost.log vhost_combined
RedirectMatch 200 ^/
CONF
apache2 -f "$work/httpd.conf" -k start
sleep 1

send() { # port, raw request text (without the final blank line)
  printf '%b\r\n\r\n' "$2" | timeout 3 curl -s -o /dev/null --max-time 2 "telnet://127.0.0.1:$1" >/dev/null 2>&1 || true
}
for port in 47201 47202; do
  host="Host: app.dynamicauth.com"
  send $port "GET /api/v0/environments/e1/users?limit=100 HTTP/1.1\r\n$host\r\nUser-Agent: user-sync/2.3"
  send $port "GET /api/v0/environments/e1/users?limit=100&offset=100 HTTP/1.1\r\n$host\r\nUser-Agent: user-sync/2.3"
  send $port "PUT /api/v0/environments/e1/users/u1 HTTP/1.1\r\n$host\r\nUser-Agent: user-sync/2.3"
  send $port "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: kube-probe/1.29"
  send $port "DELETE /API/V0/environments/e1/tokens/t1 HTTP/1.1\r\n$host\r\nUser-Agent: user-sync/2.3"
  send $port "DELETE //api/v0/environments/e1/tokens/t1 HTTP/1.1\r\n$host\r\nUser-Agent: user-sync/2.3"
  send $port "GET https://app.dynamicauth.com/api/v0/environments/e1/webhooks HTTP/1.1\r\n$host\r\nUser-Agent: proxy-client"
  send $port "GET /api/v0/environments/e1/users/caf\xc3\xa9\x22 HTTP/1.1\r\n$host\r\nUser-Agent: user-sync/2.3"
  # A line that is not HTTP, a TLS hello on the plain port, a request line cut off by the timeout.
  printf 'xx\r\n\r\n' | timeout 3 curl -s -o /dev/null --max-time 2 "telnet://127.0.0.1:$port" >/dev/null 2>&1 || true
  exec 3<>"/dev/tcp/127.0.0.1/$port"; printf '\x16\x03\x01\x00' >&3; sleep 0.3; exec 3>&-
  exec 3<>"/dev/tcp/127.0.0.1/$port"; printf 'GET /api/v0/environments/e1/users' >&3; sleep 1.5; exec 3>&-
done
sleep 1
cp "$work/logs/"*.log "$out/"
ls -l "$out"
