#!/bin/sh
# Roledeck's post-install script for electron-builder's Linux packages (deb, and rpm when built):
# `linux.afterInstall` in build/electron-builder.yml. It replaces electron-builder's default
# (app-builder-lib/templates/linux/after-install.tpl), which links /usr/bin/<executable> to the
# app, so `roledeck console acme` in a terminal would start the GUI instead of the CLI.
#
# Template rules (app-builder-lib's FpmTarget.writeConfigFile): a dollar sign with a name of
# letters only in braces is a macro, even in a comment, and an unknown one fails the build; so shell
# variables here are written $NAME. The product name and executable macros arrive escaped for
# single quotes: they appear only inside '...'.
# dpkg and rpm run this with /bin/sh (dash on Debian): POSIX sh only.
#
# ROLEDECK_TEST_ROOT prefixes every path the package owns; unset on a real install. The tests in
# test/unit/build/ point it at a temporary root.

ROOT="${ROLEDECK_TEST_ROOT:-}"
INSTALL_DIR="$ROOT"'/opt/${sanitizedProductName}'
LINK="$ROOT"'/usr/bin/${executable}'
APP="$INSTALL_DIR"'/${executable}'
# build/scripts/build-cli-sea.mjs's single executable, shipped by forge.config.ts when it was built.
CLI="$INSTALL_DIR/resources/cli/roledeck"

# In a terminal the command is the CLI; the menu entry starts the app by its full path.
if [ -x "$CLI" ]; then
  COMMAND="$CLI"
else
  COMMAND="$APP"
fi
if [ -e "$LINK" ] && [ ! -L "$LINK" ]; then
  # Not a link, so not one of ours (another package or a hand install): leave it.
  echo "Roledeck: $LINK is a file, not a link, so it was left as it is. Run $COMMAND by its full path, or remove $LINK and reinstall Roledeck." >&2
else
  # A link from an earlier version (or the update-alternatives link of electron-builder's default
  # script) is replaced. rm first: ln -sf would write into the target if it were a directory.
  rm -f "$LINK"
  if ! ln -s "$COMMAND" "$LINK"; then
    echo "Roledeck: could not link $LINK to $COMMAND. Fix what the error above names, then run dpkg --configure -a (or reinstall Roledeck)." >&2
    exit 1
  fi
fi

# Chromium's setuid sandbox helper: only where the kernel refuses unprivileged user namespaces,
# as electron-builder's default script decides (electron-builder #5371, #8440).
SANDBOX="$INSTALL_DIR/chrome-sandbox"
if [ -f "$SANDBOX" ]; then
  if [ -L /proc/self/ns/user ] && unshare --user true >/dev/null 2>&1; then
    chmod 0755 "$SANDBOX" || true
  else
    chmod 4755 "$SANDBOX" || true
  fi
fi

if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$ROOT/usr/share/mime" || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$ROOT/usr/share/applications" || true
fi

# Ubuntu 24.04+ restricts unprivileged user namespaces through AppArmor; electron-builder ships a
# profile that allows them for the app (resources/apparmor-profile, electron-builder #8635). Older
# AppArmor cannot parse it (abi/4.0): then it is skipped, and the app runs without it there.
PROFILE_SOURCE="$INSTALL_DIR/resources/apparmor-profile"
PROFILE_TARGET="$ROOT"'/etc/apparmor.d/${executable}'
if [ -f "$PROFILE_SOURCE" ] && apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$PROFILE_SOURCE" >/dev/null 2>&1; then
    cp -f "$PROFILE_SOURCE" "$PROFILE_TARGET"
    # Loading into the running kernel means nothing inside a chroot (image builds).
    if ! { command -v ischroot >/dev/null 2>&1 && ischroot; }; then
      # -W -T as dh_apparmor does, so updated abstractions are picked up too.
      apparmor_parser --replace --write-cache --skip-read-cache "$PROFILE_TARGET" || true
    fi
  else
    echo "Roledeck: this AppArmor cannot read the bundled profile, so it was not installed. Nothing to do unless the app fails to start; then upgrade AppArmor and reinstall Roledeck." >&2
  fi
fi

exit 0
