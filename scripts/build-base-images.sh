#!/usr/bin/env bash
# Idempotent: builds the agents example's base images from Debian packages (no registry is needed):
#   stagegate/python-base  python3 + FastAPI, uvicorn, Celery, redis, psycopg2, SQLAlchemy
#   stagegate/postgres     Debian's postgresql, initialised on first start like the official image
#   stagegate/redis        Debian's redis-server
# Each image is a `debootstrap --variant=minbase` root filesystem of one Debian suite, turned into an
# image by `docker import`. Each is tagged :<recipe hash> and :bookworm (the stable tag the example
# builds FROM). The recipe hash covers the suite, the mirror, the package list and every file and
# image setting below, so a second run finds the tag and is done in well under a second; change the
# recipe and only that image is rebuilt. (Like `RUN apt-get install` in a Dockerfile, the hash does
# not see the mirror's newer package versions: STAGEGATE_REBUILD=1 rebuilds all three.)
#
# Needs root (debootstrap, chroot) and a Docker engine (bash scripts/docker-setup.sh).
# Usage: bash scripts/build-base-images.sh            # all three
#        bash scripts/build-base-images.sh python-base # just one
set -euo pipefail

SUITE="${STAGEGATE_DEBIAN_SUITE:-bookworm}"
MIRROR="${STAGEGATE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
STABLE_TAG="$SUITE"
DEB_CACHE="${STAGEGATE_DEB_CACHE:-/var/cache/stagegate/debootstrap}"
log() { printf '[base-images] %s\n' "$*"; }

if [ "$(id -u)" != 0 ]; then
  log "debootstrap needs root; run this script as root"
  exit 1
fi
command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] || {
  log "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}
PATH="$PATH:/usr/sbin:/sbin"

# ---- the recipes ---------------------------------------------------------------------------------

python_base_packages="python3,python3-fastapi,python3-uvicorn,python3-celery,python3-redis,python3-psycopg2,python3-sqlalchemy"
python_base_changes=(
  "ENV LANG=C.UTF-8"
  "ENV PYTHONUNBUFFERED=1"
  "ENV PYTHONDONTWRITEBYTECODE=1"
  "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "WORKDIR /app"
  "CMD [\"python3\"]"
)

postgres_packages="postgresql"
# The Debian major version of bookworm's postgresql; the entrypoint and PATH name it.
postgres_major="${STAGEGATE_POSTGRES_MAJOR:-15}"
postgres_changes=(
  "ENV LANG=C.UTF-8"
  "ENV PGDATA=/var/lib/postgresql/data"
  "ENV PATH=/usr/lib/postgresql/$postgres_major/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "USER postgres"
  "EXPOSE 5432"
  "CMD [\"/usr/local/bin/postgres-entrypoint\"]"
)
# Like the official image: POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB create the role and the
# database on the first start (an empty $PGDATA); password authentication from the network.
read -r -d '' postgres_entrypoint <<'EOF' || true
#!/bin/sh
set -eu
: "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}"
if [ -z "${POSTGRES_PASSWORD:-}" ]; then
  echo "postgres-entrypoint: POSTGRES_PASSWORD is not set" >&2
  exit 1
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "postgres-entrypoint: initialising $PGDATA for $POSTGRES_USER/$POSTGRES_DB"
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" -E UTF8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  # the first start listens on the socket only, so nobody sees it ready before the database exists
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  if [ "$POSTGRES_DB" != postgres ]; then
    createdb -U "$POSTGRES_USER" -O "$POSTGRES_USER" "$POSTGRES_DB"
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
EOF

redis_packages="redis-server"
redis_changes=(
  "ENV LANG=C.UTF-8"
  "USER redis"
  "WORKDIR /var/lib/redis"
  "EXPOSE 6379"
  "CMD [\"redis-server\", \"--bind\", \"0.0.0.0\", \"--protected-mode\", \"no\", \"--save\", \"\", \"--appendonly\", \"no\"]"
)

# ---- the machinery -------------------------------------------------------------------------------

# What the hash covers: a change to any of it makes a new image.
recipe() {
  local name=$1 packages=$2
  shift 2
  printf 'suite=%s\nmirror=%s\nvariant=minbase\npackages=%s\n' "$SUITE" "$MIRROR" "$packages"
  printf 'change=%s\n' "$@"
  case "$name" in
    postgres) printf 'entrypoint=%s\n' "$postgres_entrypoint" ;;
  esac
  # the slimming step below is part of the recipe too
  declare -f slim
}

