#!/usr/bin/env bash
# The agents example's deploy flow, as a CI pipeline would run it: the burn-in's audit → approval
# → deploy checks → deploy of the approved images (no rebuild) → post-deploy watch (which checks
# every container runs its approved image ID) → record; then the watch must catch a stopped worker.
# The same steps as scripts/example-deploy-flow.sh (the busybox example), for the real stack
# (FastAPI, Celery, PostgreSQL, Redis).
#
#   bash scripts/agents-deploy-flow.sh
#   MVN_ARGS="-o -Dmaven.repo.local=/tmp/m2" bash scripts/agents-deploy-flow.sh   # extra Maven args
#
# What runs in production is exactly what the burn-in tested: the images it kept as
# agents/<service>:<commit>, named by target/approved-images.yml (ApprovalCli override) and started
# with up --no-build. The images carry the gate build's marker (staging); production's marker is
# given at deploy time by examples/agents/deploy/production.yml, which bind-mounts the marker the
# deploy checks allowed over the image's copy.
#
# "Production" is a compose project of its own on this engine (agents-production), next to the
# gate's throwaway projects. The refusals are part of the flow: an unapproved audit, one edited after
# approval, and a release stamped for staging must each block the deploy checks with their reason.
# Needs Docker, the base images (scripts/build-base-images.sh) and the PostgreSQL of
# scripts/postgres-setup.sh (the deployment_history table). CI shortens the post-deploy watch
# (FLOW_WATCH, default PT30S); the audit says so. Everything it deploys is torn down at the end, also
# on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
EX="$ROOT/examples/agents"
WATCH=${FLOW_WATCH:-PT30S}
PROJECT=agents-production
GATE_DIR="$EX/target/stagegate/burn-in"     # the burn-in's audit, the one a reviewer approves
PRE_DIR="$EX/target/stagegate-predeploy"    # the deploy checks' audit: the decision
DEPLOY_DIR="$EX/target/stagegate-deploy"    # the post-deploy watch's audit and the records
DRILL_DIR="$EX/target/stagegate-deploy-drill" # the watch over a broken production: must fail
AUDIT="$GATE_DIR/stability_audit.md"
PG_URL=${STAGEGATE_FLOW_PG_URL:-jdbc:postgresql://127.0.0.1:55432/stagegate}
export STAGEGATE_HISTORY_JDBC_PASSWORD=${STAGEGATE_HISTORY_JDBC_PASSWORD:-stagegate}
HEAD=$(git rev-parse HEAD)
# Extra arguments for every Maven run (unset: none), e.g. -o -Dmaven.repo.local=/tmp/m2
read -r -a MVN_EXTRA <<<"${MVN_ARGS:-}"
DEPLOY_FILES=(-f docker-compose.yml -f target/approved-images.yml -f deploy/production.yml)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# The example deploys the same SNAPSHOT from every commit and a version is tagged once: the tag this
# run makes is checked, then removed again at the end.
TAG="v$VERSION"

say() { printf '\n[agents-flow] %s\n' "$*"; }
die() { printf '[agents-flow] FAILED: %s\n' "$*" >&2; exit 1; }
mvn_q() { mvn -B -ntp -q ${MVN_EXTRA[@]+"${MVN_EXTRA[@]}"} "$@"; }
mvn_agents() { mvn_q -pl examples/agents "$@"; }
# One Maven run of the module's ITs, picked one at a time, each with its own report directory.
it() {
  local test=$1 dir=$2; shift 2
  mvn_agents verify -Dit.test="$test" -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dstagegate.report.dir="$dir" "$@"
}
# A step that must fail, with this reason in its failure (the failsafe report or Maven's output).
must_fail() {
  local reason=$1 test=$2 dir=$3; shift 3
  local out
  out=$(mktemp)
  if it "$test" "$dir" "$@" >"$out" 2>&1; then
    cat "$out"; die "$test passed but should have failed: $reason"
  fi
  if ! grep -rqF -- "$reason" "$EX/target/failsafe-reports" "$out"; then
    cat "$out"; die "$test failed, but not with: $reason"
  fi
  say "failed as it should: $(grep -rhoF -m1 -- "$reason" "$EX/target/failsafe-reports" "$out" | head -1)"
  rm -f "$out"
}
refused() { must_fail "$1" AgentsPreDeployIT target/stagegate-predeploy "${@:2}"; }
project_left() {
  {
    docker ps -aq --filter "label=com.docker.compose.project=$PROJECT"
    docker network ls -q --filter "label=com.docker.compose.project=$PROJECT"
    docker volume ls -q --filter "label=com.docker.compose.project=$PROJECT"
    docker images -q "$PROJECT-*"
  } | wc -l
}
if git rev-parse -q --verify "refs/tags/$TAG" >/dev/null; then
  die "tag $TAG exists already; this demo makes and removes its own: git tag -d $TAG"
fi
teardown() {
  # Nothing was built for production; the approved images stay (they carry their tags): a later
  # deploy of this audit, and a rollback to it, needs them.
  (cd "$EX" && docker compose -p "$PROJECT" down -v >/dev/null 2>&1) || true
  git tag -d "$TAG" >/dev/null 2>&1 || true
}
trap teardown EXIT

say "0. build the library (the module's steps run with -pl examples/agents)"
mvn_q install -DskipTests

if [[ ! -f "$AUDIT" ]] || ! grep -q "$(git rev-parse --short=12 HEAD)" "$AUDIT"; then
  say "1. the gate: the burn-in (shortened in CI) writes the audit"
  mvn_agents verify -Dit.test=AgentsBurnInIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
else
  say "1. the burn-in already ran on this commit (mvn verify): $AUDIT"
fi
VERDICT=$(sed -n 's/^\*\*Verdict: \([A-Z_]*\)\*\*$/\1/p' "$AUDIT" | head -1)
case "$VERDICT" in
  PASS | PASS_SHORTENED) ;;
  *) die "the burn-in's audit is $VERDICT, nothing to deploy: $AUDIT" ;;
