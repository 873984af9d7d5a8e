# The .deb (`cpack` in the build tree, or `cmake --build build --target
# package`): everything `cmake --install` puts under /usr.  The libraries
# it links come from dpkg-shlibdeps, not a hand list; what procsim needs
# without linking it is named here: the fonts the window draws with
# (gui/text.c asks fontconfig for DejaVu Sans and a Hangul face), python3
# for the examples that procsim trace watches, weasyprint for PDF
# handouts.  tools/deb-check installs the package, runs it from / and
# removes it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME procsim)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "the procsim authors")
# Whoever builds the package maintains that build of it: Debian's
# DEBFULLNAME and DEBEMAIL (as dch reads them), else the user and host.
if(DEFINED ENV{DEBEMAIL})
  set(maintainer "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
else()
  cmake_host_system_information(RESULT host QUERY FQDN)
  set(maintainer "$ENV{USER} <$ENV{USER}@${host}>")
  if(NOT DEFINED ENV{USER})
    set(maintainer "root <root@${host}>")
  endif()
endif()
string(STRIP "${maintainer}" maintainer)
set(PROCSIM_PACKAGE_MAINTAINER "${maintainer}" CACHE STRING
  "The .deb's Maintainer: \"Name <email>\" (default: DEBFULLNAME <DEBEMAIL>, else user@host)")
set(CPACK_PACKAGE_CONTACT "${PROCSIM_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "OS process-state simulator for teaching (seven-state model)")
set(CPACK_PACKAGE_DESCRIPTION
  "procsim shows how an operating system moves processes through the
seven-state lifecycle (New, Ready, Running, Blocked, Exit, Ready/Suspend,
Blocked/Suspend) with short-, medium- and long-term scheduling over a
memory model, as an animated state diagram with PCB panels and a Gantt
chart.  It runs scenario files, drives real child processes with signals
(live mode), watches a real program's process tree (procsim trace),
reproduces the OSTEP scheduling homework programs, and prints, keys and
grades labs for a whole class.  Everything it says is in English and
Korean.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(PROCSIM_GUI)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-nanum | fonts-noto-cjk, python3")
else()
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "weasyprint")
set(CPACK_STRIP_FILES ON)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# Debian's place for the license of a package's files, and its changelog
# (one entry: this version, dated the day it was released; gzip -n so the
# same source makes the same file).
install(FILES ${PROJECT_SOURCE_DIR}/cmake/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
set(PROCSIM_RELEASE_DATE "Thu, 03 Dec 2026 00:00:00 +0000")
configure_file(${PROJECT_SOURCE_DIR}/cmake/changelog.in ${PROJECT_BINARY_DIR}/changelog.Debian @ONLY)
find_program(GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/changelog.Debian.gz
  COMMAND ${GZIP} -9 -n -c ${PROJECT_BINARY_DIR}/changelog.Debian > ${PROJECT_BINARY_DIR}/changelog.Debian.gz
  DEPENDS ${PROJECT_BINARY_DIR}/changelog.Debian VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/changelog.Debian.gz)
install(FILES ${PROJECT_BINARY_DIR}/changelog.Debian.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Without dpkg-shlibdeps (dpkg-dev) CPack would quietly make a package
# that names none of the libraries procsim links: cpack refuses instead.
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/package-check.cmake)
include(CPack)
