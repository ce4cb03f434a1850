#!/bin/sh
# One-shot schema migration: runs before the API starts and exits 0.
log() { echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $1 migrate $2"; }

for m in 0001_create_agents 0002_create_tasks 0003_add_agent_status; do
  log INFO "applying $m"
done
log INFO "applied 3 migrations"
