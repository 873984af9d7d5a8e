# The example scenario of a man page loads: the lines of the first .EX
# after the comment "tests/man/check_example.cmake loads", unescaped, written to OUT and
# given to `procsim check`.  A page whose example the loader refuses fails
# with the loader's FILE:LINE:COLUMN message; so does one whose .TH names
# another version than `procsim --version`.
#   cmake -DPROCSIM=EXE -DPAGE=docs/man/procsim-scenario.5 -DOUT=x.yaml -P check_example.cmake
if(NOT PROCSIM OR NOT PAGE OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DPROCSIM=EXE -DPAGE=PAGE -DOUT=FILE -P check_example.cmake")
endif()
file(READ "${PAGE}" page)
execute_process(COMMAND ${PROCSIM} --version OUTPUT_VARIABLE version
                OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REGEX MATCH "\n\\.TH [^\n]*" th "\n${page}")
string(FIND "${th}" "\"${version}\"" v)
if(v EQUAL -1)
  message(FATAL_ERROR "${PAGE}: .TH does not name \"${version}\" (procsim --version): ${th}")
endif()
string(FIND "${page}" "check_example.cmake loads" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${PAGE}: no comment \"check_example.cmake loads\" before its example")
endif()
string(SUBSTRING "${page}" ${at} -1 page)
string(FIND "${page}" "\n.EX\n" ex)
string(FIND "${page}" "\n.EE\n" ee)
if(ex EQUAL -1 OR ee LESS ex)
  message(FATAL_ERROR "${PAGE}: no .EX ... .EE after the comment naming check_example.cmake")
endif()
math(EXPR from "${ex} + 5")
math(EXPR len "${ee} + 1 - ${from}")
string(SUBSTRING "${page}" ${from} ${len} yaml)
string(REPLACE "\\-" "-" yaml "${yaml}")
string(REPLACE "\\(aq" "'" yaml "${yaml}")
string(REPLACE "\\(dq" "\"" yaml "${yaml}")
string(REPLACE "\\&" "" yaml "${yaml}")
string(REPLACE "\\e" "\\" yaml "${yaml}")
file(WRITE "${OUT}" "${yaml}")
execute_process(COMMAND ${PROCSIM} check ${OUT} RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PAGE}: its example does not load:\n${err}${out}")
endif()
message(STATUS "${PAGE}: the example loads: ${out}")
