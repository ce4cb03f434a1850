#!/usr/bin/env bash
# Leftovers under SIGKILL: runs the example gate RUNS times (default 20) with Maven; every
# KILL_EVERY-th run (default 3) the forked Failsafe JVM is SIGKILLed 3-10 s (random) after it
# appears, so that it dies sometimes during the build, sometimes during up/health/smoke. Maven then
# reports "The forked VM terminated without properly saying goodbye" - expected for those runs.
# The last of the RUNS is killed as well (KILL_LAST=0 to not), so that the final run has something
# to sweep. After each killed run the script waits for any compose process the dead JVM left
# running (measured: at most one, gone within ~1 s - their output pipe to the JVM is broken) and
# counts what is left, by type: that is what the next run's start has to sweep.
# Afterwards ONE more normal gate run (its start sweeps what the dead runs left), then
# scripts/check-leftovers.sh and a look at containers, networks, volumes and images.
#
#   bench/leftovers-stress.sh [RUNS]
#
# The engine may be shared with other sessions running gates of their own, so besides the global
# label check the script attributes leftovers to this script's runs by the owner label
# dev.stagegate.pid (the forked JVMs it saw) and compares unlabelled resources with a snapshot
# taken at the start. At the end it removes what its own runs left, if anything (never the base
# image, never anything that was there before it started; unlabelled containers and <none> images
# only with CLEAN_UNLABELLED=1, since on a shared engine they may be another session's).
#
# Maven uses a private local repository (BENCH_M2, default /tmp/stagegate-bench-m2, seeded from
# ~/.m2/repository and installed into once), because ~/.m2 is shared with other sessions whose
# `mvn install` would swap the gate-junit jar under a running gate.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-20}
KILL_EVERY=${KILL_EVERY:-3}
KILL_MIN=${KILL_MIN:-3}
KILL_MAX=${KILL_MAX:-10}
KILL_LAST=${KILL_LAST:-1}
OUTDIR=${STRESS_OUT:-/tmp/stagegate-leftovers-stress}
BASE_IMAGE=stagegate/busybox-base:1
L=dev.stagegate
mkdir -p "$OUTDIR"
rm -f "$OUTDIR"/run-*.log
cd "$ROOT"

PIDS=()        # forked JVM pids of this script's runs (the owner label of what they created)
KILLED=0 PASSED=0 FAILED_OTHER=0 GOODBYE=0
declare -A LEFT_BY_KILLS=([containers]=0 [networks]=0 [volumes]=0 [images]=0)
ORPHANS_SEEN=0
declare -A KILL_PHASE=()

log() { echo "[stress $(date +%H:%M:%S)] $*"; }

# --- snapshot of what exists before we start (other sessions, base image, ...)
snapshot() {
  docker ps -aq --no-trunc | sort >"$OUTDIR/$1.containers"
  docker network ls -q --no-trunc | sort >"$OUTDIR/$1.networks"
  docker volume ls -q | sort >"$OUTDIR/$1.volumes"
  docker images -aq --no-trunc | sort -u >"$OUTDIR/$1.images"
  ls -d /tmp/stagegate-sg* 2>/dev/null | sort >"$OUTDIR/$1.tmpdirs"
}
new_since() { comm -13 "$OUTDIR/before.$1" "$OUTDIR/$2.$1"; }

# Resources labelled dev.stagegate whose owner pid is one of ours, per type.
ours() {
  local p
  for p in "${PIDS[@]}"; do
    case $1 in
      containers) docker ps -aq -f "label=$L.pid=$p" ;;
      networks) docker network ls -q -f "label=$L.pid=$p" ;;
      volumes) docker volume ls -q -f "label=$L.pid=$p" ;;
      images) docker images -q -f "label=$L.pid=$p" ;;
    esac
  done | sort -u
}
count_ours() {
  local t out=""
  for t in containers networks volumes images; do out+="$t $(ours $t | grep -c .)  "; done
  echo "$out"
}
count_all_labelled() {
  echo "containers $(docker ps -aq -f label=$L | wc -l)  networks $(docker network ls -q -f label=$L | wc -l)" \
    " volumes $(docker volume ls -q -f label=$L | wc -l)  images $(docker images -q -f label=$L | wc -l)"
}

