# The man page PAGE (procsim.1, English or Korean) says every command and
# every option procsim's own help prints: each command has a block
# `.SS "procsim CMD"`, and each option `procsim CMD --help` lists (its usage
# and option lines, not the closing notes), with each value of a usage's
# `--opt a|b|c`, is in that command's block; the flags `procsim ostep PROG
# -h` lists are in the ostep block.  `procsim help --help` is the whole
# usage, so its options are looked for in the whole page.  The page's .TH
# names the version `procsim --version` prints.  Each miss is named.
#   cmake -DPROCSIM=build/procsim -DPAGE=docs/man/procsim.1 -P check_options.cmake
if(NOT PROCSIM OR NOT PAGE)
  message(FATAL_ERROR "usage: cmake -DPROCSIM=EXE -DPAGE=PAGE -P check_options.cmake")
endif()

# procsim's help in English, whatever the caller's locale.
function(help out)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C LANG=C LC_MESSAGES=C
                          ${PROCSIM} ${ARGN}
                  OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "procsim ${ARGN}: exit status ${rc}")
  endif()
  # the closing notes (exit statuses, where the docs are) name options of
  # other commands; only what comes before them is this command's
  string(FIND "${text}" "\nExit status" cut)
  if(cut GREATER -1)
    string(SUBSTRING "${text}" 0 ${cut} text)
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The options in text: a - or -- and a letter, after no letter, digit or -.
function(options out text)
  # brackets group a CMake list's items: [--lang would swallow the rest
  string(REPLACE "[" " " text "${text}")
  string(REPLACE "]" " " text "${text}")
  string(REGEX MATCHALL "(^|[^A-Za-z0-9_-])--?[A-Za-z][A-Za-z0-9-]*" hits "${text}")
  set(opts "")
  foreach(h ${hits})
    string(REGEX REPLACE "^[^A-Za-z0-9_-]" "" h "${h}")
    list(APPEND opts "${h}")
  endforeach()
  list(REMOVE_DUPLICATES opts)
  set(${out} "${opts}" PARENT_SCOPE)
endfunction()

# The page as its reader sees the words: no font escapes, \- a hyphen.
file(READ "${PAGE}" page)
string(REGEX REPLACE "\\\\f[BIRP]" "" page "${page}")
string(REPLACE "\\-" "-" page "${page}")
string(REPLACE "\\&" "" page "${page}")
string(REPLACE "\\:" "" page "${page}")
string(REPLACE "\\~" " " page "${page}")
string(REPLACE "\\ " " " page "${page}")
string(REPLACE "\\(aq" "'" page "${page}")
string(REPLACE "\\(dq" "\"" page "${page}")

# The block of `.SS "procsim CMD"`: up to the next .SS or .SH.
function(section out cmd)
  string(REGEX MATCH "\n\\.SS \"?procsim ${cmd}\"?\n" head "${page}")
  if(NOT head)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  string(FIND "${page}" "${head}" at)
  string(SUBSTRING "${page}" ${at} -1 rest)
  string(LENGTH "${head}" hl)
  string(SUBSTRING "${rest}" ${hl} -1 body)
  string(REGEX MATCH "\n\\.S[SH] " next "${body}")
  if(next)
    string(FIND "${body}" "${next}" end)
    string(SUBSTRING "${body}" 0 ${end} body)
  endif()
  set(${out} "${body}" PARENT_SCOPE)
endfunction()

set(missing 0)
function(miss what)
  message(SEND_ERROR "${PAGE}: ${what}")
  set(missing 1 PARENT_SCOPE)
endfunction()

# word as a whole word (no letter, digit or - on either side) in text
function(has out text word)
  string(REGEX MATCH "(^|[^A-Za-z0-9_-])${word}([^A-Za-z0-9_-]|$)" hit "${text}")
  if(hit)
    set(${out} 1 PARENT_SCOPE)
  else()
    set(${out} 0 PARENT_SCOPE)
  endif()
endfunction()

execute_process(COMMAND ${PROCSIM} --version OUTPUT_VARIABLE version
                OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REGEX MATCH "\n\\.TH [^\n]*" th "\n${page}")
string(FIND "${th}" "\"${version}\"" v)
if(v EQUAL -1)
  miss(".TH does not name \"${version}\" (procsim --version): ${th}")
endif()

# The commands: each usage line's `procsim CMD`, and help.
help(all --help)
string(REGEX MATCHALL "\n(usage: +)? *procsim [a-z][a-z-]*" lines "\n${all}")
set(commands help)
foreach(l ${lines})
  string(REGEX REPLACE ".*procsim " "" c "${l}")
  list(APPEND commands ${c})
endforeach()
list(REMOVE_DUPLICATES commands)

foreach(cmd ${commands})
  section(text ${cmd})
  if(text STREQUAL "")
    miss("procsim ${cmd} has no block .SS \"procsim ${cmd}\"")
    continue()
  endif()
  help(usage ${cmd} --help)
  if(cmd STREQUAL "help")
    set(text "${page}") # the whole usage: every block
  endif()
  options(opts "${usage}")
  foreach(o ${opts})
    has(ok "${text}" "${o}")
    if(NOT ok)
      miss("procsim ${cmd}: ${o} (from procsim ${cmd} --help) is not in its block")
    endif()
  endforeach()
  # --opt a|b|c in the usage: each of a, b, c in the block
  string(REGEX MATCHALL "--?[a-z-]+ [a-z0-9]+(\\|[a-z0-9]+)+" choices "${usage}")
  foreach(ch ${choices})
    string(REGEX REPLACE " .*" "" o "${ch}")
    string(REGEX REPLACE "^[^ ]+ " "" vals "${ch}")
    string(REPLACE "|" ";" vals "${vals}")
    foreach(val ${vals})
      has(ok "${text}" "${val}")
      if(NOT ok)
        miss("procsim ${cmd}: ${o}'s value ${val} is not in its block")
      endif()
    endforeach()
  endforeach()
endforeach()

# The OSTEP programs' own flags, in the ostep block.
help(ostep_usage ostep --help)
string(REGEX MATCH "process-run[a-z|-]*" programs "${ostep_usage}")
string(REPLACE "|" ";" programs "${programs}")
section(text ostep)
foreach(prog ${programs})
  help(flags ostep ${prog} -h)
  options(opts "${flags}")
  foreach(o ${opts})
    has(ok "${text}" "${o}")
    if(NOT ok)
      miss("procsim ostep ${prog}: ${o} (from procsim ostep ${prog} -h) is not in the ostep block")
    endif()
  endforeach()
endforeach()

if(missing)
  message(FATAL_ERROR "${PAGE}: the page lacks what procsim's help prints (above)")
endif()
list(LENGTH commands n)
message(STATUS "${PAGE}: ${n} commands, every option of their help")
