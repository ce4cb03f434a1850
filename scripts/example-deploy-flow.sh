#!/usr/bin/env bash
# The example's whole deploy flow, step by step, as a CI pipeline would run it (docs/deploy-flow.md):
# gate → audit → approval → deploy checks → deploy of the approved images (no rebuild)
# → post-deploy watch (which checks every container runs its approved image ID) → record.
#
#   bash scripts/example-deploy-flow.sh
#
# It also proves the refusals: an unapproved audit, a tampered one and a blocked deploy window must
# block the deploy checks with their reason; the override that lets the deploy through is recorded. Needs Docker (scripts/docker-setup.sh) and the PostgreSQL of
# scripts/postgres-setup.sh. CI shortens the post-deploy watch (FLOW_WATCH, default PT30S); the
# audit says so. Everything it deploys is torn down at the end, also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
EX="$ROOT/examples"
WATCH=${FLOW_WATCH:-PT30S}
# the deployed project (examples' stagegate.deploy.project); FLOW_PROJECT runs a second flow beside it
PROJECT=${FLOW_PROJECT:-agents-staging}
GATE_DIR="$EX/target/stagegate"          # the gate's audit, the one a reviewer approves
PRE_DIR="$EX/target/stagegate-predeploy" # the deploy checks' audit: the decision, any override
DEPLOY_DIR="$EX/target/stagegate-deploy" # the post-deploy watch's audit and the records
AUDIT="$GATE_DIR/stability_audit.md"
PG_URL=${STAGEGATE_FLOW_PG_URL:-jdbc:postgresql://127.0.0.1:55432/stagegate}
export STAGEGATE_HISTORY_JDBC_PASSWORD=${STAGEGATE_HISTORY_JDBC_PASSWORD:-stagegate}
HEAD=$(git rev-parse HEAD)
# the project version (the first <version> of the root POM), which the marker and the tag carry
VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# The example deploys the same SNAPSHOT from every commit, and a version is tagged once: the tag
# this run makes is checked, then removed again at the end.
TAG="v$VERSION"

say() { printf '\n[flow] %s\n' "$*"; }
die() { printf '[flow] FAILED: %s\n' "$*" >&2; exit 1; }
# One Maven run of the examples' ITs: the deploy steps are excluded from the gate run and picked
# here one at a time, each with its own report directory (the approved audit stays untouched).
it() {
  local test=$1 dir=$2; shift 2
  mvn -B -ntp -q -pl examples verify -Dit.test="$test" -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dstagegate.report.dir="$dir" "$@"
}
# A deploy step that must be refused, with this reason in its failure.
refused() {
  local reason=$1; shift
  local out
  out=$(mktemp)
  if it PreDeployIT target/stagegate-predeploy "$@" >"$out" 2>&1; then
    cat "$out"; die "the deploy checks passed but should have refused: $reason"
  fi
  if ! grep -rqF -- "$reason" "$EX/target/failsafe-reports" "$out"; then
    cat "$out"; die "the deploy checks failed, but not with: $reason"
  fi
  say "refused as it should be: $(grep -rhoF -m1 -- "$reason" "$EX/target/failsafe-reports" | head -1)"
  rm -f "$out"
}
if git rev-parse -q --verify "refs/tags/$TAG" >/dev/null; then
  die "tag $TAG exists already; this demo makes and removes its own: git tag -d $TAG"
fi
teardown() {
  # The approved images stay (they carry their tags): a later deploy of this audit needs them.
  (cd "$EX" && docker compose -p "$PROJECT" down -v >/dev/null 2>&1) || true
  git tag -d "$TAG" >/dev/null 2>&1 || true
}
trap teardown EXIT

say "0. build the library (the examples' steps run with -pl examples)"
mvn -B -ntp -q install -DskipTests

if [[ ! -f "$AUDIT" ]] || ! grep -q "$(git rev-parse --short=12 HEAD)" "$AUDIT"; then
  say "1. the gate: smoke, burn-in and rollback drill write the audit"
  mvn -B -ntp -q -pl examples verify
else
  say "1. the gate already ran on this commit (mvn verify): $AUDIT"
fi
VERDICT=$(sed -n 's/^\*\*Verdict: \([A-Z_]*\)\*\*$/\1/p' "$AUDIT" | head -1)
case "$VERDICT" in
  PASS | PASS_SHORTENED) ;;
  *) die "the gate's audit is $VERDICT, nothing to deploy: $AUDIT" ;;
esac
rm -f "$GATE_DIR/stability_audit.approval.json"
rm -rf "$PRE_DIR" "$DEPLOY_DIR"

say "2. deploy checks before anyone approved: refused"
refused "Nobody approved"

