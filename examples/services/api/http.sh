#!/bin/sh
# Tiny HTTP/1.0 plumbing, sourced by handler.sh. server.sh runs `nc -ll -e handler.sh`, so
# stdin/stdout are the client socket and fd 3 is the container's stdout (for access logs).

read -t 5 -r METHOD REQ_PATH _proto || exit 0
REQ_PATH=${REQ_PATH%%\?*}
# Drain the request headers, so closing the socket does not reset the connection.
while read -t 5 -r line; do
  case $line in '' | $'\r') break ;; esac
done

# respond STATUS REASON JSON_BODY
respond() {
  printf 'HTTP/1.0 %s %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "${#3}" "$3"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO ${SERVICE_NAME:-api} $METHOD $REQ_PATH $1" >&3
}
