/* lab_text.h — the text of answers files, inside the lab library: what
 * encoding a file was saved in and its text as UTF-8 (lab_text.c), and
 * the folding that makes the forms people write compare alike. */
#ifndef PROCSIM_LAB_TEXT_H
#define PROCSIM_LAB_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/lab.h"
#include "procsim/visible.h" /* ps_utf8_char */

/* text[0..len) as UTF-8 without a byte-order mark, into *out (malloc'd,
 * NUL-terminated, *outlen bytes) with *enc how it was saved: UTF-8 (with
 * or without a BOM), UTF-16 with a BOM (Windows Notepad's "Unicode"), or
 * CP949 (a Korean Windows editor's default; EUC-KR is a part of it) when
 * it is not UTF-8, decodes as CP949 throughout (glibc's iconv) and its
 * other-than-ASCII characters are mostly Hangul.  0; or -1 with
 * "NAME:LINE:COL: ..." in err (not text: a control character such as NUL;
 * not UTF-8 nor any of those: "save it as UTF-8"; out of memory).  Line k
 * of text (lines end at LF) is line line_of[k - 1] of the file (line_of
 * NULL: line k). */
/* What the lines of a file not kept (its comments) said of its encoding:
 * what the decoder would have found in them, to decide as if they were
 * there. */
typedef struct ps__lab_dropped {
    int utf8_bad;        /* a byte in them starts no UTF-8 character... */
    uint32_t bad_line, bad_col; /* ... the first, here */
    uint8_t bad_byte;
    int cp949_bad;       /* they are not CP949 throughout */
    size_t hangul, other; /* as CP949: their Hangul and other non-ASCII characters */
} ps__lab_dropped;

int ps__lab_decode(const char *name, const char *text, size_t len, const uint32_t *line_of,
                   size_t nlines, const ps__lab_dropped *dropped, char **out, size_t *outlen,
                   ps_lab_encoding *enc, ps_error *err);

/* Is cp Hangul (syllables and jamo)? */
int ps__lab_is_hangul(uint32_t cp);

/* The control characters no text editor writes (NUL, a backspace, an
 * escape, DEL...): c is a character of the file (a byte, a UTF-16 unit). */
int ps__lab_is_control(uint32_t c);
/* "NAME:LINE:COL: not a text file ..." (NUL: "a NUL byte: save the file
 * as UTF-8 text") into err for control character c (utf16: a UTF-16
 * unit, whose bytes are not told); -1. */
int ps__lab_control_error(ps_error *err, const char *name, uint64_t line, uint64_t col,
                          uint32_t c, int utf16);

/* After the sheet's text is decoded: its header lines into sh (lab_grade.c),
 * 0 or -1 with the error as ps_lab_sheet_read. */
int ps__lab_sheet_heads(ps_lab_sheet *sh, const char *name, ps_error *err);

/* s as compared by the grader, into out (size bytes, NUL-terminated):
 * the full-width forms (０-９, Ａ-Ｚ, ．，：／ ...) and the ideographic
 * space as ASCII, 、 as a comma, 。 as a full stop, − (minus sign) and →
 * as ASCII '-' and "->", ASCII lowercased, spaces and tabs trimmed and
 * each run of them one space. */
void ps__lab_fold(const char *s, char *out, size_t size);

#endif
