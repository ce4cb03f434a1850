#!/bin/sh
# Shared HTTP server (identical copy in every fixture): one handler.sh process per connection.
exec 3>&1
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) INFO api listening on :8000"
exec nc -ll -p 8000 -e /app/handler.sh
