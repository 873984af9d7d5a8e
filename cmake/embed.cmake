# cmake -DIN=file -DOUT=file.c -DNAME=shown-name -P embed.cmake
# Writes ps_tour_yaml[] (its bytes, then a NUL) and ps_tour_yaml_len, as
# procsim/scenario.h declares them: unsigned bytes, so that the file
# compiles clean under any warning set (clang -Weverything included).
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR len "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
# The declarations are procsim/scenario.h's, written out so that the file
# stands alone (that header is not -Weverything clean: -Wpadded).
file(WRITE "${OUT}" "/* generated from ${NAME} by cmake/embed.cmake; do not edit */\n"
  "#include <stddef.h>\n\n"
  "extern const unsigned char ps_tour_yaml[];\nextern const size_t ps_tour_yaml_len;\n\n"
  "const unsigned char ps_tour_yaml[] = {${body}0x00};\n"
  "const size_t ps_tour_yaml_len = ${len};\n")
