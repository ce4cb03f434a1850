#!/bin/sh
# Routes of the agents API. One process per request (see server.sh).
. /app/http.sh

case "$METHOD $REQ_PATH" in
  "GET /health")
    respond 200 OK '{"status":"ok","db_ready":true}' ;;
  "GET /api/v1/agents/list")
    respond 200 OK '{"agents":[{"id":1,"name":"planner","status":"idle"},{"id":2,"name":"researcher","status":"busy"},{"id":3,"name":"writer","status":"idle"}],"count":3}' ;;
  "GET /metrics")
    respond 200 OK '# HELP system_state_status 0 when the system is fine.
# TYPE system_state_status gauge
system_state_status 0
# TYPE agents_active gauge
agents_active 3
' ;;
  *)
    respond 404 'Not Found' '{"error":"not found","path":"'"$REQ_PATH"'"}' ;;
esac
