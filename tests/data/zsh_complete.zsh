# zsh_complete.zsh FPATH_DIR LINE — what zsh's own completion system offers
# for LINE (a command line, the cursor at its end), one match a line.  Run
# with `zsh -f`.  A fresh interactive zsh in a pseudo-terminal loads
# compinit with FPATH_DIR first on fpath and is sent LINE and a Tab.
# compadd is wrapped so that every match the completion adds (after zsh's
# own matching against the word) is printed and then added as ever (the
# completion functions count what was added to decide what to try next);
# the completion's pre and post hooks print a NUL line around them, and the
# shell exits after the one completion.  (The technique of
# zsh-capture-completion, cut down to what procsim's completion uses: no
# descriptions.)
zmodload zsh/zpty || exit 1
dir=$1 line=$2
zpty z zsh -f -i
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'zcc_null() { echo -E - $'"'\\0'"' }; compprefuncs=(zcc_null); comppostfuncs=(zcc_null exit)'
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false'
zpty -w z 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  typeset -a __hits; builtin compadd -A __hits "$@"
  local -A __p; zparseopts -E -A __p P: p: S: s:
  local __h; for __h in $__hits; do echo -E - "<hit>$IPREFIX$__p[-P]$__p[-p]$__h"; done
  builtin compadd "$@"
}'
# last: from here Return runs nothing, Tab completes
zpty -w z 'bindkey "^M" undefined; bindkey "^J" undefined; bindkey "^I" complete-word'
zpty -w -n z "$line"$'\t'
# the shell exits after the completion: read all it wrote, then keep what
# the hooks' NUL lines enclose (the echo of the lines sent above is before)
local out chunk
while zpty -r z chunk; do out+=$chunk; done
out=${out#*$'\0'}
out=${out%%$'\0'*}
print -r -- "$out" | tr -d '\r' | sed -n 's/^<hit>//p'
zpty -d z 2>/dev/null
