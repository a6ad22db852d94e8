#!/usr/bin/env bash
# `npm start`: the desktop app through Electron Forge. Where the Electron binary is not installed
# (its download is blocked on some machines), say so and start the browser preview instead: the
# same renderer against the same main-side services, served on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if bash build/scripts/with-node.sh node -e "
  const fs = require('node:fs'), path = require('node:path');
  const dir = path.dirname(require.resolve('electron/package.json'));
  const rel = fs.existsSync(path.join(dir, 'path.txt')) ? fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim() : '';
  process.exit(rel && fs.existsSync(path.join(dir, 'dist', rel)) ? 0 : 1);"; then
  exec bash build/scripts/with-node.sh electron-forge start "$@"
fi
echo "start: the Electron binary is not installed here (node_modules/electron/dist is missing)." >&2
echo "start: starting the browser preview instead — same UI, same services; open the URL it prints." >&2
exec bash build/scripts/with-node.sh node --import tsx electron/web-host/main.ts "$@"