esac
rm -f "$GATE_DIR/stability_audit.approval.json"
rm -rf "$PRE_DIR" "$DEPLOY_DIR" "$DRILL_DIR"

say "2. deploy checks before anyone approved: refused"
refused "Nobody approved"

if [[ "$VERDICT" == PASS ]]; then
  say "3. the reviewer approves the audit (binds reviewer, commit and SHA-256)"
  mvn_agents exec:exec@approve -Dstagegate.reviewer=flow-reviewer -Dstagegate.comment="agents flow in CI"
else
  # A shortened burn-in says PASS_SHORTENED, which a plain approval refuses: the reviewer accepts it
  # with a reason, which the approval, the deploy checks and the deploy record show as ⚠️ ACCEPTED.
  say "3a. the audit is $VERDICT: a plain approval is refused"
  if out=$(mvn_agents exec:exec@approve -Dstagegate.reviewer=flow-reviewer \
    -Dstagegate.comment="agents flow in CI" 2>&1); then
    printf '%s\n' "$out"; die "a $VERDICT audit was approved without a recorded reason"
  fi
  grep -qF -- "--accept" <<<"$out" || { printf '%s\n' "$out"; die "the refusal does not name --accept"; }
  say "refused as it should be: $(grep -oF -m1 "its verdict is $VERDICT" <<<"$out")"
  say "3b. the reviewer approves it accepting the shortened burn-in, with the reason recorded"
  mvn_agents exec:exec@approve-accepting -Dstagegate.reviewer=flow-reviewer \
    -Dstagegate.comment="agents flow in CI" \
    -Dstagegate.accept="burn-in shortened in CI: the agents stack watched 60 s of the 4 h requested"
  grep -q '"accepted": "burn-in shortened in CI' "$GATE_DIR/stability_audit.approval.json" \
    || die "the approval does not record why $VERDICT was accepted"
fi

