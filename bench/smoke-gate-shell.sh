#!/usr/bin/env bash
# The example staging gate written by hand, the way a team would script it without stagegate:
# the same steps as examples/src/test/java/dev/stagegate/examples/StagingGateIT.java on
# examples/docker-compose.yml, with Compose v2 (`docker compose`, BuildKit) and the docker CLI.
#
#   bench/smoke-gate-shell.sh            # exits non-zero when any check fails
#
# Prints one "phase NAME SECONDS" line per step (for bench/smoke-gate-bench.sh) and a verdict.
# Environment: COMPOSE_FILE_PATH (default examples/docker-compose.yml), SETTLE_S (default 2),
# HEALTH_TIMEOUT_S (default 60), KEEP_OUTPUT=1 to print build/up output.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FILE=${COMPOSE_FILE_PATH:-$ROOT/examples/docker-compose.yml}
SETTLE_S=${SETTLE_S:-2}
HEALTH_TIMEOUT_S=${HEALTH_TIMEOUT_S:-60}
P=sgsh$(tr -dc 'a-z0-9' </dev/urandom | head -c 8)
COMPOSE=(docker compose -p "$P" -f "$FILE")
OUT=$(mktemp -d "/tmp/smoke-gate-shell-$P.XXXX")
failures=()
downed=0
# The api image COPYs the deployment marker that the Maven build writes (examples/pom.xml).
MARKER=$(dirname "$FILE")/services/api/.deployment_marker
if [[ "$FILE" == "$ROOT/examples/docker-compose.yml" && ! -f "$MARKER" ]]; then
  echo "missing $MARKER: run 'mvn -B -pl examples -am verify -DskipTests' (or MarkerCli) first" >&2
  exit 2
fi

now() { echo "${EPOCHREALTIME/./}"; }                      # microseconds
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e6 }'; }
phase() { echo "phase $1 $(secs "$2" "$(now)")"; }
fail() { failures+=("$1"); echo "FAIL: $1" >&2; }
ids() { docker ps -aq -f "label=com.docker.compose.project=$P" "$@"; }

teardown() {
  if [[ $downed -eq 0 ]]; then
    downed=1
    "${COMPOSE[@]}" down -v --rmi local --remove-orphans >"$OUT/down.log" 2>&1 \
      || fail "docker compose down failed: $(tail -3 "$OUT/down.log")"
  fi
}
trap 'teardown; rm -rf "$OUT"' EXIT
trap 'exit 130' INT TERM

t_all=$(now)

# 1. no-cache build
t=$(now)
if ! "${COMPOSE[@]}" build --no-cache >"$OUT/build.log" 2>&1; then
  fail "no-cache build failed: $(tail -10 "$OUT/build.log")"
fi
phase build "$t"
[[ ${KEEP_OUTPUT:-0} == 1 ]] && cat "$OUT/build.log"

