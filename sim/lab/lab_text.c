/* lab_text.c — an answers file's bytes as UTF-8 text (lab_text.h): the
 * encodings a student's editor may have saved it in, told apart without
 * guessing wrong (a file is graded as what it says or not at all, never
 * as mojibake), and the folding of the forms people type alike. */
#include "lab_text.h"

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The offset of the first byte of t[0..n) that starts no UTF-8
 * character (n if all are UTF-8). */
static size_t utf8_bad(const char *t, size_t n)
{
    uint32_t cp;
    for (size_t at = 0, k; at < n; at += k)
        if (!(k = ps_utf8_char((const unsigned char *)t + at, n - at, &cp)))
            return at;
    return n;
}

int ps__lab_is_control(uint32_t c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
           c == 0x7f;
}

/* The first control character's offset, n if none.  In UTF-8, CP949 and
 * UTF-16 as decoded, a byte below 0x20 is always a character of its own. */
static size_t control_at(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ps__lab_is_control((unsigned char)t[i]))
            return i;
    return n;
}

int ps__lab_control_error(ps_error *err, const char *name, uint64_t line, uint64_t col,
                          uint32_t c, int utf16)
{
    char en[160], ko[160];
    if (c && utf16) {
        snprintf(en, sizeof en, "not a text file (a control character here); an answers file "
                 "is text, one answer per line");
        snprintf(ko, sizeof ko, "텍스트 파일이 아닙니다(여기에 제어 문자). 답안 파일은 한 줄에 "
                 "답 하나씩 적은 텍스트입니다");
    } else if (!c) {
        snprintf(en, sizeof en, "a NUL byte: save the file as UTF-8 text");
        snprintf(ko, sizeof ko, "NUL 바이트가 있습니다. 파일을 UTF-8 텍스트로 저장하십시오");
    } else {
        snprintf(en, sizeof en, "not a text file (byte 0x%02X here); an answers file is text, "
                 "one answer per line", (unsigned)c);
        snprintf(ko, sizeof ko, "텍스트 파일이 아닙니다(여기에 바이트 0x%02X). 답안 파일은 "
                 "한 줄에 답 하나씩 적은 텍스트입니다", (unsigned)c);
    }
    snprintf(err->msg, sizeof err->msg, "%s:%llu:%llu: %s", name, (unsigned long long)line,
             (unsigned long long)col, en);
    snprintf(err->msg_ko, sizeof err->msg_ko, "%s:%llu:%llu: %s", name,
             (unsigned long long)line, (unsigned long long)col, ko);
    return -1;
}

/* The line and column (in characters, counting each byte that does not
 * continue a UTF-8 character) of offset `at` of t. */
static void place(const char *t, size_t at, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < at; i++) {
        if (t[i] == '\n') {
            ++*line;
            *col = 1;
        } else if (((unsigned char)t[i] & 0xc0) != 0x80) {
            ++*col;
        }
    }
}

/* t[0..n) converted by iconv from `from` to UTF-8, into *out (malloc'd,
 * NUL-terminated): its length, or -1 if t is not `from` throughout or
 * iconv cannot convert from it here (*nomem: memory ran out). */
static long convert(const char *from, const char *t, size_t n, char **out, int *nomem)
{
    *nomem = 0;
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = n * 3 + 4; /* a CP949 or UTF-16 unit is at most 3 bytes of UTF-8 per 2 */
    char *buf = malloc(cap);
    long got = -1;
    if (!buf) {
        *nomem = 1;
    } else {
        char *in = (char *)t, *o = buf;
        size_t inleft = n, outleft = cap - 1;
        if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 &&
            iconv(cd, NULL, NULL, &o, &outleft) != (size_t)-1) {
            *o = 0;
            got = (long)(o - buf);
        }
    }
    iconv_close(cd);
    if (got < 0)
        free(buf);
    else
        *out = buf;
    return got;
}

