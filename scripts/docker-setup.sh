#!/usr/bin/env bash
# Idempotent: installs Docker (engine + compose v1 + busybox-static) when missing, starts dockerd
# when none answers, and builds the local busybox base image every test stack builds FROM.
# Safe to run again and again; does nothing it does not need to.
set -euo pipefail

BASE_IMAGE="${STAGEGATE_BASE_IMAGE:-stagegate/busybox-base:1}"
log() { printf '[docker-setup] %s\n' "$*"; }

need_install=0
command -v dockerd >/dev/null 2>&1 || need_install=1
command -v docker-compose >/dev/null 2>&1 || need_install=1
command -v socat >/dev/null 2>&1 || need_install=1
[ -x /bin/busybox ] && file_is_static=$(ldd /bin/busybox 2>&1 | grep -c 'not a dynamic' || true) || file_is_static=0
[ "${file_is_static:-0}" -ge 1 ] || need_install=1

if [ "$need_install" = 1 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "docker.io, docker-compose or busybox-static is missing; run this script as root (or install them: apt-get install docker.io docker-compose busybox-static)"
    exit 1
  fi
  log "installing docker.io docker-compose busybox-static socat"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io docker-compose busybox-static socat >/dev/null
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
log "engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

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
  docker build -q -t "$BASE_IMAGE" "$ctx" >/dev/null
fi
log "base image $BASE_IMAGE ready ($(docker image inspect -f '{{.Size}}' "$BASE_IMAGE") bytes)"

# The ssh:// Docker-host tests reach this engine through a loopback sshd of their own.
bash "$(dirname "$0")/sshd-setup.sh"
