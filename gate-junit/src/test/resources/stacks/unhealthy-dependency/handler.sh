#!/bin/sh
# Routes of the unhealthy api: /health always 503.
. /app/http.sh
case "$METHOD $REQ_PATH" in
  "GET /health") respond 503 "Service Unavailable" '{"status":"starting","db_ready":false}' ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
