#!/usr/bin/env bash
# procsim trace --gui in a real window under Xvfb: the title says what is
# traced; S, C and K on the selected process stop, continue and kill the
# real process (its /proc state says so); the exit status is the command's
# (128 + 9: killed); nothing of the tree is left once the window closes.
# Usage: gui_trace_window.sh PROCSIM
set -euo pipefail
bin=$1
for tool in xvfb-run import identify xdotool; do
  # no X server to run here: skipped (ctest SKIP_RETURN_CODE), not failed
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (tools/install-deps installs it)"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
# a sleep no other process on the machine has: it must be gone at the end
nap=$((30 + RANDOM % 1000)).$$
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  nap=$2
  "$1" trace --gui --lang en -- /bin/sh -c "sleep $nap & wait" & p=$!
  w=
  for i in $(seq 100); do          # wait for the window, not forever
    w=$(xdotool search --pid "$p" --name . 2>/dev/null | head -1) || true
    [ -n "$w" ] && break
    kill -0 "$p" || { echo "procsim did not start"; exit 1; }
    sleep 0.1
  done
  [ -n "$w" ] || { echo "no window"; kill "$p"; exit 1; }
  title=$(xdotool getwindowname "$w")
  [ "$title" = "trace: /bin/sh -c sleep $nap & wait" ] || { echo "title: $title"; kill "$p"; exit 1; }
  sh=$(pgrep -P "$p" sh | head -1)
  [ -n "$sh" ] || { echo "no traced shell"; kill "$p"; exit 1; }
  # the kernel letter of the shell, until it is one of $1 (at most 10 s)
  until_state() {
    for i in $(seq 100); do
      s=$(ps -o stat= -p "$sh" 2>/dev/null | cut -c1) || s=gone
      case "$1" in *"${s:-gone}"*) return 0;; esac
      sleep 0.1
    done
    echo "the shell is \"$s\", not one of \"$1\""; kill "$p"; exit 1
  }
  until_state S                    # waiting for its child
  xdotool key --window "$w" Tab    # selects it, the first process
  xdotool key --window "$w" s
  until_state Tt                   # stopped by SIGSTOP
  import -window root shot.png
  xdotool key --window "$w" c
  until_state S
  xdotool key --window "$w" k
  until_state "Z gone"             # killed
  xdotool key --window "$w" Escape
  set +e
  wait "$p"
  rc=$?
  set -e
  [ "$rc" = 137 ] || { echo "exit status $rc, not 137 (SIGKILL)"; exit 1; }
  ! pgrep -f "sleep $nap" >/dev/null || { echo "the traced sleep is still there"; exit 1; }' \
  _ "$bin" "$nap"
colours=$(identify -format %k shot.png)
echo "window screenshot: $colours colours"
[ "$colours" -gt 100 ] || { echo "the screen looks blank"; exit 1; }
[ -n "${PROCSIM_KEEP_SHOT:-}" ] && cp shot.png "$PROCSIM_KEEP_SHOT"
exit 0