if [[ "$VERDICT" == PASS ]]; then
  say "3. the reviewer approves the audit (binds reviewer, commit and SHA-256)"
  mvn -B -ntp -q -pl examples exec:exec@approve -Dstagegate.reviewer=flow-reviewer \
    -Dstagegate.comment="example flow in CI"
else
  # CI shortens the burn-in (examples' stagegate.burnin.duration): the audit says PASS_SHORTENED,
  # which a plain approval refuses. The flow shows the refusal, then accepts it with its reason,
  # which the approval, the deploy checks and the deploy record show as ⚠️ ACCEPTED.
  say "3a. the audit is $VERDICT: a plain approval is refused"
  if out=$(mvn -B -ntp -q -pl examples exec:exec@approve -Dstagegate.reviewer=flow-reviewer \
    -Dstagegate.comment="example flow in CI" 2>&1); then
    printf '%s\n' "$out"; die "a $VERDICT audit was approved without a recorded reason"
  fi
  grep -qF -- "--accept" <<<"$out" || { printf '%s\n' "$out"; die "the refusal does not name --accept"; }
  say "refused as it should be: $(grep -oF -m1 "its verdict is $VERDICT" <<<"$out")"
  say "3b. the reviewer approves it accepting the shortened burn-in, with the reason recorded"
  mvn -B -ntp -q -pl examples exec:exec@approve-accepting -Dstagegate.reviewer=flow-reviewer \
    -Dstagegate.comment="example flow in CI" \
    -Dstagegate.accept="burn-in shortened in CI: the example watches 90 s of the 4 h requested"
  grep -q '"accepted": "burn-in shortened in CI' "$GATE_DIR/stability_audit.approval.json" \
    || die "the approval does not record why $VERDICT was accepted"
fi

say "4. the audit changes after approval: refused"
cp "$AUDIT" "$AUDIT.orig"
printf '\n<!-- edited after review -->\n' >>"$AUDIT"
refused "changed after it was approved"
mv "$AUDIT.orig" "$AUDIT"

say "5. deploy checks inside a blocked deploy window (all day here): refused"
WINDOW=(-Dstagegate.policy.blocked-window=00:00-24:00 -Dstagegate.policy.require-rollback-drill=true)
refused "inside the blocked deploy window" "${WINDOW[@]}"

say "6. deploy checks with the approved, unchanged audit, its rollback drill and a recorded override: allowed"
it PreDeployIT target/stagegate-predeploy "${WINDOW[@]}" \
  -Dstagegate.policy.override-reason="example flow in CI: the window is all day" \
  || die "the deploy checks refused an approved audit (see $PRE_DIR)"
grep -q "overridden at .*example flow in CI" "$PRE_DIR/stability_audit.md" \
  || die "the override is not recorded in $PRE_DIR/stability_audit.md"
if [[ "$VERDICT" != PASS ]]; then
  grep -qF "| ⚠️ ACCEPTED | Audit approved and unchanged since |" "$PRE_DIR/stability_audit.md" \
    || die "the deploy record does not show the accepted $VERDICT as ⚠️ ACCEPTED: $PRE_DIR"
  say "the deploy record shows it: $(grep -oF -m1 "⚠️ ACCEPTED | Audit approved" "$PRE_DIR/stability_audit.md")"
fi

say "7. deploy the approved images without a rebuild: compose up --no-build, as project $PROJECT"
# The approval binds the image IDs the gate tested; the override names the tags the gate kept them
# under (<compose project>/<service>:<commit>), so compose runs exactly those images.
mvn -B -ntp -q -pl examples exec:exec@approved-images || die "no override of the approved images"
OVERRIDE="$EX/target/approved-images.yml"
sed 's/^/[flow]   /' "$OVERRIDE"
# Every approved tag must still name the approved image (a re-run gate or a `docker tag` moves it).
IMAGES=$(awk '/^  [a-z0-9_.-]+:$/ {svc=$1; sub(":", "", svc)} /^    image:/ {print svc " " $2}' "$OVERRIDE" \
  | while read -r svc tag; do printf '%s=%s,' "$svc" "$(docker image inspect -f '{{.Id}}' "$tag")"; done)
mvn -B -ntp -q -pl examples exec:exec@check-images -Dstagegate.images="${IMAGES%,}" \
  || die "the images tagged for the deploy are not the approved ones: $IMAGES"
say "the tags name the approved images: ${IMAGES%,}"
# the flow's own refusal: another image under an approved name is not deployed
OTHER=$(docker image inspect -f '{{.Id}}' stagegate/busybox-base:1)
FIRST=${IMAGES%%,*}
if out=$(mvn -B -ntp -q -pl examples exec:exec@check-images -Dstagegate.images="${FIRST%%=*}=$OTHER" 2>&1); then
  die "an image other than the approved one was allowed for ${FIRST%%=*}"
