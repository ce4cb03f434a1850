#!/bin/sh
# Routes of the smoke-500 api: /ping works, /health is broken.
. /app/http.sh
case "$METHOD $REQ_PATH" in
  "GET /ping") respond 200 OK '{"pong":true}' ;;
  "GET /health") respond 500 "Internal Server Error" '{"status":"error"}' ;;
  "GET /api/v1/agents/list") respond 200 OK '{"agents":[{"id":1,"name":"planner","status":"idle"},{"id":2,"name":"researcher","status":"busy"},{"id":3,"name":"writer","status":"idle"}],"count":3}' ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
