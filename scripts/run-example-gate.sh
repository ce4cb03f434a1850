#!/usr/bin/env bash
# Runs the example services' staging gates on this machine, installing Docker first if needed:
# the busybox example (examples) and the real agents stack (examples/agents: FastAPI, Celery,
# PostgreSQL, Redis from Debian's packages; its base images are built once and cached).
# The audits land in examples/target/stagegate/ and examples/agents/target/stagegate/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/docker-setup.sh
bash scripts/build-base-images.sh
mvn -B -ntp -q install -DskipTests
mvn -B -ntp -pl examples,examples/agents verify
echo "Audit: $(pwd)/examples/target/stagegate/stability_audit.md"
echo "Audit: $(pwd)/examples/agents/target/stagegate/stability_audit.md"
