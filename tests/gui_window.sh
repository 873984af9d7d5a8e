#!/usr/bin/env bash
# A real window under Xvfb: procsim gui opens it and draws the diagram, a
# screenshot of the X screen shows it (many colours, not a blank screen),
# and SIGTERM closes it cleanly.  Usage: gui_window.sh PROCSIM SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
for tool in xvfb-run import identify; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: run tools/install-deps"; exit 1; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$src"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$1" gui scenarios/tour.yaml & p=$!
  sleep 4
  import -window root "$2/shot.png"
  kill -TERM "$p"
  wait "$p"' _ "$bin" "$dir"
colours=$(identify -format %k "$dir/shot.png")
echo "window screenshot: $colours colours"
[ "$colours" -gt 100 ] || { echo "the screen looks blank"; exit 1; }
[ -n "${PROCSIM_KEEP_SHOT:-}" ] && cp "$dir/shot.png" "$PROCSIM_KEEP_SHOT"
exit 0
