# The browser build (PROCSIM_WEB): emscripten's toolchain, and the
# libraries tools/web-deps compiled to WebAssembly from Debian's source
# packages (CMAKE_PREFIX_PATH names its prefix).  What a web page cannot
# have is off: live and trace modes (no processes to fork or trace), the
# hardening flags (the linker is not GNU ld), and everything installed.
if(NOT EMSCRIPTEN)
  message(FATAL_ERROR "PROCSIM_WEB needs emscripten's toolchain: configure with emcmake "
    "(tools/web-build does it all)")
endif()
set(PROCSIM_GUI ON CACHE BOOL "" FORCE)
set(PROCSIM_LIVE OFF CACHE BOOL "" FORCE)
set(PROCSIM_TRACE OFF CACHE BOOL "" FORCE)
set(PROCSIM_HARDEN OFF CACHE BOOL "" FORCE)

# the static libraries of the prefix, under the names the desktop's
# pkg-config and CMake packages give
find_package(yaml CONFIG REQUIRED)
find_package(SDL2 CONFIG REQUIRED)
find_package(freetype CONFIG REQUIRED)
find_package(SDL2_ttf CONFIG REQUIRED)
# SDL2_image's package asks for libpng whenever PNG is on, even when
# stb_image loads and miniz saves (as here): an empty PNG::PNG answers it.
add_library(PNG::PNG INTERFACE IMPORTED)
find_package(SDL2_image CONFIG REQUIRED)
add_library(PkgConfig::YAML INTERFACE IMPORTED)
target_link_libraries(PkgConfig::YAML INTERFACE yaml)
target_compile_definitions(PkgConfig::YAML INTERFACE YAML_DECLARE_STATIC)

# emcc's JS optimizer needs Debian's node modules (acorn), which a node
# that is not Debian's own does not look for: every link is told where.
set(CMAKE_C_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