# The forked Failsafe JVM of this worktree's examples module. It is not a descendant of Maven's
# process (Surefire/Failsafe start it through a shell that exits, so it is re-parented to init),
# so it is found by its booter jar under this worktree's examples/target; runs are sequential.
forked_jvm() {
  pgrep -f "java .*-jar $ROOT/examples/target/(surefire|failsafe)[^ ]*/surefirebooter" | head -1
}

# Where the gate was, judged from Maven's output so far.
gate_phase() {
  local f=$1
  if grep -q 'running command: down' "$f"; then echo teardown
  elif grep -q 'Docker Compose has finished running' "$f"; then echo health/smoke/settle
  elif grep -q 'running command: up' "$f"; then echo up
  elif grep -q 'Testcontainers version' "$f"; then echo build
  else echo start-up
  fi
}

run_gate() { # $1 = label, $2 = kill (1/0); sets RC
  local name=$1 kill=$2 f="$OUTDIR/run-$1.log"
  "${MVN[@]}" -o -q -pl examples verify -Dit.test=StagingGateIT >"$f" 2>&1 &
  local mvn=$! jvm="" t0=$SECONDS
  while [[ -z $jvm ]] && kill -0 "$mvn" 2>/dev/null && ((SECONDS - t0 < 60)); do
    jvm=$(forked_jvm)
    [[ -z $jvm ]] && sleep 0.1
  done
  [[ -n $jvm ]] && PIDS+=("$jvm")
  local killed_now=0
  if [[ $kill == 1 && -n $jvm ]]; then
    local delay
    delay=$(awk -v a="$KILL_MIN" -v b="$KILL_MAX" -v s="$RANDOM" 'BEGIN { srand(s); printf "%.1f", a + rand() * (b - a) }')
    sleep "$delay"
    if kill -0 "$jvm" 2>/dev/null; then
      KILL_PHASE[$name]="$(gate_phase "$f") after ${delay}s"
      kill -9 "$jvm"
      KILLED=$((KILLED + 1))
      killed_now=1
    else
      KILL_PHASE[$name]="not killed: JVM already gone after ${delay}s"
    fi
  fi
  wait "$mvn"
  RC=$?
  local what
  if [[ $RC == 0 ]]; then
    PASSED=$((PASSED + 1)); what=PASS
  elif grep -q 'terminated without properly saying goodbye' "$f"; then
    GOODBYE=$((GOODBYE + 1)); what="FAIL (forked VM killed: ${KILL_PHASE[$name]:-?})"
  else
    FAILED_OTHER=$((FAILED_OTHER + 1)); what="FAIL rc=$RC (see $f)"
  fi
  if [[ $killed_now == 1 ]]; then
    # compose processes the dead JVM started go on (build or up); wait for them, then count
    local orphans t1=$SECONDS
    orphans=$(compose_orphans | wc -l)
    ORPHANS_SEEN=$((ORPHANS_SEEN + orphans))
    while [[ -n $(compose_orphans) ]] && ((SECONDS - t1 < 60)); do sleep 0.5; done
    local t
    for t in containers networks volumes images; do
      LEFT_BY_KILLS[$t]=$((LEFT_BY_KILLS[$t] + $(docker_count_pid "$t" "$jvm")))
    done
    what+="; compose processes orphaned: $orphans (gone after $((SECONDS - t1)) s)"
  fi
  log "run $name jvm=${jvm:-?} $what; labelled leftovers of our runs: $(count_ours)"
}

