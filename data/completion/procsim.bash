# procsim.bash — bash completion for procsim (installed as
# share/bash-completion/completions/procsim; needs bash-completion's
# helpers).  Completes the commands, each command's options, the values of
# the options that take a fixed set (policies, languages, formats, speeds,
# OSTEP programs), scenario arguments (*.yaml/*.yml files and the names of
# the shipped scenarios, asked of procsim itself: `procsim list --names`),
# the flags of an OSTEP program (from its own -h), and the command after
# `trace --`.  The option lists are procsim's `CMD --help`:
# tests/data/completion.sh fails when one is missing here.

_procsim_commands="gui run compare trace check ostep lab grade list help"

# the values of --policy, --compare's items and compare's P[:Q] arguments
# (tests/data/completion.sh checks them against procsim's own list)
_procsim_policies="fcfs sjf srtf hrrn priority priority-preemptive priority-rr
  rr mlq mlfq lottery stride cfs ostep"

_procsim_ostep_programs="process-run scheduler mlfq lottery"

# _procsim_options CMD — the options of CMD, as its --help lists them
_procsim_options()
{
    case $1 in
    gui) echo "--live --tick-ms --lang --size --select --speed --quiz --follow
               --frames --screenshot --fullscreen --student --policy --compare
               --gantt-png --ostep --help" ;;
    run) echo "--live --tick-ms --format --ops --until --policy --gantt --lang --help" ;;
    compare) echo "--format --lang --until --help" ;;
    trace) echo "--gui --cpus --format -o --record --sample-ms --events --threads
                 --linger --max-procs --no-ptrace --lang --help" ;;
    check) echo "--lang --help" ;;
    ostep) echo "--format --help" ;;
    lab) echo "-c --variant --lang --format -o --random --seed --policy --processes --help" ;;
    grade) echo "--csv --feedback --lang --help" ;;
    list) echo "--names --lang --help" ;;
    esac
}

# _procsim_takes_value CMD OPTION — whether OPTION of CMD reads the next word
_procsim_takes_value()
{
    case $2 in
    --tick-ms | --lang | --size | --select | --speed | --follow | --frames | \
        --screenshot | --student | --compare | --gantt-png | --format | \
        --until | --policy | --cpus | -o | --record | --sample-ms | --events | \
        --linger | --max-procs | --variant | --seed | --processes | --csv | \
        --feedback)
        return 0 ;;
    esac
    return 1
}

# _procsim_formats CMD — the values of CMD's --format
_procsim_formats()
{
    case $1 in
    ostep) echo "text csv json yaml" ;;
    lab) echo "text html pdf" ;;
    *) echo "text csv json" ;;
    esac
}

# _procsim_scenarios EXE — files that can be scenarios, and the shipped names
_procsim_scenarios()
{
    _filedir '@(yaml|yml)'
    local names
    names=$("$1" list --names 2>/dev/null) &&
        COMPREPLY+=($(compgen -W "$names" -- "$cur"))
}

_procsim()
{
    local cur prev words cword
    _init_completion -n := || return
    local exe=${words[0]/#\~/$HOME} # the procsim being completed asks itself

    # the command: the first word after any `--lang L` given before it
    local i=1
    while [[ $i -lt $cword && ${words[i]} == --lang ]]; do
        ((i += 2))
    done
    if [[ $i -ge $cword ]]; then
        if [[ $prev == --lang ]]; then
            COMPREPLY=($(compgen -W "en ko" -- "$cur"))
        elif [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version --lang" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_procsim_commands" -- "$cur"))
        fi
        return
    fi
    local cmd=${words[i]} first=$((i + 1))

    # trace -- COMMAND ...: the rest is that command's line
    if [[ $cmd == trace ]]; then
        for ((i = first; i < cword; i++)); do
            if [[ ${words[i]} == -- ]]; then
                _command_offset $((i + 1))
                return
            fi
        done
    fi

    # gui --ostep PROGRAM FLAGS, ostep PROGRAM FLAGS: the program's flags
    local prog="" nargs=0
    for ((i = first; i < cword; i++)); do
        local w=${words[i]}
        if [[ $cmd == gui && $w == --ostep && $i -lt $((cword - 1)) ]]; then
            prog=${words[i + 1]}
            break
        elif [[ $cmd == ostep && $w != -* ]]; then
            prog=$w
            break
        elif [[ $w == -* ]]; then
            _procsim_takes_value "$cmd" "$w" && ((i++))
        else
            ((nargs++))
        fi
    done
    if [[ -n $prog ]]; then
        if [[ $prev == --format && $cmd == ostep ]]; then
            COMPREPLY=($(compgen -W "$(_procsim_formats ostep)" -- "$cur"))
        elif [[ $cur == -* ]]; then
            local flags
            flags=$("$exe" ostep "$prog" -h 2>/dev/null |
                grep -oE -- '(^|[ ,])--?[A-Za-z][-A-Za-z0-9]*' | tr -d ' ,')
            [[ $cmd == ostep ]] && flags+=" --format"
            COMPREPLY=($(compgen -W "$flags" -- "$cur"))
        fi
        return
    fi

    # the value of the option before the cursor
    case $prev in
    --policy)
        COMPREPLY=($(compgen -W "$_procsim_policies" -- "$cur"))
        return ;;
    --compare)
        # a comma list: complete its last item
        local head=""
        [[ $cur == *,* ]] && head=${cur%,*},
        COMPREPLY=($(compgen -P "$head" -W "$_procsim_policies" -- "${cur##*,}"))
        compopt -o nospace
        return ;;
    --lang)
        COMPREPLY=($(compgen -W "en ko" -- "$cur"))
        return ;;
    --format)
        COMPREPLY=($(compgen -W "$(_procsim_formats "$cmd")" -- "$cur"))
        return ;;
    --speed)
        COMPREPLY=($(compgen -W "1 2 4 8 16 32" -- "$cur"))
        return ;;
    --ostep)
        COMPREPLY=($(compgen -W "$_procsim_ostep_programs" -- "$cur"))
        return ;;
    -o | --screenshot | --gantt-png | --record | --csv)
        _filedir
        return ;;
    --feedback)
        _filedir -d
        return ;;
    esac
    if _procsim_takes_value "$cmd" "$prev"; then
        return # a number, a name or a spec: nothing to offer
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_procsim_options "$cmd")" -- "$cur"))
        return
    fi
    # the positional arguments, by place
    case $cmd in
    gui | run | check | lab)
        _procsim_scenarios "$exe" ;;
    compare)
        if [[ $nargs -eq 0 ]]; then
            _procsim_scenarios "$exe"
        else
            COMPREPLY=($(compgen -W "$_procsim_policies" -- "$cur"))
        fi ;;
    grade)
        if [[ $nargs -eq 0 ]]; then
            _procsim_scenarios "$exe"
        else
            _filedir
        fi ;;
    ostep)
        COMPREPLY=($(compgen -W "$_procsim_ostep_programs" -- "$cur")) ;;
    esac
} &&
    complete -F _procsim procsim
