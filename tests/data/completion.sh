#!/usr/bin/env bash
# completion.sh SHELL PROCSIM SOURCE_DIR — drive procsim's completion for
# SHELL (bash: data/completion/procsim.bash through bash-completion, called
# as bash calls it, with COMP_WORDS and COMP_CWORD; zsh: data/completion/
# _procsim through zsh's own completion system, zsh_complete.zsh beside
# this file) on a table of command lines, then check it against what
# procsim itself says: every command of `procsim --help`, every option of
# every `procsim CMD --help`, the policies procsim knows, the OSTEP
# programs and each command's --format values must be offered.  The
# shipped names come from PROCSIM's `list --names`.  Exit 77 (skipped)
# where SHELL or bash-completion is absent.
set -uo pipefail
shell=$1 procsim=$2 src=$(cd "$3" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
PATH=$(cd "$(dirname "$procsim")" && pwd):$PATH
procsim=procsim

case $shell in
bash)
    helpers=/usr/share/bash-completion/bash_completion
    [ -r "$helpers" ] || { echo "skipped: no bash-completion"; exit 77; }
    # bash-completion reads the shell's state; it runs here as bash would
    # run it in an interactive shell
    set +u
    source "$helpers"
    source "$src/data/completion/procsim.bash"
    # complete LINE — the matches for LINE, the cursor at its end
    complete_line() {
        local line=$1
        COMP_LINE=$line COMP_POINT=${#line} COMPREPLY=()
        read -ra COMP_WORDS <<<"$line"
        [[ $line == *' ' ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _procsim procsim "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
        printf '%s\n' "${COMPREPLY[@]}"
    }
    ;;
zsh)
    command -v zsh >/dev/null || { echo "skipped: no zsh"; exit 77; }
    complete_line() {
        timeout 20 zsh -f "$here/zsh_complete.zsh" "$src/data/completion" "$1"
    }
    ;;
*)
    echo "usage: completion.sh bash|zsh PROCSIM SOURCE_DIR" >&2
    exit 2
    ;;
esac

# a folder of its own to complete file names in, removed at the end
work=$(mktemp -d "${TMPDIR:-/tmp}/procsim-completion-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
touch lab.yaml lab.txt answers.txt
mkdir labnotes home
ln -s "$(command -v procsim)" home/procsim # ~/procsim, with HOME=home

passed=0 failed=0
# expect LINE MODE WORDS — MODE is = (exactly WORDS, in any order), has
# (WORDS among the matches) or lacks (none of WORDS among them)
expect() {
    local line=$1 mode=$2 want=$3 got missing="" extra="" w
    got=$(complete_line "$line" | sort -u)
    for w in $want; do
        case $mode in
        =|has) grep -qxF -- "$w" <<<"$got" || missing+=" $w" ;;
        lacks) grep -qxF -- "$w" <<<"$got" && extra+=" $w" ;;
        esac
    done
    if [[ $mode == = ]]; then
        for w in $got; do
            [[ " $want " == *" $w "* ]] || extra+=" $w"
        done
    fi
    if [[ -n $missing$extra ]]; then
        echo "FAIL $shell: '$line' $mode '$(echo $want)':${missing:+ missing$missing}${extra:+ extra$extra}"
        echo "  got: $(echo $got)"
        ((failed++))
    else
        ((passed++))
    fi
}

