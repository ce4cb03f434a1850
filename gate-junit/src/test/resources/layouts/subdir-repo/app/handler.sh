#!/bin/sh
# Routes of the layout api: /health reports the release baked in at build time.
. /app/http.sh
case "$METHOD $REQ_PATH" in
  "GET /health") respond 200 OK "{\"status\":\"ok\",\"db_ready\":true,\"release\":\"$(cat /app/release)\"}" ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
