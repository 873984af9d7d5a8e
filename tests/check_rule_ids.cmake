# check_rule_ids.cmake — every rule of docs/engine.md (and of the window's
# docs/gui.md) has a test named after it, and every test named after a rule
# names a real one.
#
#   cmake -DDOC=docs/engine.md,docs/gui.md -DTESTS=tests -P tests/check_rule_ids.cmake
#
# DOC is one file or several, separated by commas: their rules are one set.
#
# A rule is an ID in square brackets outside code spans, such as [S3],
# [O-wait] or [ST-waiting]; each is written once, where the rule is
# stated.  A test is a function registered with cmocka_unit_test*() in
# DIR/*.c.  A test checks rules when its name starts with `rule_`,
# followed by one or more IDs (hyphens written as underscores), then by
# its description in lower case: rule_S3_evicts_ready_before_running.
# Where one ID extends another (P-priority, P-priority-preemptive), the
# longest one that fits is the one named.
#
# Fails (and says which) when the doc names a rule no test names, names a
# rule twice, or a rule_ test names no rule or one the doc does not have.

cmake_minimum_required(VERSION 3.25)

if(NOT DOC OR NOT TESTS)
  message(FATAL_ERROR "usage: cmake -DDOC=engine.md -DTESTS=dir -P check_rule_ids.cmake")
endif()

# ---- the rules of the docs -------------------------------------------------
string(REPLACE "," ";" docs "${DOC}")
string(REPLACE "," " + " DOC "${DOC}") # for the messages
set(lines "")
foreach(doc IN LISTS docs)
  file(STRINGS ${doc} doc_lines)
  list(APPEND lines ${doc_lines})
endforeach()
set(ids "")
set(dups "")
set(in_fence FALSE)
foreach(line IN LISTS lines)
  if(line MATCHES "^[ \t]*```")
    if(in_fence)
      set(in_fence FALSE)
    else()
      set(in_fence TRUE)
    endif()
    continue()
  endif()
  if(in_fence)
    continue()
  endif()
  string(REGEX REPLACE "`[^`]*`" "" line "${line}") # code spans: [V], [C] of ops
  string(REGEX MATCHALL "\\[[A-Z][A-Za-z0-9]*(-[a-z0-9]+)*\\]\\(?" found "${line}")
  foreach(f IN LISTS found)
    if(f MATCHES "\\($") # a link, [text](url)
      continue()
    endif()
    string(REGEX REPLACE "^\\[([^]]*)\\].*$" "\\1" id "${f}")
    if(id IN_LIST ids)
      list(APPEND dups ${id})
    else()
      list(APPEND ids ${id})
    endif()
  endforeach()
endforeach()
list(LENGTH ids nids)
if(nids EQUAL 0)
  message(FATAL_ERROR "${DOC} names no rule IDs such as [S3]")
endif()

# ---- the tests --------------------------------------------------------------
file(GLOB sources ${TESTS}/*.c)
set(names "")
foreach(src IN LISTS sources)
  file(STRINGS ${src} regs REGEX "cmocka_unit_test[a-z_]*\\(")
  foreach(reg IN LISTS regs)
    string(REGEX MATCHALL "cmocka_unit_test[a-z_]*\\([ \t]*[A-Za-z_][A-Za-z0-9_]*" calls "${reg}")
    foreach(c IN LISTS calls)
      string(REGEX REPLACE "^.*\\([ \t]*" "" name "${c}")
      list(APPEND names ${name})
    endforeach()
  endforeach()
endforeach()

# ---- which test names which rule --------------------------------------------
set(errors "")
foreach(id IN LISTS ids)
  string(REPLACE "-" "_" u_${id} "${id}")
  set(tests_${id} "")
endforeach()
foreach(name IN LISTS names)
  if(NOT name MATCHES "^rule_")
    continue()
  endif()
  string(REGEX REPLACE "^rule_" "" rest "${name}")
  set(count 0)
  while(TRUE)
    set(best "")
    set(best_len 0)
    foreach(id IN LISTS ids)
      set(u "${u_${id}}")
      string(LENGTH "${u}" len)
      if(len GREATER best_len)
        string(FIND "${rest}_" "${u}_" at)
        if(at EQUAL 0)
          set(best ${id})
          set(best_len ${len})
        endif()
      endif()
    endforeach()
    if(best STREQUAL "")
      break()
    endif()
    list(APPEND tests_${best} ${name})
    math(EXPR count "${count} + 1")
    math(EXPR cut "${best_len} + 1")
    string(LENGTH "${rest}" rest_len)
    if(cut GREATER rest_len)
      set(rest "")
      break()
    endif()
    string(SUBSTRING "${rest}" ${cut} -1 rest)
  endwhile()
  if(count EQUAL 0 OR rest MATCHES "^[A-Z]" OR rest STREQUAL "")
    string(APPEND errors "  test ${name}: after rule_ come the IDs of the rules it checks, "
                         "then its description in lower case; ")
    if(count EQUAL 0)
      string(APPEND errors "${DOC} has no rule it names\n")
    elseif(rest STREQUAL "")
      string(APPEND errors "it has no description\n")
    else()
      string(REGEX REPLACE "_.*$" "" token "${rest}")
      string(APPEND errors "${token} is no rule of ${DOC} (renamed or removed?)\n")
    endif()
  endif()
endforeach()

list(REMOVE_DUPLICATES dups)
foreach(id IN LISTS dups)
  string(APPEND errors "  [${id}] is named more than once in ${DOC}; each rule has its own ID\n")
endforeach()
set(untested 0)
foreach(id IN LISTS ids)
  if(NOT tests_${id})
    string(APPEND errors "  [${id}] has no test: name one rule_${u_${id}}_<what it checks>\n")
    math(EXPR untested "${untested} + 1")
  endif()
endforeach()

if(errors)
  message(FATAL_ERROR "rule IDs of ${DOC} against the tests in ${TESTS}:\n${errors}")
endif()
list(LENGTH names ntests)
message(STATUS "${nids} rules in ${DOC}, each named by a test in ${TESTS} (${ntests} tests)")
