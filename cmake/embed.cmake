# cmake -DIN=file -DOUT=file.c -DNAME=shown-name -P embed.cmake
# Writes ps_tour_yaml[] (its bytes, then a NUL) and ps_tour_yaml_len,
# including procsim/scenario.h, whose declarations they must match (a
# change of type there is a compile error here): unsigned bytes, so that
# the file compiles clean under any warning set (clang -Weverything
# included).
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR len "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
file(WRITE "${OUT}" "/* generated from ${NAME} by cmake/embed.cmake; do not edit */\n"
  "#include \"procsim/scenario.h\"\n\n"
  "const unsigned char ps_tour_yaml[] = {${body}0x00};\n"
  "const size_t ps_tour_yaml_len = ${len};\n")