/* Is the other-than-ASCII text of UTF-8 t mostly Hangul (syllables and
 * jamo, at least half of those characters)?  What a Korean file decoded
 * from CP949 is; Latin-1 or another code page read as CP949 comes out as
 * Hanja and symbols. */
int ps__lab_is_hangul(uint32_t cp)
{
    return (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) ||
           (cp >= 0x3130 && cp <= 0x318f);
}

/* ... with the lines not kept (d, may be NULL) counted too. */
static int mostly_hangul(const char *t, size_t n, const ps__lab_dropped *d)
{
    size_t hangul = d ? d->hangul : 0, other = d ? d->other : 0;
    uint32_t cp;
    for (size_t at = 0, k; at < n; at += k) {
        k = ps_utf8_char((const unsigned char *)t + at, n - at, &cp);
        if (!k)
            return 0;
        if (cp < 0x80)
            continue;
        if (ps__lab_is_hangul(cp))
            hangul++;
        else
            other++;
    }
    return hangul > 0 && hangul >= other;
}

/* place(), with the line numbered as in the whole file: line_of[i] is
 * the file's line of the i+1-th line kept (NULL: all were kept). */
static void kept_place(const char *t, size_t at, const uint32_t *line_of, size_t nlines,
                       unsigned *line, unsigned *col)
{
    place(t, at, line, col);
    if (line_of && *line >= 1 && *line <= nlines)
        *line = line_of[*line - 1];
}

/* The first control character of t[0..n), if any, as the answers
 * reader says it (ps__lab_control_error): -1; else 0.  The reader has
 * refused them as they came: this holds for what it did not see. */
static int no_controls(ps_error *err, const char *name, const char *t, size_t n,
                       const uint32_t *line_of, size_t nlines, int utf16)
{
    size_t c = control_at(t, n);
    if (c == n)
        return 0;
    unsigned line, col;
    kept_place(t, c, line_of, nlines, &line, &col);
    return ps__lab_control_error(err, name, line, col, (unsigned char)t[c], utf16);
}

static int fail_at(ps_error *err, const char *name, const char *t, size_t at,
                   const uint32_t *line_of, size_t nlines, const char *en, const char *ko)
{
    unsigned line, col;
    kept_place(t, at, line_of, nlines, &line, &col);
    snprintf(err->msg, sizeof err->msg, "%s:%u:%u: %s", name, line, col, en);
    snprintf(err->msg_ko, sizeof err->msg_ko, "%s:%u:%u: %s", name, line, col, ko);
    return -1;
}

static int out_of_memory(ps_error *err, const char *name)
{
    snprintf(err->msg, sizeof err->msg, "%s: out of memory reading it", name);
    snprintf(err->msg_ko, sizeof err->msg_ko, "%s: 읽다가 메모리가 모자랐습니다", name);
    return -1;
}

