#!/bin/sh
# Routes of the release under test; RollbackDrillIT rewrites RELEASE (and, for a broken
# rollback target, the /health status) per commit.
. /app/http.sh
RELEASE=1.0.0
case "$METHOD $REQ_PATH" in
  "GET /health") respond 200 OK "{\"status\":\"ok\",\"release\":\"$RELEASE\"}" ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
