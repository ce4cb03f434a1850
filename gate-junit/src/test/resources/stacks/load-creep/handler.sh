#!/bin/sh
# load-creep: the list gets slower the longer the api runs (8 ms more per second of uptime),
# as a cache that is never evicted or a table scanned whole would make it.
. /app/http.sh
case "$METHOD $REQ_PATH" in
  "GET /health") respond 200 OK '{"status":"ok","db_ready":true}' ;;
  "GET /api/v1/agents/list")
    usleep $(( ($(date +%s) - $(cat /tmp/started)) * 8000 ))
    respond 200 OK '{"agents":[{"id":1,"name":"planner","status":"idle"}],"count":1}' ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