int ps__lab_decode(const char *name, const char *text, size_t len, const uint32_t *line_of,
                   size_t nlines, const ps__lab_dropped *dropped, char **out, size_t *outlen,
                   ps_lab_encoding *enc, ps_error *err)
{
    char *buf = NULL;
    long n = -1;
    int nomem = 0;
    char what[160], what_ko[160];
    *out = NULL;
    if (len >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') ||
                     (text[0] == '\xfe' && text[1] == '\xff'))) {
        n = convert(text[0] == '\xff' ? "UTF-16LE" : "UTF-16BE", text + 2, len - 2, &buf,
                    &nomem);
        if (n < 0)
            return nomem ? out_of_memory(err, name)
                         : fail_at(err, name, "", 0, NULL, 0,
                                   "the file says it is UTF-16 but is not; save it as UTF-8",
                                   "파일이 UTF-16이라고 되어 있지만 UTF-16이 아닙니다. "
                                   "UTF-8로 저장하십시오");
        *enc = PS_LAB_UTF16;
    } else {
        if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
            text += 3;
            len -= 3;
        }
        if (no_controls(err, name, text, len, line_of, nlines, 0))
            return -1;
        size_t bad = utf8_bad(text, len);
        if (bad == len && !(dropped && dropped->utf8_bad)) {
            if (!(buf = malloc(len + 1)))
                return out_of_memory(err, name);
            memcpy(buf, text, len);
            buf[len] = 0;
            n = (long)len;
            *enc = PS_LAB_UTF8;
        } else {
            n = convert("CP949", text, len, &buf, &nomem);
            if (n >= 0 && ((dropped && dropped->cp949_bad) ||
                           !mostly_hangul(buf, (size_t)n, dropped))) {
                free(buf);
                n = -1;
            }
            if (n < 0) {
                if (nomem)
                    return out_of_memory(err, name);
                unsigned line = 0, col = 0;
                if (bad < len) /* the first bad byte: of the lines kept, or not */
                    kept_place(text, bad, line_of, nlines, &line, &col);
                unsigned char byte = bad < len ? (unsigned char)text[bad] : 0;
                if (dropped && dropped->utf8_bad &&
                    (bad == len || dropped->bad_line < line ||
                     (dropped->bad_line == line && dropped->bad_col < col))) {
                    line = dropped->bad_line;
                    col = dropped->bad_col;
                    byte = dropped->bad_byte;
                }
                snprintf(what, sizeof what, "the file is not UTF-8 (byte 0x%02X here); save "
                         "it as UTF-8", byte);
                snprintf(what_ko, sizeof what_ko, "파일이 UTF-8이 아닙니다(여기에 바이트 "
                         "0x%02X). UTF-8로 저장하십시오", byte);
                snprintf(err->msg, sizeof err->msg, "%s:%u:%u: %s", name, line, col, what);
                snprintf(err->msg_ko, sizeof err->msg_ko, "%s:%u:%u: %s", name, line, col,
                         what_ko);
                return -1;
            }
            *enc = PS_LAB_CP949;
        }
    }
    if (no_controls(err, name, buf, (size_t)n, line_of, nlines, *enc == PS_LAB_UTF16)) {
        free(buf); /* what UTF-16 held */
        return -1;
    }
    *out = buf;
    *outlen = (size_t)n;
    return 0;
}

/* What ps__lab_fold makes of a character other than ASCII: the ASCII
 * text it reads as, or NULL to keep it. */
static const char *fold_char(uint32_t cp, char *one)
{
    if (cp >= 0xff01 && cp <= 0xff5e) { /* full-width ASCII */
        one[0] = (char)(cp - 0xfee0);
        one[1] = 0;
        return one;
    }
    switch (cp) {
    case 0x00a0: /* no-break space */
    case 0x3000: /* ideographic space */
        return " ";
    case 0x3001: return ",";  /* 、 */
    case 0x3002: return ".";  /* 。 */
    case 0x2212: return "-";  /* minus sign */
    case 0x2192: return "->"; /* → */
    }
    return NULL;
}

void ps__lab_fold(const char *s, char *out, size_t size)
{
    size_t n = 0, len = strlen(s);
    int gap = 0;
    uint32_t cp;
    char one[2];
    for (size_t at = 0, k; at < len && n + 1 < size; at += k) {
        const char *piece = s + at;
        size_t plen;
        k = ps_utf8_char((const unsigned char *)s + at, len - at, &cp);
        if (!k) { /* not UTF-8: kept as it is, byte by byte */
            k = 1;
            plen = 1;
        } else {
            const char *f = cp >= 0x80 ? fold_char(cp, one) : NULL;
            if (f) {
                piece = f;
                plen = strlen(f);
            } else {
                plen = k;
            }
        }
        if (plen > 1 && n + plen + (size_t)gap >= size)
            break; /* a character is kept whole or not at all */
        for (size_t i = 0; i < plen && n + 1 < size; i++) {
            char c = piece[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                gap = n > 0;
                continue;
            }
            if (gap && n + 2 < size)
                out[n++] = ' ';
            gap = 0;
            out[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
    }
    out[n] = 0;
}