# Files no container reads: the downloaded .debs, apt's lists, manuals and documentation.
slim() {
  local root=$1
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/log/*.log \
    "$root"/var/cache/debconf/*-old
}

customise() {
  local name=$1 root=$2
  case "$name" in
    postgres)
      printf '%s\n' "$postgres_entrypoint" > "$root/usr/local/bin/postgres-entrypoint"
      chmod 755 "$root/usr/local/bin/postgres-entrypoint"
      [ -x "$root/usr/lib/postgresql/$postgres_major/bin/postgres" ] || {
        log "postgres: $SUITE's postgresql is not version $postgres_major (set STAGEGATE_POSTGRES_MAJOR)"
        ls "$root/usr/lib/postgresql" >&2
        return 1
      }
      # the cluster Debian's package made at install time is not used: $PGDATA is initialised on start
      rm -rf "$root/var/lib/postgresql/$postgres_major" "$root/etc/postgresql/$postgres_major"
      mkdir -p "$root/var/lib/postgresql/data"
      chroot "$root" chown postgres:postgres /var/lib/postgresql/data
      chmod 700 "$root/var/lib/postgresql/data"
      ;;
  esac
}

build() {
  local name=$1 packages=$2
  shift 2
  local image="stagegate/$name" hash tag
  hash=$(recipe "$name" "$packages" "$@" | sha256sum | cut -c1-12)
  tag="$image:$hash"
  if [ "${STAGEGATE_REBUILD:-0}" != 1 ] && docker image inspect "$tag" >/dev/null 2>&1; then
    docker tag "$tag" "$image:$STABLE_TAG"
    log "$tag is there (recipe unchanged); $image:$STABLE_TAG points to it"
    return 0
  fi
  local start root changes=()
  start=$(date +%s)
  root=$(mktemp -d "/tmp/stagegate-$name-rootfs.XXXXXX")
  # shellcheck disable=SC2064  # expand now: the trap outlives this function's locals
  trap "rm -rf '$root'" EXIT
  mkdir -p "$DEB_CACHE"
  log "$name: debootstrap --variant=minbase $SUITE + $packages"
  if ! debootstrap --variant=minbase --cache-dir="$DEB_CACHE" --include="$packages" \
    "$SUITE" "$root" "$MIRROR" > "$root.log" 2>&1; then
    tail -n 30 "$root.log" >&2
    log "$name: debootstrap failed (whole log: $root.log)"
    return 1
  fi
  rm -f "$root.log"
  customise "$name" "$root"
  slim "$root"
  for c in "$@"; do changes+=(--change "$c"); done
  tar -C "$root" --numeric-owner -c . \
    | docker import "${changes[@]}" \
        --change "LABEL dev.stagegate.base-image=$name dev.stagegate.recipe=$hash dev.stagegate.suite=$SUITE" \
        - "$tag" >/dev/null
  docker tag "$tag" "$image:$STABLE_TAG"
  rm -rf "$root"
  trap - EXIT
  log "$name: built $tag in $(( $(date +%s) - start )) s ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
}

wanted=("${@:-python-base postgres redis}")
# shellcheck disable=SC2068  # split the default list into words
for name in ${wanted[@]}; do
  case "$name" in
    python-base) build python-base "$python_base_packages" "${python_base_changes[@]}" ;;
    postgres) build postgres "$postgres_packages" "${postgres_changes[@]}" ;;
    redis) build redis "$redis_packages" "${redis_changes[@]}" ;;
    *) log "unknown image '$name' (python-base, postgres, redis)"; exit 2 ;;
  esac
done
