#!/usr/bin/env bash
# The test tools that come from Debian rather than npm: Chromium for browser tests (never a
# downloaded browser build) and xmllint for validating SEN2 exports against the XSD.
# Installs whatever is missing; does nothing when both are present.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing test tools: install them with 'sudo apt-get install -y ${missing[*]}'." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
