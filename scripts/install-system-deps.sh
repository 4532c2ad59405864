#!/usr/bin/env bash
# Debian packages the tests need: nginx (the nginx -t agreement test), chromium and kerberos
# headers (the VS Code integration tests run code-server in headless Chromium), pre-commit and
# nodeenv (the pre-commit hook test; Debian's pre-commit runs under /usr/bin/python3, which must
# import nodeenv for `language: node` hooks).
set -euo pipefail
need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
dpkg -s pre-commit >/dev/null 2>&1 || need+=(pre-commit)
dpkg -s nodeenv >/dev/null 2>&1 || need+=(nodeenv)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