say "4. the audit changes after approval: refused"
cp "$AUDIT" "$AUDIT.orig"
printf '\n<!-- edited after review -->\n' >>"$AUDIT"
refused "changed after it was approved"
mv "$AUDIT.orig" "$AUDIT"

# The deploy checks read the marker file (examples/agents/.deployment_marker): the one the deploy
# mounts into production (deploy/production.yml), so what they allow is what production reads.
say "5. the release is still stamped for staging (the gate's build): refused"
mvn_agents exec:exec@deployment-marker -Dagents.environment=staging
refused "built for another environment"

say "6. the release is stamped for production; deploy checks: allowed"
# every later Maven run passes pre-integration-test, which writes the marker again: for production
# (the containers keep the file they were started with)
PROD=-Dagents.environment=production
mvn_agents exec:exec@deployment-marker "$PROD"
grep -qF "$HEAD" "$EX/.deployment_marker" \
  || die "the marker does not name $HEAD: $EX/.deployment_marker"
it AgentsPreDeployIT target/stagegate-predeploy "$PROD" \
  || die "the deploy checks refused an approved audit (see $PRE_DIR)"
if [[ "$VERDICT" != PASS ]]; then
  grep -qF "| ⚠️ ACCEPTED | Audit approved and unchanged since |" "$PRE_DIR/stability_audit.md" \
    || die "the deploy decision does not show the accepted $VERDICT as ⚠️ ACCEPTED: $PRE_DIR"
fi

say "7. deploy the approved images without a rebuild: compose up --no-build --wait, as project $PROJECT"
# The approval binds the image IDs the burn-in tested; the override names the tags it kept them
# under (agents/<service>:<commit>), so compose runs exactly those images.
mvn_agents exec:exec@approved-images || die "no override of the approved images"
OVERRIDE="$EX/target/approved-images.yml"
sed 's/^/[agents-flow]   /' "$OVERRIDE"
# Every approved tag must still name the approved image (a re-run gate or a `docker tag` moves it).
IMAGES=
while read -r svc tag; do
  id=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null) \
    || die "the approved image $tag of $svc is not on this engine (a passing burn-in keeps it: stagegate.images.keep)"
  IMAGES+="$svc=$id,"
done < <(awk '/^  [a-z0-9_.-]+:$/ {svc=$1; sub(":", "", svc)} /^    image:/ {gsub(/"/, "", $2); print svc " " $2}' "$OVERRIDE")
[[ -n "$IMAGES" ]] || die "no image in $OVERRIDE"
mvn_agents exec:exec@check-images -Dstagegate.images="${IMAGES%,}" \
  || die "the images tagged for the deploy are not the approved ones: $IMAGES"
say "the tags name the approved images: ${IMAGES%,}"
# the flow's own refusal: another image under an approved name is not deployed
OTHER=$(docker image inspect -f '{{.Id}}' stagegate/python-base:bookworm)
FIRST=${IMAGES%%,*}
if out=$(mvn_agents exec:exec@check-images -Dstagegate.images="${FIRST%%=*}=$OTHER" 2>&1); then
  die "an image other than the approved one was allowed for ${FIRST%%=*}"
fi
grep -qF "to deploy the approved image" <<<"$out" || { printf '%s\n' "$out"; die "the image refusal does not say why"; }
say "refused as it should be: another image for ${FIRST%%=*}"
# production's marker at deploy time: deploy/production.yml mounts the file the deploy checks allowed
grep -qE '"environment" *: *"production"' "$EX/.deployment_marker" \
  || die "the marker to mount does not name production: $EX/.deployment_marker"
start=$(date +%s)
(cd "$EX" && docker compose -p "$PROJECT" "${DEPLOY_FILES[@]}" up -d --no-build --wait --wait-timeout 180 >/dev/null) \
  || die "production did not come up healthy: (cd $EX && docker compose -p $PROJECT ps -a)"