# docker-compose processes started from this worktree's examples dir (build, up) still running.
compose_orphans() {
  local p
  for p in $(pgrep -f 'docker-compose' 2>/dev/null); do
    [[ $(readlink "/proc/$p/cwd" 2>/dev/null) == "$ROOT/examples" ]] && echo "$p"
  done
}
docker_count_pid() { # TYPE PID
  case $1 in
    containers) docker ps -aq -f "label=$L.pid=$2" ;;
    networks) docker network ls -q -f "label=$L.pid=$2" ;;
    volumes) docker volume ls -q -f "label=$L.pid=$2" ;;
    images) docker images -q -f "label=$L.pid=$2" ;;
  esac | wc -l
}

log "load before: $(uptime)"
log "labelled $L on the engine before we start (anyone's): $(count_all_labelled)"
snapshot before
M2=${BENCH_M2:-/tmp/stagegate-bench-m2}
if [[ ! -d $M2 ]]; then
  log "seeding the private Maven repository $M2 from ~/.m2/repository"
  mkdir -p "$M2" && (cd ~/.m2/repository && tar --exclude=./dev/stagegate -cf - .) | tar -xf - -C "$M2"
fi
MVN=(mvn -B "-Dmaven.repo.local=$M2")
log "installing the modules once into $M2"
"${MVN[@]}" -o -q install -DskipTests >"$OUTDIR/install.log" 2>&1 || { tail -30 "$OUTDIR/install.log"; exit 1; }

for ((i = 1; i <= RUNS; i++)); do
  run_gate "$i" $((i % KILL_EVERY == 0 || (KILL_LAST == 1 && i == RUNS) ? 1 : 0))
done

# --- before the final run
sleep 2 # let compose processes orphaned by the kills finish what they were doing
orphans=$(pgrep -af 'docker-compose' | grep -c 'sg[a-z0-9]\{6\}' || true)
log "docker-compose processes still running (orphans of killed JVMs?): $orphans"
before_final=$(count_ours)
log "BEFORE final run, labelled leftovers of our runs: $before_final"
log "BEFORE final run, labelled $L on the engine (anyone's): $(count_all_labelled)"
snapshot prefinal
log "BEFORE final run, temp dirs /tmp/stagegate-sg* left by killed JVMs: $(new_since tmpdirs prefinal | grep -c .)"

# --- one more normal run: its start sweeps what dead runs left
PASSED_RUNS=$PASSED
run_gate final 0
final_rc=$RC
sleep 1
snapshot after
after_ours=$(count_ours)
after_ours_total=$(for t in containers networks volumes images; do ours $t; done | grep -c .)

echo
log "scripts/check-leftovers.sh:"
bash scripts/check-leftovers.sh; check_rc=$?

echo
log "docker ps -a:";           docker ps -a
log "docker network ls:";      docker network ls
log "docker volume ls:";       docker volume ls
log "docker images other than $BASE_IMAGE:"
docker images -f dangling=false --format '{{.ID}} {{.Repository}}:{{.Tag}} {{.CreatedSince}}' | grep -v "^$(docker images -q $BASE_IMAGE) " || echo "(none)"
log "docker images -a: $(docker images -aq | wc -l) in all, dangling <none>: $(docker images -q -f dangling=true | wc -l)"

# --- unlabelled leftovers: new since the start and not labelled dev.stagegate
echo
unl_containers=$(for c in $(new_since containers after); do
  [[ -z $(docker inspect -f "{{index .Config.Labels \"$L\"}}" "$c" 2>/dev/null) ]] && echo "$c"; done)
unl_exited=$(docker ps -aq --no-trunc -f status=exited | sort | comm -12 - <(echo "$unl_containers" | sort))
unl_images=$(for i in $(new_since images after); do
  [[ -z $(docker inspect -f "{{index .Config.Labels \"$L\"}}" "$i" 2>/dev/null) ]] && echo "$i"; done)