# -- the cases, as a user types them --
expect 'procsim ru' = 'run'
expect 'procsim --lang ko r' = 'run'
expect 'procsim --lang ' = 'en ko'
expect 'procsim --' = '--help --version --lang'
expect 'procsim run --po' = '--policy'
expect 'procsim run tour --policy s' = 'sjf srtf stride'
expect 'procsim run tour --policy priority' = 'priority priority-preemptive priority-rr'
expect 'procsim run tour --format ' = 'text csv json'
expect 'procsim run --lang ' = 'en ko'
expect 'procsim gui seeds/cou' = 'seeds/counter-lock seeds/counter-race'
expect 'procsim gui seeds/counter-r' = 'seeds/counter-race'
expect 'procsim run lab' has 'lab.yaml labnotes labs/race-lock labs/scheduling-rr'
expect 'procsim run lab' lacks 'lab.txt'
expect 'procsim check tour t' has 'tour'
expect 'procsim gui --compare fcfs,r' = 'fcfs,rr'
expect 'procsim gui --compare ' has 'fcfs rr mlfq'
expect 'procsim gui --speed ' = '1 2 4 8 16 32'
expect 'procsim gui --ostep ml' = 'mlfq'
expect 'procsim gui --ostep mlfq --' has '--help --numJobs --numQueues'
expect 'procsim gui --ostep mlfq --' lacks '--format'
expect 'procsim gui --size 640x480 --sel' = '--select'
expect 'procsim compare tour fcfs s' = 'sjf srtf stride'
expect 'procsim compare t' has 'tour'
expect 'procsim ostep ' = 'process-run scheduler mlfq lottery'
expect 'procsim ostep scheduler --j' = '--jobs --jlist'
expect 'procsim ostep scheduler --format ' = 'text csv json yaml'
expect 'procsim ostep lottery --f' = '--format'
expect 'procsim lab --format ' = 'text html pdf'
expect 'procsim lab --random --policy r' = 'rr'
expect 'procsim grade labs/race-lock an' = 'answers.txt'
expect 'procsim grade la' has 'lab.yaml labs/race-lock'
expect 'procsim trace --cpus 2 -- ech' has 'echo'
expect 'procsim trace --no' = '--no-ptrace'
expect 'procsim list --' = '--names --lang --help'
# the procsim asked for names is the one being completed, ~ and all
HOME=$work/home expect '~/procsim gui seeds/counter-r' = 'seeds/counter-race'

# -- what procsim says it has --
# the commands of the usage, and each command's options: those of its
# synopsis and those its text describes on a line of their own
commands=$($procsim --help | sed -nE 's/^(usage:)? *procsim ([a-z][-a-z]*).*/\2/p' | sort -u)
[[ -n $commands ]] || { echo "FAIL: no commands read from procsim --help"; exit 1; }
expect 'procsim ' has "$commands"
for cmd in $commands; do
    help=$($procsim "$cmd" --help) || { echo "FAIL: procsim $cmd --help"; ((failed++)); continue; }
    options=$({
        sed '/^$/q' <<<"$help" | grep -oE -- '(^|[][ |])--?[A-Za-z][-A-Za-z0-9]*' | tr -d '[] |'
        grep -oE -- '^ +--?[A-Za-z][-A-Za-z0-9]*' <<<"$help" | tr -d ' '
    } | sort -u)
    expect "procsim $cmd -" has "$options --help"
    formats=$(sed '/^$/q' <<<"$help" | grep -oE -- '--format [a-z|]+' | head -n1 | cut -d' ' -f2 | tr '|' ' ')
    [[ -n $formats ]] && expect "procsim $cmd --format " = "$formats"
done
# the policies of procsim's own error message, and the OSTEP programs of
# its usage
policies=$($procsim run tour --policy none 2>&1 | sed -n 's/.*valid policies: \(.*\))$/\1/p' | tr -d ,)
[[ -n $policies ]] || { echo "FAIL: no policies read from procsim run --policy"; exit 1; }
expect 'procsim run tour --policy ' = "$policies"
expect 'procsim compare tour fcfs ' = "$policies"
programs=$($procsim ostep --help | sed -nE 's/^usage: procsim ostep ([-a-z|]+).*/\1/p' | tr '|' ' ')
[[ -n $programs ]] || { echo "FAIL: no OSTEP programs read from procsim ostep --help"; exit 1; }
expect 'procsim ostep ' = "$programs"
# every shipped name
expect 'procsim run ' has "$($procsim list --names)"

echo "completion ($shell): $passed passed, $failed failed"
[[ $failed -eq 0 ]]
