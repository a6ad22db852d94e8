#!/usr/bin/env bash
# The whole test suite: `npm test`. It installs what a fresh machine lacks, starts its own real
# components (a private Secret Service keyring, moto, Chromium), ends every process it started,
# and closes with one line `N passed, N failed, N skipped` for every tier together. Exit status is
# non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# System packages the suite drives for real (see README "System packages").
declare -A need=(
  [chromium]=chromium [dbus-run-session]=dbus-daemon [gnome-keyring-daemon]=gnome-keyring
  [gdbus]=libglib2.0-bin [zsh]=zsh [fish]=fish [dash]=dash [xvfb-run]=xvfb [Xvfb]=xvfb [tmux]=tmux [xclip]=xclip
)
missing=()
for tool in "${!need[@]}"; do command -v "$tool" >/dev/null 2>&1 || missing+=("${need[$tool]}"); done
[ -x /usr/bin/aws ] || missing+=(awscli)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing system packages: ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "test: missing system packages: ${missing[*]} — install them (sudo apt-get install ${missing[*]}) and run again" >&2
    exit 2
  fi
fi

# The runner starts a private keyring session for each tier that needs one (and ends it with the tier).
exec bash build/scripts/with-node.sh node test/tooling/run-suite.mjs "$@"
