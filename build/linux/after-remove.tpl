#!/bin/sh
# Roledeck's post-remove script for electron-builder's Linux packages: `linux.afterRemove` in
# build/electron-builder.yml, the counterpart of after-install.tpl (same template rules: macros
# only inside '...', shell variables as $NAME, POSIX sh, ROLEDECK_TEST_ROOT only for the tests).

ROOT="${ROLEDECK_TEST_ROOT:-}"
INSTALL_DIR="$ROOT"'/opt/${sanitizedProductName}'
LINK="$ROOT"'/usr/bin/${executable}'
PROFILE="$ROOT"'/etc/apparmor.d/${executable}'

# An upgrade keeps both: dpkg runs the new version's postinst after this (it links again), and rpm
# runs this *after* the new version's %post, with $1 = the number of versions left installed.
case "$1" in
  upgrade | failed-upgrade | abort-upgrade) exit 0 ;;
esac
if [ "$1" -ge 1 ] 2>/dev/null; then
  exit 0
fi

# Only our own link goes: one pointing anywhere else was made by someone else, on purpose.
if [ -L "$LINK" ]; then
  case "$(readlink "$LINK")" in
    "$INSTALL_DIR"/*) rm -f "$LINK" ;;
  esac
fi

if [ -f "$PROFILE" ]; then
  # Unload before deleting, or the policy stays in force until the next boot; not in a chroot.
  if apparmor_status --enabled >/dev/null 2>&1 && ! { command -v ischroot >/dev/null 2>&1 && ischroot; }; then
    apparmor_parser --remove "$PROFILE" || true
  fi
  rm -f "$PROFILE"
fi

exit 0
