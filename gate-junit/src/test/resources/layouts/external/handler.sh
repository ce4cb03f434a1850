#!/bin/sh
# Routes of the good api.
. /app/http.sh
case "$METHOD $REQ_PATH" in
  "GET /health") respond 200 OK '{"status":"ok","db_ready":true}' ;;
  "GET /api/v1/agents/list") respond 200 OK '{"agents":[{"id":1,"name":"planner","status":"idle"},{"id":2,"name":"researcher","status":"busy"},{"id":3,"name":"writer","status":"idle"}],"count":3}' ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
