# cmake -DROOT=source-dir -DOUT=file -P fuzz_dict.cmake       writes it
# cmake -DROOT=source-dir -DCHECK=file -P fuzz_dict.cmake     fails unless
#                                                             it is current
# The libFuzzer dictionary of scenario files (tests/fuzz/scenario.dict),
# made from the loader's own tables so that it grows with the format:
#   - every key of the schema: the `static const char *const *_keys[]`
#     tables of sim/scenario/*.c, as "key:";
#   - every token of the X-macro tables of scenario.h and state.h (ops,
#     policies, rules, conventions, loops, actions, asks, answer types,
#     states, events): rows X(ENUM, "token", ...);
#   - the few words of the grammar that are no table's row (below).
set(words)
file(GLOB sources ${ROOT}/sim/scenario/*.c)
list(SORT sources)
foreach(src IN LISTS sources)
  file(READ ${src} text)
  string(REGEX MATCHALL "static const char \\*const [a-z_]*keys\\[[^]]*\\] = {[^}]*}" tables "${text}")
  foreach(table IN LISTS tables)
    string(REGEX MATCHALL "\"[^\"]+\"" keys "${table}")
    foreach(k IN LISTS keys)
      string(REGEX REPLACE "\"$" ":\"" k "${k}")
      list(APPEND words "${k}")
    endforeach()
  endforeach()
endforeach()
foreach(h scenario.h state.h)
  file(READ ${ROOT}/sim/include/procsim/${h} text)
  string(REGEX MATCHALL "X\\([A-Z_0-9]+, *\"[^\"]+\"" rows "${text}")
  foreach(row IN LISTS rows)
    string(REGEX MATCH "\"[^\"]+\"" tok "${row}")
    list(APPEND words "${tok}")
  endforeach()
endforeach()
# The grammar's words that no table holds: op operands and loop heads
# (scenario_ops.c, scenario_program.c), copies: auto, the value none.
list(APPEND words "\"any\"" "\"timeout\"" "\" in \"" "\"range(\"" "\"not empty\"" "\"auto\""
  "\"none\"" "\"true\"" "\"false\"" "\"procsim: 1\"")
list(REMOVE_DUPLICATES words)
list(SORT words)
set(dict "# generated from the loader's tables by cmake/fuzz_dict.cmake; do not edit\n")
foreach(w IN LISTS words)
  string(APPEND dict "${w}\n")
endforeach()
if(DEFINED CHECK)
  file(READ ${CHECK} have)
  if(NOT have STREQUAL dict)
    message(FATAL_ERROR "${CHECK} is not what the loader's tables make; regenerate it:\n"
      "  cmake -DROOT=. -DOUT=tests/fuzz/scenario.dict -P cmake/fuzz_dict.cmake")
  endif()
else()
  file(WRITE ${OUT} "${dict}")
endif()
