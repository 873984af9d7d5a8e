# cmake -DIN=file -DOUT=file.c -P embed.cmake
# Writes ps_tour_yaml[] (NUL-terminated) and ps_tour_yaml_len.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n)
math(EXPR len "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
file(WRITE "${OUT}" "/* generated from ${IN}; do not edit */\n#include <stddef.h>\n"
  "const char ps_tour_yaml[] = {${body}0x00};\n"
  "const size_t ps_tour_yaml_len = ${len};\n")
