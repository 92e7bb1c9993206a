#!/usr/bin/env bash
# Run by `./mvnw verify` (pom.xml, after the jar is packaged): the Backstage plugin's `npm ci`, its unit and
# component tests (`npm test`: codegen, typecheck, Jest) and its end-to-end test (`npm run e2e`), when Node 20+ and
# npm are on the PATH; skipped with a message otherwise, unless GATEWAY_REQUIRE_NODE=1 (.ci/run sets it).
set -euo pipefail
cd "$(dirname "$0")"

skip() {
  if [ "${GATEWAY_REQUIRE_NODE:-}" = 1 ]; then
    echo "The Backstage plugin's tests cannot run: $1 GATEWAY_REQUIRE_NODE=1 requires them." >&2
    exit 1
  fi
  echo "SKIPPED the Backstage plugin's tests (backstage/): $1 Install Node.js 20 or later to run them."
  exit 0
}

command -v node >/dev/null 2>&1 || skip "node is not on the PATH."
command -v npm >/dev/null 2>&1 || skip "npm is not on the PATH."
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge 20 ] || skip "node $(node --version) is older than 20."

seconds() { date +%s; }
start=$(seconds); npm ci --prefer-offline --no-audit --no-fund; echo "backstage: npm ci took $(( $(seconds) - start )) s"
start=$(seconds); npm test; echo "backstage: npm test took $(( $(seconds) - start )) s"
# npm test generated the typed documents already: the end-to-end test runs without `npm run e2e`'s own codegen.
start=$(seconds); node --test --test-reporter=spec e2e/; echo "backstage: the end-to-end test took $(( $(seconds) - start )) s"
