#!/bin/sh
# A man page formats without a single warning: `man --warnings=w` (every
# groff warning, man-db doing the preconv of UTF-8 itself), or, where
# man-db is missing, preconv | groff -ww -man.  Exit 77 (ctest: skipped)
# where neither is installed.  Usage: check_warnings.sh PAGE
page=$1
[ -f "$page" ] || { echo "check_warnings: no page $page" >&2; exit 2; }
if command -v man >/dev/null 2>&1; then
  warnings=$(MANWIDTH=80 man --warnings=w -E UTF-8 -l "$page" 2>&1 >/dev/null)
elif command -v groff >/dev/null 2>&1 && command -v preconv >/dev/null 2>&1; then
  warnings=$(preconv "$page" | groff -ww -z -man -Tutf8 2>&1)
else
  echo "check_warnings: neither man nor groff is installed; skipped" >&2
  exit 77
fi
if [ -n "$warnings" ]; then
  printf '%s: formatting warns:\n%s\n' "$page" "$warnings" >&2
  exit 1
fi
echo "$page: no warnings"
