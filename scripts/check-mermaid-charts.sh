#!/usr/bin/env bash
# Renders every Mermaid chart of the given Markdown files (default: the sample audit) with the real
# `mermaid` npm package (pinned in scripts/mermaid-check/package-lock.json) in headless Chromium
# (Debian's `chromium` package), and fails on a parse or render error or on a line drawn at fewer
# distinct x positions than it has values (Mermaid's band scale merges duplicate x labels).
#
#   bash scripts/check-mermaid-charts.sh [FILE.md ...]
#
# Installs what it needs when missing: chromium with apt-get (as root), mermaid with npm ci.
# Exit status 0 when every chart renders with every point at its own x.
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=(docs/sample-stability_audit.md)

if ! command -v chromium >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "check-mermaid-charts: chromium is missing; install Debian's package: apt-get install chromium" >&2
    exit 2
  fi
  echo "[mermaid] installing chromium (Debian package)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [[ ! -f scripts/mermaid-check/node_modules/mermaid/dist/mermaid.min.js ]]; then
  echo "[mermaid] installing the mermaid package (npm ci)"
  (cd scripts/mermaid-check && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "[mermaid] $(chromium --version 2>/dev/null | head -1), mermaid $(node -p "require('./scripts/mermaid-check/node_modules/mermaid/package.json').version")"
exec node scripts/mermaid-check/check-charts.mjs "${files[@]}"
