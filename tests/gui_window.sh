#!/usr/bin/env bash
# A real window under Xvfb: procsim gui opens it and draws the diagram, a
# screenshot of the X screen shows it (many colours, not a blank screen);
# the keyboard and the mouse work (P saves a screenshot, and so does a
# click on the Screenshot button); the window's title is the scenario's,
# and the Open dialog opens another from the shipped folders (O, then
# keys), which the recent list then holds; SIGTERM closes it cleanly.
# Usage: gui_window.sh PROCSIM SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
for tool in xvfb-run import identify xdotool; do
  # no X server to run here: skipped (ctest SKIP_RETURN_CODE), not failed
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (tools/install-deps installs it)"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export XDG_STATE_HOME=$dir PROCSIM_SCENARIOS=$src/scenarios # not the user's
# the first scenario of policies/ (the dialog sorts bytewise) and its title
first=$(LC_ALL=C ls "$src/scenarios/policies" | grep '\.yaml$' | head -1)
title=$(sed -n 's/^title: *//p' "$src/scenarios/policies/$first" | head -1 | sed 's/^"\(.*\)"$/\1/')
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  "$1" gui "$2/scenarios/tour.yaml" & p=$!
  w=
  for i in $(seq 100); do          # wait for the window, not forever
    w=$(xdotool search --name "^procsim" 2>/dev/null | head -1) || true
    [ -n "$w" ] && break
    kill -0 "$p" || { echo "procsim did not start"; exit 1; }
    sleep 0.1
  done
  [ -n "$w" ] || { echo "no window"; kill "$p"; exit 1; }
  sleep 3
  import -window root shot.png
  xdotool key --window "$w" p
  sleep 1
  ls procsim-*.png > /dev/null        # P saved a screenshot
  rm procsim-*.png
  # the Screenshot button: the 11th of the toolbar, found by its label
  xdotool mousemove --window "$w" 580 20 click 1
  sleep 1
  ls procsim-*.png > /dev/null
  [ "$(xdotool getwindowname "$w")" = "procsim — Seven-state tour" ] || {
    echo "window title: $(xdotool getwindowname "$w")"; exit 1; }
  # the start page: labs/ first (Home; the tour shown is chosen at first),
  # policies/ next; in policies/: the way back, "..", then its first scenario
  xdotool key --window "$w" o; sleep 0.5
  xdotool key --window "$w" Home Down Return; sleep 0.5
  xdotool key --window "$w" Down Down Return; sleep 1
  [ "$(xdotool getwindowname "$w")" = "procsim — $3" ] || {
    echo "after Open: $(xdotool getwindowname "$w"), want $3"; exit 1; }
  kill -TERM "$p"
  wait "$p"' _ "$bin" "$src" "$title"
grep -qx "$src/scenarios/policies/$first" procsim/recent || {
  echo "not in the recent list:"; cat procsim/recent; exit 1; }
colours=$(identify -format %k shot.png)
echo "window screenshot: $colours colours"
[ "$colours" -gt 100 ] || { echo "the screen looks blank"; exit 1; }
[ -n "${PROCSIM_KEEP_SHOT:-}" ] && cp shot.png "$PROCSIM_KEEP_SHOT"
exit 0
