#!/bin/sh
# Shared HTTP/1.0 plumbing (identical copy in every fixture), sourced by handler.sh.
# server.sh runs `nc -ll -e handler.sh`: stdin/stdout are the client socket, fd 3 is the
# container's stdout, where one access line per request goes.
read -t 5 -r METHOD REQ_PATH _proto || exit 0
REQ_PATH=${REQ_PATH%%\?*}
while read -t 5 -r line; do   # drain headers so closing does not reset the connection
  case $line in '' | $'\r') break ;; esac
done
respond() {   # respond STATUS REASON JSON_BODY
  printf 'HTTP/1.0 %s %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "${#3}" "$3"
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO api $METHOD $REQ_PATH $1" >&3
}
