#!/usr/bin/env bash
# The quiz in a real window under Xvfb, played as a student would: procsim
# gui --quiz follows P2 of the round-robin example and holds before each of
# its transitions; clicks on the diagram's nodes answer (Ready, then
# Running, then Blocked, which is wrong: P2 exits); at the end W asks the
# student's name, typed, and saves the summary, which must begin with the
# name and say 2 of 3.  Node positions are those of the
# 1280x800 layout (tests/test_gui_layout.c holds the layout to them).
# Usage: gui_quiz_window.sh PROCSIM SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
for tool in xvfb-run import xdotool; do
  # no X server to run here: skipped (ctest SKIP_RETURN_CODE), not failed
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (tools/install-deps installs it)"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export XDG_STATE_HOME=$dir # the recent files' list, not the user's
# The clicks are timed by sleeps, which a loaded machine can outrun (the
# quiz is not yet at the question clicked): a run whose summary is not
# 2 of 3 is played again, up to three times.  A broken quiz fails all; a
# procsim that fails or does not end cleanly fails at once.
play() {
  rm -f procsim-quiz-*.txt
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    set -e
    "$1" gui "$2/scenarios/policies/rr.yaml" --quiz --follow P2 --lang en & p=$!
    w=
    for i in $(seq 100); do
      w=$(xdotool search --name "^procsim" 2>/dev/null | head -1) || true
      [ -n "$w" ] && break
      kill -0 "$p" || { echo "procsim did not start"; exit 1; }
      sleep 0.1
    done
    [ -n "$w" ] || { echo "no window"; kill "$p"; exit 1; }
    click() { xdotool mousemove --window "$w" "$1" "$2" click 1; sleep "$3"; }
    sleep 2
    xdotool key --window "$w" d  # fold the description: the clicks are where the
    sleep 0.5                    # diagram is without it
    import -window root question.png
    click 334 245 1          # P2: New -> Ready
    xdotool key --window "$w" plus plus plus
    sleep 4
    click 537 245 1          # P2: Ready -> Running at tick 4
    sleep 3
    click 334 377 1          # P2: Running -> Exit at 7; Blocked is wrong
    sleep 8                  # the run ends; the summary shows
    import -window root summary.png
    xdotool key --window "$w" w
    sleep 1
    import -window root name.png
    xdotool type --window "$w" "Kim Minji"   # the name is asked once: typed, Enter saves
    xdotool key --window "$w" Return
    sleep 1
    kill -TERM "$p"
    wait "$p"' _ "$bin" "$src"
}
ok=
for attempt in 1 2 3; do
  # an attempt counts only if procsim itself ran and ended cleanly
  if ! play; then
    echo "attempt $attempt: procsim failed"
    exit 1
  fi
  head -1 procsim-quiz-*.txt 2>/dev/null | grep -qx "student: Kim Minji" &&
    grep -q "following P2: 2 of 3 right" procsim-quiz-*.txt && { ok=1; break; }
  echo "attempt $attempt: the summary does not say 2 of 3"
done
cat procsim-quiz-*.txt 2>/dev/null || echo "no summary was saved"
[ -n "$ok" ] || { echo "the summary does not say 2 of 3"; exit 1; }
if [ -n "${PROCSIM_KEEP_SHOT:-}" ]; then
  cp question.png "$PROCSIM_KEEP_SHOT-question.png"
  cp summary.png "$PROCSIM_KEEP_SHOT-summary.png"
  cp name.png "$PROCSIM_KEEP_SHOT-name.png"
fi
exit 0
