#!/usr/bin/env bash
# Runs the example service's staging gate on this machine, installing Docker first if needed.
# The audit lands in examples/target/stagegate/stability_audit.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/docker-setup.sh
mvn -B -ntp -q install -DskipTests
mvn -B -ntp -pl examples verify
echo "Audit: $(pwd)/examples/target/stagegate/stability_audit.md"
