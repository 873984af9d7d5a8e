/* lab_text.h — the text of answers files, inside the lab library: what
 * encoding a file was saved in and its text as UTF-8 (lab_text.c), and
 * the folding that makes the forms people write compare alike. */
#ifndef PROCSIM_LAB_TEXT_H
#define PROCSIM_LAB_TEXT_H

#include <stddef.h>

#include "procsim/lab.h"

/* text[0..len) as UTF-8 without a byte-order mark, into *out (malloc'd,
 * NUL-terminated, *outlen bytes) with *enc how it was saved: UTF-8 (with
 * or without a BOM), UTF-16 with a BOM (Windows Notepad's "Unicode"), or
 * CP949 (a Korean Windows editor's default; EUC-KR is a part of it) when
 * it is not UTF-8, decodes as CP949 throughout (glibc's iconv) and its
 * other-than-ASCII characters are mostly Hangul.  0; or -1 with
 * "NAME:LINE:COL: ..." in err (not text: a control character such as NUL;
 * not UTF-8 nor any of those: "save it as UTF-8"; out of memory). */
int ps__lab_decode(const char *name, const char *text, size_t len, char **out, size_t *outlen,
                   ps_lab_encoding *enc, ps_error *err);

/* s as compared by the grader, into out (size bytes, NUL-terminated):
 * the full-width forms (０-９, Ａ-Ｚ, ．，：／ ...) and the ideographic
 * space as ASCII, 、 as a comma, 。 as a full stop, − (minus sign) and →
 * as ASCII '-' and "->", ASCII lowercased, spaces and tabs trimmed and
 * each run of them one space. */
void ps__lab_fold(const char *s, char *out, size_t size);

#endif
