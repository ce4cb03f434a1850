#!/bin/sh
# /health reports what the environment gave the container: DB_READY from env_file, RELEASE from .env.
. /app/http.sh
case "$METHOD $REQ_PATH" in
  "GET /health") respond 200 OK "{\"status\":\"ok\",\"db_ready\":${DB_READY:-false},\"release\":\"${RELEASE:-none}\"}" ;;
  *) respond 404 "Not Found" '{"error":"not found"}' ;;
esac