none_images=$(docker images -a -f dangling=true -q --no-trunc | sort -u | comm -12 - <(echo "$unl_images" | sort))
new_networks=$(new_since networks after | while read -r n; do [[ -z $(docker network inspect -f "{{index .Labels \"$L\"}}" "$n" 2>/dev/null) ]] && echo "$n"; done)
new_volumes=$(new_since volumes after | while read -r v; do [[ -z $(docker volume inspect -f "{{index .Labels \"$L\"}}" "$v" 2>/dev/null) ]] && echo "$v"; done)
# the gate's temp dir holds its compose override, which names the owner pid: only ours count
new_tmp=$(for d in $(new_since tmpdirs after); do
  for p in "${PIDS[@]}"; do grep -qs "$L.pid: \"$p\"" "$d"/*.yml && { echo "$d"; break; }; done; done)
log "unlabelled since start (engine-wide: other sessions build too): containers $(grep -c . <<<"$unl_containers") (exited $(grep -c . <<<"$unl_exited")), images $(grep -c . <<<"$unl_images") (<none> $(grep -c . <<<"$none_images")), networks $(grep -c . <<<"$new_networks"), volumes $(grep -c . <<<"$new_volumes")"
[[ -n $unl_containers ]] && docker ps -a --no-trunc | grep -F -f <(echo "$unl_containers") | cut -c1-160
log "temp dirs /tmp/stagegate-sg* left: $(grep -c . <<<"$new_tmp") $(echo $new_tmp | cut -c1-200)"

echo
echo "================ summary ================"
echo "runs:                 $RUNS (+1 final)"
echo "killed (SIGKILL):     $KILLED   ($(for k in "${!KILL_PHASE[@]}"; do echo -n "run $k: ${KILL_PHASE[$k]}; "; done))"
echo "passed:               $PASSED_RUNS of $RUNS; 'forked VM terminated without saying goodbye': $GOODBYE; other failures: $FAILED_OTHER"
echo "final run:            $([[ $final_rc == 0 ]] && echo PASS || echo "FAIL rc=$final_rc")"
echo "left by the killed runs (counted after each kill, swept by the next run's start):"
echo "                      containers ${LEFT_BY_KILLS[containers]}  networks ${LEFT_BY_KILLS[networks]}  volumes ${LEFT_BY_KILLS[volumes]}  images ${LEFT_BY_KILLS[images]}  (compose processes orphaned: $ORPHANS_SEEN)"
echo "leftovers before final run (ours, labelled): $before_final"
echo "leftovers after final run  (ours, labelled): $after_ours  (total $after_ours_total, must be 0)"
echo "check-leftovers.sh (anyone's label):         $([[ $check_rc == 0 ]] && echo 'none (exit 0)' || echo "FOUND (exit $check_rc)")"
echo "unlabelled, new since start (engine-wide):   containers $(grep -c . <<<"$unl_containers"), <none> images $(grep -c . <<<"$none_images"), networks $(grep -c . <<<"$new_networks"), volumes $(grep -c . <<<"$new_volumes")"
echo "temp dirs left in /tmp by our runs:          $(grep -c . <<<"$new_tmp")  (the compose override of each killed run; nothing sweeps them)"
echo "load after: $(uptime)"

# --- clean up what our runs left (only ours; never the base image or what existed before)
if [[ ${NO_CLEANUP:-0} != 1 ]]; then
  ours containers | xargs -r docker rm -fv >/dev/null 2>&1
  ours networks | xargs -r docker network rm >/dev/null 2>&1
  ours volumes | xargs -r docker volume rm >/dev/null 2>&1
  ours images | xargs -r docker rmi -f >/dev/null 2>&1
  # unlabelled ones cannot be told apart from other sessions' on a shared engine: opt in
  if [[ ${CLEAN_UNLABELLED:-0} == 1 ]]; then
    [[ -n $unl_exited ]] && xargs -r docker rm -v <<<"$unl_exited" >/dev/null 2>&1
    base=$(docker images -q --no-trunc $BASE_IMAGE)
    [[ -n $none_images ]] && grep -v "^$base$" <<<"$none_images" | xargs -r docker rmi >/dev/null 2>&1
  fi
  [[ -n $new_tmp ]] && xargs -r rm -rf <<<"$new_tmp"
  log "cleaned up what our runs left; labelled leftovers of ours now: $(count_ours)"
fi

[[ $after_ours_total -eq 0 && $final_rc -eq 0 ]]