fi
grep -qF "to deploy the approved image" <<<"$out" || { printf '%s\n' "$out"; die "the image refusal does not say why"; }
say "refused as it should be: another image for ${FIRST%%=*}"
(cd "$EX" && docker compose -p "$PROJECT" -f docker-compose.yml -f "$OVERRIDE" up -d --no-build >/dev/null)
# found by compose's labels, never by its name (v2 names it <project>-api-1, v1 <project>_api_1)
API=$(docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=api" | head -1)
PORT=$(docker port "$API" 8000 | head -1 | sed 's/.*://')

say "8. post-deploy watch ($WATCH, shortened) and the deployment record"
it PostDeployIT target/stagegate-deploy \
  -Dstagegate.deploy.docker-host=unix:///var/run/docker.sock -Dstagegate.deploy.project="$PROJECT" \
  -Dstagegate.deploy.base-url="http://127.0.0.1:$PORT" \
  -Dstagegate.deploy.watch.duration="$WATCH" \
  -Dstagegate.approval.audit=target/stagegate/stability_audit.md \
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
  if grep -qF "| ✅ DONE | Audit approved" "$DEPLOY_DIR/stability_audit.md"; then
    die "the deploy record shows an accepted $VERDICT as ✅ DONE: $DEPLOY_DIR"
  fi
fi
say "10. the deploy record carries the seed's DEPLOYMENT block and checklists"
RECORD="$DEPLOY_DIR/stability_audit.md"
# the last block of deployments.log, as the record must show it (between its text fences)
BLOCK=$(awk '/^\[[0-9-]+ [0-9:]+\] DEPLOYMENT$/{b=""} {b=b $0 "\n"} /^Rollback: /{last=b} END{printf "%s", last}' "$DEPLOY_DIR/deployments.log")
[[ -n "$BLOCK" ]] || die "no DEPLOYMENT block in $DEPLOY_DIR/deployments.log"
SHOWN=$(awk '/^## Deployment$/{d=1} d&&/^```text$/{f=1; next} f&&/^```$/{exit} f{print}' "$RECORD")
[[ "$SHOWN"$'\n' == "$(printf '%b' "$BLOCK")"$'\n' ]] \
  || die "the deploy record's DEPLOYMENT block differs from deployments.log's: $RECORD"
# items one after the other with the same state and evidence share a row (each still named)
for row in \
  "✅ DONE|Migrations applied" \
  "✅ DONE|Background workers started" \
  "✅ DONE|Configuration loaded" \
  "✅ DONE|Database reachable" \
  "✅ DONE|Health checks pass" \
  "✅ DONE|Database migrations tested in staging" \
  "⚠️ ACCEPTED|Outside the blocked deploy window" \
  "✋ MANUAL|Payment processing works"; do
  state=${row%%|*} item=${row#*|}
  grep -F -- "| $state | " "$RECORD" | grep -qF -- "$item" \
    || die "the deploy record has no $state row for \"$item\": $RECORD"
done
grep -qE '^\| (✅ DONE|❌ FAILED) \| Tests passing \| [0-9]+ tests?, ' "$RECORD" \
  || die "the deploy record's \"Tests passing\" is not read from the Surefire/Failsafe reports: $RECORD"
for title in "Pre-deployment" "During deployment" "Post-deployment: system-facing" "Post-deployment: user-facing"; do
  grep -qxF "### $title" "$RECORD" || die "the deploy record has no checklist \"$title\": $RECORD"
done
if grep -qF "| ✅ DONE | Outside the blocked deploy window" "$RECORD"; then
  die "the deploy record shows the window override as ✅ DONE: $RECORD"
fi
if grep -qE '^- Compose file: `(unix|tcp|ssh)://' "$RECORD"; then
  die "the deploy record calls the Docker host a compose file: $RECORD"
fi
say "the deploy record shows: $(grep -m1 '] DEPLOYMENT$' "$RECORD"), $(grep -c '^| ✅ DONE |' "$RECORD") done, $(grep -c '^| ⚠️ ACCEPTED |' "$RECORD") accepted, $(grep -c '^| ✋ MANUAL |' "$RECORD") manual, $(grep -c '^| ❌ FAILED |' "$RECORD") failed"
say "recorded: deployments.jsonl, deployments.log, deployment_history ($rows row(s)), tag $TAG"
sed -n '/DEPLOYMENT/,/^Rollback/p' "$DEPLOY_DIR/deployments.log" | tail -9
say "done: audit $AUDIT, deploy decision $PRE_DIR/stability_audit.md, deploy record $DEPLOY_DIR/stability_audit.md"
