#!/usr/bin/env bash
# installed.sh BUILD_DIR WITH_PNGS — `cmake --install` puts data/'s files
# where desktops and shells look for them (share/applications, the hicolor
# icon theme, share/metainfo, bash-completion's and zsh's folders), and the
# desktop entry's Icon= and the metainfo's launchable name installed files.
# The prefix is removed whatever happens.
set -euo pipefail
build=$1 with_pngs=$2
prefix=$(mktemp -d "${TMPDIR:-/tmp}/procsim-data-XXXXXX")
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
fail() { echo "installed data: $*" >&2; exit 1; }
id=io.github.procsim.Procsim
s=$prefix/share
files=(applications/$id.desktop metainfo/$id.metainfo.xml
       icons/hicolor/scalable/apps/$id.svg
       bash-completion/completions/procsim zsh/vendor-completions/_procsim)
if [ "$with_pngs" = 1 ]; then
  for n in 16 24 32 48 64 128 256; do files+=("icons/hicolor/${n}x$n/apps/$id.png"); done
fi
for f in "${files[@]}"; do
  [ -f "$s/$f" ] || fail "share/$f is not installed"
done
icon=$(sed -n 's/^Icon=//p' "$s/applications/$id.desktop")
[ -f "$s/icons/hicolor/scalable/apps/$icon.svg" ] || fail "Icon=$icon names no installed icon"
launch=$(sed -n 's:.*<launchable type="desktop-id">\(.*\)</launchable>.*:\1:p' "$s/metainfo/$id.metainfo.xml")
[ -f "$s/applications/$launch" ] || fail "the metainfo launches $launch, which is not installed"
echo "installed data: ${#files[@]} files in place"
