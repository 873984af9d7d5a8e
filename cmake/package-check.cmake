# Run by cpack before it makes the package (CPACK_PRE_BUILD_SCRIPTS): the
# .deb's Depends come from dpkg-shlibdeps, so without it there is no
# correct package to make.
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NOT DPKG_SHLIBDEPS)
  message(FATAL_ERROR "procsim: dpkg-shlibdeps not found: install dpkg-dev "
    "(apt install dpkg-dev), else the .deb would not name the libraries procsim needs")
endif()
