#!/bin/sh
# Shared HTTP server (identical copy in every fixture), plus the start time the handler reads.
exec 3>&1
date +%s > /tmp/started
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO api listening on :8000"
exec nc -ll -p 8000 -e /app/handler.sh
