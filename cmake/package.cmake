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
set(CPACK_PACKAGE_CONTACT "the procsim authors")
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
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-nanum | fonts-noto-cjk, python3")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "weasyprint")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/cmake/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# Debian's place for the license of a package's files.
install(FILES ${PROJECT_SOURCE_DIR}/cmake/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
include(CPack)