say "production healthy in $(( $(date +%s) - start )) s"
# found by compose's labels, never by its name
API=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=api" | head -1)
PORT=$(docker port "$API" 8000 | head -1 | sed 's/.*://')
# hooks get 30 s: right after the deploy, HeartbeatsRecorded waits for beat's first heartbeat
WATCH_ARGS=("$PROD" -Dstagegate.deploy.docker-host=unix:///var/run/docker.sock
  -Dstagegate.deploy.hook.timeout=PT30S
  -Dstagegate.deploy.base-url="http://127.0.0.1:$PORT"
  -Dstagegate.deploy.watch.duration="$WATCH"
  -Dstagegate.approval.audit=target/stagegate/burn-in/stability_audit.md)

say "8. post-deploy watch ($WATCH, shortened): /health db_ready, the marker, the worker, its heartbeats"
it AgentsPostDeployIT target/stagegate-deploy "${WATCH_ARGS[@]}" \
  -Dstagegate.deploy.pre-check-audit=target/stagegate-predeploy/stability_audit.md \
  -Dstagegate.history.jdbc-url="$PG_URL" -Dstagegate.history.jdbc-user=stagegate \
  -Dstagegate.history.tag=true \
  || die "the post-deploy watch failed (see $DEPLOY_DIR/stability_audit.md)"
grep -qF "| ✅ DONE | Deployed images are the approved ones |" "$DEPLOY_DIR/stability_audit.md" \
  || die "the post-deploy watch did not prove the approved images run: $DEPLOY_DIR/stability_audit.md"
say "every container runs its approved image (post-deploy watch, by image ID)"

say "9. the deployment is recorded in every format"
grep -q "\"commit\":\"$HEAD\"" "$DEPLOY_DIR/deployments.jsonl" || die "no JSON Lines entry for $HEAD"
grep -q '"images":\[{"service"' "$DEPLOY_DIR/deployments.jsonl" || die "the deployment record has no image IDs"
grep -q "^Commit: ${HEAD:0:7}" "$DEPLOY_DIR/deployments.log" || die "no text block for $HEAD"
rows=$(PGPASSWORD="$STAGEGATE_HISTORY_JDBC_PASSWORD" psql -h 127.0.0.1 -p 55432 -U stagegate -d stagegate -XtAqc \
  "select count(*) from deployment_history where commit = '$HEAD' and status = 'SUCCESS'")
[[ "$rows" -ge 1 ]] || die "no deployment_history row for $HEAD"
[[ "$(git rev-parse "$TAG^{commit}" 2>/dev/null)" == "$HEAD" ]] || die "no tag $TAG on $HEAD"
if [[ "$VERDICT" != PASS ]]; then
  grep -qF "| ⚠️ ACCEPTED | Audit approved and unchanged since |" "$DEPLOY_DIR/stability_audit.md" \
    || die "the deploy record does not show the accepted $VERDICT as ⚠️ ACCEPTED: $DEPLOY_DIR"
fi
say "recorded: deployments.jsonl, deployments.log, deployment_history ($rows row(s)), tag $TAG"

say "10. the worker is stopped in production before a watch: the watch must fail and name it"
# The watch judges exits during the watch only (an earlier exit is the target's history), so
# here it is the team's hook that must catch a worker that is not running.
WORKER=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=worker" | head -1)
docker stop "$WORKER" >/dev/null
must_fail 'Post-deploy hook "worker answers a ping" failed' AgentsPostDeployIT \
  target/stagegate-deploy-drill "${WATCH_ARGS[@]}"
grep -qF "is not running" "$DRILL_DIR/stability_audit.md" \
  || die "the watch's audit does not say the worker is not running: $DRILL_DIR/stability_audit.md"

teardown
left=$(project_left)
[[ "$left" -eq 0 ]] || die "$left container(s), network(s), volume(s) or image(s) of $PROJECT are left"
say "done: audit $AUDIT, deploy decision $PRE_DIR/stability_audit.md, deploy record $DEPLOY_DIR/stability_audit.md; nothing of $PROJECT is left"
