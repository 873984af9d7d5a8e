#!/usr/bin/env bash
# An installed procsim works from any folder: `cmake --install` the build
# tree into a fresh prefix, then run that copy from / — the shipped
# scenarios by name (procsim list, run, check, lab), and with trace mode
# the Python hook that names a multiprocessing child.  The prefix is
# removed whatever happens.  Usage: installed.sh BUILD_DIR WITH_TRACE
set -euo pipefail
build=$1 with_trace=$2
prefix=$(mktemp -d "${TMPDIR:-/tmp}/procsim-installed-XXXXXX")
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
bin=$prefix/bin/procsim
cd /
# what a command printed, searched once it has finished (a grep -q that
# stops reading early would kill the writer with SIGPIPE under pipefail)
says() { local out; out=$("${@:2}") || return 1; grep -q -- "$1" <<<"$out"; }
fail() { echo "installed procsim: $*" >&2; exit 1; }

for f in share/procsim/scenarios/tour.yaml share/procsim/scenarios/labs/race-lock.yaml \
         share/procsim/pyhook/sitecustomize.py share/doc/procsim/README.md \
         share/doc/procsim/LICENSE share/doc/procsim/docs/scenario-format.md \
         share/doc/procsim/examples/python/start_join.py \
         share/man/man1/procsim.1.gz share/man/man5/procsim-scenario.5.gz \
         share/man/ko/man1/procsim.1.gz share/man/ko/man5/procsim-scenario.5.gz; do
  [ -f "$prefix/$f" ] || fail "$f is not installed"
done
says "(in $prefix/share/procsim/scenarios)" "$bin" list || fail "list does not read the installed scenarios"
says '^seeds/counter-race$' "$bin" list --names || fail "list --names lacks seeds/counter-race"
says 'Seven-state tour' "$bin" run tour --until 1 || fail "run tour"
"$bin" check seeds/counter-race labs/scheduling-rr.yaml >/dev/null || fail "check NAME"
says 'Lab: a shared counter' "$bin" lab labs/race-lock || fail "lab NAME"
# not the source tree's: the copy is not the build tree's executable
says "$prefix" env PROCSIM_SCENARIOS= "$bin" list || fail "an empty PROCSIM_SCENARIOS is no override"
if command -v man >/dev/null; then # man finds the installed pages by name
  says 'procsim-scenario' env MANPATH="$prefix/share/man" MANPAGER=cat man 5 procsim-scenario ||
    fail "man procsim-scenario does not show the installed page"
fi
if [ "$with_trace" = 1 ] && command -v python3 >/dev/null; then
  says 'named kid' "$bin" trace -- python3 -c "import multiprocessing as m
if __name__ == '__main__':
    p = m.Process(target=print, name='kid'); p.start(); p.join()" ||
    fail "trace does not find its installed Python hook"
fi
echo "installed procsim: ok"