# 2. up -d (compose itself waits for the depends_on conditions)
if [[ ${#failures[@]} -eq 0 ]]; then
  t=$(now)
  if ! "${COMPOSE[@]}" up -d >"$OUT/up.log" 2>&1; then
    fail "docker compose up failed: $(tail -5 "$OUT/up.log")"
  fi
  phase up "$t"
  [[ ${KEEP_OUTPUT:-0} == 1 ]] && cat "$OUT/up.log"
fi

# 3. poll docker inspect until every long-running container is healthy and migrate exited 0
healthy=0
if [[ ${#failures[@]} -eq 0 ]]; then
  t=$(now)
  deadline=$((SECONDS + HEALTH_TIMEOUT_S))
  while :; do
    waiting=0 broken=0
    # service status health exitcode restarts
    while read -r svc status health code restarts; do
      if [[ $svc == migrate ]]; then
        if [[ $status == exited ]]; then
          [[ $code == 0 ]] || { fail "one-shot migrate exited with code $code"; broken=1; }
        else
          waiting=1
        fi
      elif [[ $restarts != 0 || $status == restarting ]]; then
        fail "$svc restarted $restarts times"; broken=1
      elif [[ $status == exited || $status == dead ]]; then
        fail "$svc exited with code $code"; broken=1
      elif [[ $health == unhealthy ]]; then
        fail "$svc is unhealthy"; broken=1
      elif [[ $status != running || ($health != healthy && $health != none) ]]; then
        waiting=1
      fi
    done < <(docker inspect -f '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}} {{.RestartCount}}' $(ids) 2>/dev/null)
    [[ $(ids | wc -l) -ge 4 ]] || waiting=1
    if [[ $broken -eq 1 ]]; then break; fi
    if [[ $waiting -eq 0 ]]; then healthy=1; break; fi
    if [[ $SECONDS -ge $deadline ]]; then fail "not healthy within ${HEALTH_TIMEOUT_S} s"; break; fi
    sleep 0.25
  done
  healthy_at=$(now)
  phase healthy "$t"
fi

if [[ $healthy -eq 1 ]]; then
  # 4. smoke: two HTTP GETs on the published port, an exec in the worker
  t=$(now)
  api=$(ids -f label=com.docker.compose.service=api)
  worker=$(ids -f label=com.docker.compose.service=worker)
  hostport=$(docker port "$api" 8000/tcp | head -1)
  code=$(curl -s -m 10 -o "$OUT/health.json" -w '%{http_code}' "http://$hostport/health")
  [[ $code == 200 ]] || fail "GET /health answered $code"
  if command -v jq >/dev/null; then
    jq -e '.status == "ok" and .db_ready == true' "$OUT/health.json" >/dev/null \
      || fail "GET /health body lacks {\"status\":\"ok\",\"db_ready\":true}: $(cat "$OUT/health.json")"
  else
    grep -q '"db_ready":true' "$OUT/health.json" && grep -q '"status":"ok"' "$OUT/health.json" \
      || fail "GET /health body lacks {\"status\":\"ok\",\"db_ready\":true}: $(cat "$OUT/health.json")"
  fi
  code=$(curl -s -m 10 -o "$OUT/list.json" -w '%{http_code}' "http://$hostport/api/v1/agents/list")
  [[ $code == 200 ]] || fail "GET /api/v1/agents/list answered $code"
  grep -q planner "$OUT/list.json" || fail "GET /api/v1/agents/list lacks planner"
  docker exec "$worker" cat /tmp/heartbeat >/dev/null || fail "worker: cat /tmp/heartbeat failed"
  phase smoke "$t"

  # 5. settle: keep the stack up until SETTLE_S have passed since it was healthy
  t=$(now)
  left=$(awk -v h="$healthy_at" -v n="$(now)" -v s="$SETTLE_S" 'BEGIN { r = s - (n - h) / 1e6; printf "%.3f", (r > 0 ? r : 0) }')
  sleep "$left"
  phase settle "$t"
fi

if [[ $healthy -eq 1 || -n "$(ids)" ]]; then
  # 6. stats snapshot of every running container
  t=$(now)
  running=$(ids -f status=running)
  if [[ -n $running ]]; then
    docker stats --no-stream $running >"$OUT/stats.txt" || fail "docker stats failed"
  fi
  phase stats "$t"

  # 7. restarts, exit codes, OOM kills and log findings of every container
  t=$(now)
  while read -r id svc restarts code oom status; do
    [[ $restarts == 0 ]] || fail "$svc restarted $restarts times"
    [[ $oom == false ]] || fail "$svc was OOM-killed"
    if [[ $svc == migrate ]]; then
      [[ $code == 0 ]] || fail "migrate exited with code $code"
    elif [[ $status != running ]]; then
      fail "$svc is $status (exit code $code)"
    fi
    n=$(docker logs "$id" 2>&1 | grep -cE 'Error|Traceback')
    [[ $n == 0 ]] || fail "$svc log has $n lines matching Error|Traceback"
  done < <(docker inspect -f '{{.Id}} {{index .Config.Labels "com.docker.compose.service"}} {{.RestartCount}} {{.State.ExitCode}} {{.State.OOMKilled}} {{.State.Status}}' $(ids))
  phase audit "$t"
fi

# 8. down -v and remove the built images
t=$(now)
teardown
phase down "$t"
phase total "$t_all"

if [[ ${#failures[@]} -ne 0 ]]; then
  echo "verdict FAIL (${#failures[@]} failures)"
  exit 1
fi
echo "verdict PASS"
