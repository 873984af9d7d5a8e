# cmake -DROOT=<source dir> [-DSTAMP=<file>] -P check_layers.cmake
#
# libprocsim's layering, checked on every build: each folder of sim/ is a
# subsystem and includes only from the subsystems below it,
#
#     core <- scenario <- engine <- {live, trace, ostep, lab}
#     core <- pycompat <- {engine, ostep}
#
# A folder's private headers are on no other folder's include path, so the
# compiler already refuses them there; this check covers the rest: the
# public headers in sim/include/procsim (each owned by one subsystem, listed
# below), a path that climbs out of its folder ("../"), and a folder or a
# public header this table does not know, whether included with quotes or
# angle brackets; and SDL, which belongs to the window alone.  It fails the
# build, naming the file and the include, and writes STAMP when everything
# is in order.

# subsystem: the subsystems it may include from
set(allowed_core "")
set(allowed_scenario core)
set(allowed_engine core scenario pycompat)
set(allowed_live core scenario engine)
set(allowed_trace core scenario engine)
set(allowed_pycompat core)
set(allowed_ostep core scenario engine pycompat)
set(allowed_lab core scenario engine)
set(layers core scenario engine live trace pycompat ostep lab)

# public header: the subsystem it belongs to
set(owner_state.h core)
set(owner_out.h core)
set(owner_visible.h core)
set(owner_input.h core)
set(owner_strerror.h core)
set(owner_scenario.h scenario)
set(owner_scenario_build.h scenario)
set(owner_pcb.h engine)
set(owner_cause.h engine)
set(owner_engine.h engine)
set(owner_gantt.h engine)
set(owner_stats.h engine)
set(owner_real.h engine)
set(owner_live.h live)
set(owner_trace.h trace)
set(owner_ostep.h ostep)
set(owner_lab.h lab)
set(owner_lab_grid.h lab)

cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
  message(FATAL_ERROR "check_layers: give -DROOT=<the source directory>")
endif()
set(problems "")

file(GLOB public RELATIVE ${ROOT}/sim/include/procsim ${ROOT}/sim/include/procsim/*.h)
foreach(h ${public})
  if(NOT DEFINED owner_${h})
    list(APPEND problems "sim/include/procsim/${h}: a public header no subsystem owns (add it to cmake/check_layers.cmake)")
  endif()
endforeach()

file(GLOB folders RELATIVE ${ROOT}/sim ${ROOT}/sim/*)
foreach(f ${folders})
  if(IS_DIRECTORY ${ROOT}/sim/${f} AND NOT f STREQUAL "include" AND NOT f IN_LIST layers)
    list(APPEND problems "sim/${f}: a folder that is no known subsystem (add it to cmake/check_layers.cmake)")
  endif()
endforeach()

file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/sim/*.c ${ROOT}/sim/*.h)
foreach(src ${sources})
  # sim/<layer>/...: the public headers are checked as part of their owner
  string(REGEX MATCH "^sim/([^/]+)/" _ ${src})
  set(layer ${CMAKE_MATCH_1})
  if(layer STREQUAL "include")
    get_filename_component(h ${src} NAME)
    set(layer ${owner_${h}})
    if(NOT layer)
      continue()
    endif()
  endif()
  if(NOT layer IN_LIST layers)
    continue()
  endif()
  list(JOIN allowed_${layer} ", " may)
  if(NOT may)
    set(may "nothing else")
  endif()
  file(STRINGS ${ROOT}/${src} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  foreach(line ${lines})
    string(REGEX MATCH "include[ \t]*([<\"])([^>\"]*)[>\"]" _ "${line}")
    set(inc ${CMAKE_MATCH_2})
    if(CMAKE_MATCH_1 STREQUAL "<")
      set(quoted OFF)
      set(shown "<${inc}>")
    else()
      set(quoted ON)
      set(shown "\"${inc}\"")
    endif()
    if(inc MATCHES "^SDL2?[/_.]|^SDL$")
      list(APPEND problems "${src}: #include ${shown}: the library never uses SDL (the window is gui/'s)")
    elseif(inc MATCHES "\\.\\./")
      list(APPEND problems "${src}: #include ${shown} climbs out of its folder (include by name, from a layer below)")
    elseif(NOT quoted AND NOT inc MATCHES "^procsim/")
      # a system header
    elseif(inc MATCHES "^procsim/(.*)$")
      set(h ${CMAKE_MATCH_1})
      set(from ${owner_${h}})
      if(NOT from)
        list(APPEND problems "${src}: #include ${shown}: no such public header")
      elseif(NOT from STREQUAL layer AND NOT from IN_LIST allowed_${layer})
        list(APPEND problems "${src}: #include ${shown}: ${layer} may not use ${from} (it may use: ${may})")
      endif()
    elseif(NOT EXISTS ${ROOT}/sim/${layer}/${inc})
      # a library-internal header of another subsystem (core's arena.h)
      set(found "")
      foreach(l ${layers})
        if(EXISTS ${ROOT}/sim/${l}/${inc})
          set(found ${l})
        endif()
      endforeach()
      if(found AND NOT found IN_LIST allowed_${layer})
        list(APPEND problems "${src}: #include ${shown}: ${layer} may not use ${found}'s headers (it may use: ${may})")
      endif()
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "libprocsim's layering is broken:\n  ${text}")
endif()
if(STAMP)
  file(TOUCH ${STAMP})
endif()
