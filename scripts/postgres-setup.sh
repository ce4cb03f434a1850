#!/usr/bin/env bash
# Idempotent: a PostgreSQL server for the deployment-history integration tests
# (gate-deploy's DeploymentHistoryPostgresIT). Installs Debian's postgresql when missing, creates
# a dedicated cluster "stagegate" (own data directory, port 55432 on 127.0.0.1 only, so it never
# clashes with a server on 5432), starts it, and makes role and database stagegate/stagegate with
# password "stagegate". When the server already answers with those credentials it only says so.
# Needs root for the first run (apt-get, pg_createcluster); prints one status line.
#
# Override with STAGEGATE_PG_PORT (default 55432). The tests read the same defaults, or
# -Dstagegate.it.pg.url / STAGEGATE_IT_PG_URL.
set -euo pipefail

PORT="${STAGEGATE_PG_PORT:-55432}"
CLUSTER=stagegate
DB=stagegate
ROLE=stagegate
PASSWORD=stagegate
URL="jdbc:postgresql://127.0.0.1:${PORT}/${DB}"
log() { printf '[postgres-setup] %s\n' "$*"; }
ready() { log "PostgreSQL $1 on 127.0.0.1:${PORT}, database ${DB}, user ${ROLE} (${URL})"; }

can_login() {
  command -v psql >/dev/null 2>&1 &&
    PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" \
      -XtAqc 'select 1' >/dev/null 2>&1
}

# Fast path: already running and set up.
if can_login; then
  ready "$(PGPASSWORD="$PASSWORD" psql -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DB" -XtAqc 'show server_version' 2>/dev/null) already running"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  log "no stagegate database answers on 127.0.0.1:${PORT}; run this script as root: sudo bash scripts/postgres-setup.sh"
  exit 1
fi

if ! command -v pg_createcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The package's own "main" cluster on 5432 is not needed; Debian creates it but we leave it down.
  apt-get install -y -qq postgresql >/dev/null
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
DATA="/var/lib/postgresql/${VERSION}/${CLUSTER}"

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {found=1} END {exit !found}'; then
  log "creating cluster ${VERSION}/${CLUSTER} in ${DATA}"
  pg_createcluster --start-conf=manual -p "$PORT" -d "$DATA" \
    "$VERSION" "$CLUSTER" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
# Rewritten on every run, so a re-run repairs it; a test database needs no durability.
CONF="/etc/postgresql/${VERSION}/${CLUSTER}/conf.d/stagegate.conf"
install -d -o postgres -g postgres "$(dirname "$CONF")"
cat >"$CONF" <<CONF
listen_addresses = '127.0.0.1'
port = ${PORT}
ssl = off
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF

status=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}')
if [ "$status" != online ]; then
  # Without systemd (a container, CI) pg_ctlcluster runs pg_ctl as the cluster's owner, postgres.
  pg_ctlcluster "$VERSION" "$CLUSTER" start
fi

as_postgres() { runuser -u postgres -- "$@"; }
for _ in $(seq 1 60); do
  as_postgres pg_isready -q -p "$PORT" && break
  sleep 0.5
done
as_postgres pg_isready -q -p "$PORT" || {
  log "the cluster did not accept connections within 30 s; see /var/log/postgresql/postgresql-${VERSION}-${CLUSTER}.log"
  exit 1
}

as_postgres psql -p "$PORT" -XqAt -v ON_ERROR_STOP=1 -d postgres <<SQL >/dev/null
SELECT format('CREATE ROLE %I LOGIN', '${ROLE}')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') \gexec
ALTER ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
SELECT format('CREATE DATABASE %I OWNER %I', '${DB}', '${ROLE}')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${DB}') \gexec
SQL

can_login || {
  log "cluster ${VERSION}/${CLUSTER} runs but ${ROLE} cannot log in to ${DB}; see /var/log/postgresql/postgresql-${VERSION}-${CLUSTER}.log"
  exit 1
}
ready "${VERSION} started (cluster ${VERSION}/${CLUSTER}, data ${DATA})"
