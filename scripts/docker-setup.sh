#!/usr/bin/env bash
# Idempotent: makes sure a current Docker toolchain answers — engine, CLI, BuildKit (buildx) and the
# Compose v2 plugin (`docker compose`) — plus busybox-static and socat; starts dockerd when none
# answers; builds the local busybox base image every test stack builds FROM.
#
# Where the toolchain is already there (Docker's own packages, a CI runner) nothing is installed.
# On Debian 12 (bookworm), whose own packages are Docker 20.10 and Compose v1 (both end of life), the
# current toolchain comes from Debian 13's packages through an apt pin of priority 100: only the
# packages named here are taken from trixie, nothing else is upgraded (measured: docker.io 26.1.5,
# docker-buildx 0.13.1, docker-compose 2.26.1). Safe to run again and again.
set -euo pipefail

BASE_IMAGE="${STAGEGATE_BASE_IMAGE:-stagegate/busybox-base:1}"
log() { printf '[docker-setup] %s\n' "$*"; }

compose_v2() { docker compose version --short 2>/dev/null | grep -qE '^v?2\.'; }
engine_current() {
  # dockerd --version: "Docker version 26.1.5+dfsg1, build ..."; anything below 23 is too old here
  local v
  v=$(dockerd --version 2>/dev/null | sed -nE 's/^Docker version ([0-9]+)\..*/\1/p')
  [ -n "$v" ] && [ "$v" -ge 23 ]
}
buildx_ok() { docker buildx version >/dev/null 2>&1; }
busybox_static() { [ -x /bin/busybox ] && ldd /bin/busybox 2>&1 | grep -q 'not a dynamic'; }

need_root() {
  if [ "$(id -u)" != 0 ]; then
    log "$1; run this script as root, or install Docker Engine with the buildx and compose plugins (https://docs.docker.com/engine/install/)"
    exit 1
  fi
}

missing=()
command -v dockerd >/dev/null 2>&1 && engine_current || missing+=(engine)
compose_v2 || missing+=(compose-v2)
buildx_ok || missing+=(buildx)
if [ "${#missing[@]}" -gt 0 ]; then
  need_root "missing or too old: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
  if [ "$codename" = bookworm ]; then
    log "Debian 12: taking docker.io, docker-cli, docker-buildx and docker-compose (v2) from Debian 13 through an apt pin"
    echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main' \
      > /etc/apt/sources.list.d/debian-trixie.list
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/debian-trixie
    apt-get update -qq
    # an engine from Debian 12 that is running must be stopped first, or the new one cannot start
    if [ -f /var/run/docker.pid ] && kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null \
       && ! engine_current; then
      log "stopping the old dockerd (pid $(cat /var/run/docker.pid))"
      kill "$(cat /var/run/docker.pid)"
      for _ in $(seq 1 40); do kill -0 "$(cat /var/run/docker.pid 2>/dev/null)" 2>/dev/null || break; sleep 0.5; done
    fi
    # pkg/trixie takes only these (and what they strictly need, e.g. containerd) from Debian 13;
    # "-t trixie" would upgrade ~150 packages (libc, apt, perl) along with them (measured).
    apt-get install -y -qq docker.io/trixie docker-cli/trixie docker-buildx/trixie docker-compose/trixie >/dev/null
  else
    apt-get update -qq
    apt-get install -y -qq docker.io docker-buildx docker-compose >/dev/null || true
  fi
  compose_v2 || { log "Compose v2 (docker compose) is still missing; install the docker-compose-plugin package"; exit 1; }
fi

if ! busybox_static || ! command -v socat >/dev/null 2>&1; then
  need_root "busybox-static or socat is missing"
  log "installing busybox-static socat"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq busybox-static socat >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq busybox-static socat >/dev/null; }
fi

docker_ok() { docker info >/dev/null 2>&1; }

if ! docker_ok; then
  alive=0
  if [ -f /var/run/docker.pid ] && kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then alive=1; fi
  if [ "$alive" = 0 ]; then
    log "starting dockerd (log: /var/log/stagegate-dockerd.log)"
    rm -f /var/run/docker.pid
    setsid nohup dockerd >/var/log/stagegate-dockerd.log 2>&1 < /dev/null &
  else
    log "dockerd (pid $(cat /var/run/docker.pid)) is starting; waiting for it"
  fi
  for _ in $(seq 1 60); do docker_ok && break; sleep 0.5; done
  docker_ok || { log "dockerd did not answer within 30 s; see /var/log/stagegate-dockerd.log"; exit 1; }
fi
log "engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})'), $(docker compose version 2>/dev/null | head -1), buildx $(docker buildx version 2>/dev/null | awk '{print $2}')"

if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  log "building base image $BASE_IMAGE"
  ctx=$(mktemp -d)
  trap 'rm -rf "$ctx"' EXIT
  cp /bin/busybox "$ctx/busybox"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox","--install","-s","/bin"]
RUN mkdir -p /tmp /etc /root /var /app && chmod 1777 /tmp
DOCKERFILE
  DOCKER_BUILDKIT=1 docker build -q -t "$BASE_IMAGE" "$ctx" >/dev/null
fi
log "base image $BASE_IMAGE ready ($(docker image inspect -f '{{.Size}}' "$BASE_IMAGE") bytes)"

# The ssh:// Docker-host tests reach this engine through a loopback sshd of their own.
bash "$(dirname "$0")/sshd-setup.sh"
