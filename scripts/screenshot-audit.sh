#!/usr/bin/env bash
# Renders an audit's Markdown as GitHub shows it (CommonMark with GFM tables through commonmark-java,
# <details> folded, Mermaid charts drawn by the real mermaid package of scripts/mermaid-check) in
# headless Chromium (Debian's `chromium` package) and writes a PNG of its first screen.
#
#   bash scripts/screenshot-audit.sh AUDIT.md OUT.png
#
# The screen is 1280 x 1400 CSS pixels; set SCREEN_WIDTH / SCREEN_HEIGHT for another. Needs Java 17
# and Maven (commonmark-java comes from the build's own dependencies, offline when cached). Installs
# chromium and a colour emoji font (fonts-noto-color-emoji) with apt-get (as root) and mermaid with
# npm ci when missing, as check-mermaid-charts.sh does.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: bash scripts/screenshot-audit.sh AUDIT.md OUT.png" >&2
  exit 2
fi
audit=$(realpath "$1")
out=$(realpath -m "$2")
[[ -f $audit ]] || { echo "screenshot-audit: no such file: $1 (give the audit's .md, e.g. target/stagegate/stability_audit.md)" >&2; exit 2; }
[[ -d $(dirname "$out") ]] || { echo "screenshot-audit: the directory of $2 does not exist; create it first" >&2; exit 2; }
width=${SCREEN_WIDTH:-1280}
height=${SCREEN_HEIGHT:-1400}
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "screenshot-audit: chromium is missing; install Debian's package: apt-get install chromium" >&2
    exit 2
  fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# The checklists' states are emoji (✅ ❌ ✋ ⚠️): without a colour emoji font they are empty boxes.
if command -v fc-list >/dev/null 2>&1 && ! fc-list | grep -qi 'color emoji'; then
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null
  else
    echo "screenshot-audit: no colour emoji font; the checklist states will show as boxes (apt-get install fonts-noto-color-emoji)" >&2
  fi
fi
if [[ ! -f scripts/mermaid-check/node_modules/mermaid/dist/mermaid.min.js ]]; then
  (cd scripts/mermaid-check && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# commonmark-java and its tables extension, as gate-report's tests use them (offline if cached).
mvn -q -B -pl gate-report dependency:build-classpath \
  -Dmdep.includeArtifactIds=commonmark,commonmark-ext-gfm-tables \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null \
  || mvn -q -o -B -pl gate-report dependency:build-classpath \
    -Dmdep.includeArtifactIds=commonmark,commonmark-ext-gfm-tables \
    -Dmdep.outputFile="$work/cp.txt" >/dev/null
java -cp "$(cat "$work/cp.txt")" scripts/screenshot/AuditPage.java "$audit" \
  "file://$PWD/scripts/mermaid-check/node_modules/mermaid/dist/mermaid.min.js" "$work/page.html"
# The virtual time budget lets mermaid finish before the shot; no network is needed or used.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --disable-background-networking --disable-component-update --disable-sync --no-first-run \
  --user-data-dir="$work/profile" --allow-file-access-from-files \
  --window-size="$width,$height" --virtual-time-budget=30000 \
  --screenshot="$out" "file://$work/page.html" >/dev/null 2>"$work/chromium.log" || {
  echo "screenshot-audit: chromium failed:" >&2
  tail -5 "$work/chromium.log" >&2
  exit 1
}
[[ -s $out ]] || { echo "screenshot-audit: chromium wrote no PNG ($out)" >&2; tail -5 "$work/chromium.log" >&2; exit 1; }
echo "screenshot-audit: $out (${width}x${height}, first screen of $1)"
