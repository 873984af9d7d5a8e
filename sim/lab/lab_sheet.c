/* lab_sheet.c — an answers file read in pieces (lab.h, ps_lab_sheet_feed):
 * its lines split as they come (LF, CRLF or a CR alone), its comment and
 * blank lines dropped, a control character refused at its line and
 * column, and what is kept held to PS_LAB_SHEET_MAX, so that a file of
 * megabytes of comments is graded with the memory of its answers.  What
 * is kept is decoded (lab_text.c) and its header lines read (lab_grade.c)
 * once the file is all there.
 *
 * A line is split before it is decoded: no byte of a character other
 * than ASCII is LF, CR, a blank or '#' (in UTF-8 they are all 0x80 and up;
 * a CP949 second byte is 0x41 and up), so the bytes say where lines end
 * and which are comments; a UTF-16 file (by its byte-order mark) is split
 * by 16-bit units.  A dropped line is still checked as the decoder would
 * check it (ps__lab_dropped), so a comment decides the encoding as
 * before: a Latin-1 comment is "not UTF-8", a Korean one makes the file
 * CP949. */
#include "lab_text.h"

#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mode { UNDECIDED, BYTES, UTF16LE, UTF16BE };
enum where { START, KEEP, SKIP }; /* in a line: its leading blanks, kept, dropped */

struct ps__lab_feed {
    uint8_t mode;        /* enum mode: decided by the first bytes */
    uint8_t head[3];     /* UNDECIDED: the first bytes, until there are 3 */
    size_t nhead;
    int odd;             /* UTF-16: the first byte of a unit split between pieces, -1 none */
    char *kept;          /* the lines kept, each ending in LF (in the file's encoding) */
    size_t len, cap;
    uint32_t *line_of;   /* per kept line: its line in the file */
    size_t nlines, caplines;
    uint64_t line, col;  /* the file's line being read; its characters so far */
    size_t lead;         /* START: its blanks so far */
    uint8_t where;       /* enum where */
    bool after_cr;       /* a CR ended the last line: an LF next ends nothing */
    /* what the lines dropped say of the encoding (BYTES), as they come */
    ps__lab_dropped drop;
    uint8_t u8[4];       /* a UTF-8 character begun, nu8 of its u8len bytes */
    size_t nu8, u8len;
    uint32_t u8line, u8col; /* where it began */
    iconv_t cp949;       /* (iconv_t)-1 until a byte other than ASCII is dropped */
    int cp_lead;         /* a CP949 lead byte waiting for its second, -1 none */
    uint16_t surrogate;  /* UTF-16: a high surrogate waiting for its low one, 0 none */
    bool utf16_bad;      /* UTF-16: a surrogate unpaired */
};

static uint32_t u32(uint64_t v)
{
    return v < UINT32_MAX ? (uint32_t)v : UINT32_MAX;
}

static void utf8_bad_at(struct ps__lab_feed *f, uint32_t line, uint32_t col, uint8_t b)
{
    f->drop.utf8_bad = 1;
    f->drop.bad_line = line;
    f->drop.bad_col = col;
    f->drop.bad_byte = b;
    f->nu8 = 0;
}

/* Byte b of a dropped line, at column col: checked as UTF-8, and as
 * CP949 (each pair decoded alone: a pair is one character), counting its
 * Hangul, until each is found not to be. */
static void drop_byte(struct ps__lab_feed *f, uint8_t b, uint32_t col)
{
    uint32_t cp;
    if (!f->drop.utf8_bad) {
        if (f->nu8 && (b & 0xc0) != 0x80) {
            utf8_bad_at(f, f->u8line, f->u8col, f->u8[0]);
        } else if (f->nu8) {
            f->u8[f->nu8++] = b;
            if (f->nu8 == f->u8len) {
                if (!ps_utf8_char(f->u8, f->nu8, &cp))
                    utf8_bad_at(f, f->u8line, f->u8col, f->u8[0]);
                f->nu8 = 0;
            }
        } else if (b >= 0x80) {
            f->u8len = ps_utf8_len(b);
            if (!f->u8len) {
                utf8_bad_at(f, u32(f->line), col, b);
            } else {
                f->u8[0] = b;
                f->nu8 = 1;
                f->u8line = u32(f->line);
                f->u8col = col;
            }
        }
    }
    if (f->drop.cp949_bad || (f->cp_lead < 0 && b < 0x80))
        return;
    if (f->cp_lead < 0) {
        f->cp_lead = b;
        return;
    }
    if (f->cp949 == (iconv_t)-1 && (f->cp949 = iconv_open("UTF-8", "CP949")) == (iconv_t)-1) {
        f->drop.cp949_bad = 1;
        return;
    }
    char in[2] = {(char)f->cp_lead, (char)b}, out[8], *ip = in, *op = out;
    size_t inleft = 2, outleft = sizeof out;
    f->cp_lead = -1;
    if (iconv(f->cp949, &ip, &inleft, &op, &outleft) == (size_t)-1 || inleft ||
        !ps_utf8_char((const unsigned char *)out, (size_t)(op - out), &cp)) {
        f->drop.cp949_bad = 1;
        return;
    }
    if (ps__lab_is_hangul(cp))
        f->drop.hangul++;
    else
        f->drop.other++;
}

/* A dropped line ends: a character begun in it is cut. */
static void drop_end(struct ps__lab_feed *f)
{
    if (f->nu8 && !f->drop.utf8_bad)
        utf8_bad_at(f, f->u8line, f->u8col, f->u8[0]);
    f->nu8 = 0;
    if (f->cp_lead >= 0)
        f->drop.cp949_bad = 1;
    f->cp_lead = -1;
}

static int nomem(ps_error *err, const char *name)
{
    snprintf(err->msg, sizeof err->msg, "%s: out of memory reading it", name);
    snprintf(err->msg_ko, sizeof err->msg_ko, "%s: 읽다가 메모리가 모자랐습니다", name);
    return -1;
}

static int too_much(ps_error *err, const char *name, const struct ps__lab_feed *f)
{
    snprintf(err->msg, sizeof err->msg,
             "%s:%llu:%llu: the answers and header lines pass %u bytes (comments and blank "
             "lines do not count); an answers file holds short answers, one a line",
             name, (unsigned long long)f->line, (unsigned long long)f->col,
             PS_LAB_SHEET_MAX);
    snprintf(err->msg_ko, sizeof err->msg_ko,
             "%s:%llu:%llu: 답과 머리 줄이 %u바이트를 넘습니다(주석과 빈 줄은 세지 않습니다). "
             "답안 파일에는 짧은 답을 한 줄에 하나씩 적습니다",
             name, (unsigned long long)f->line, (unsigned long long)f->col,
             PS_LAB_SHEET_MAX);
    return -1;
}

/* Character c of the file in the file's encoding appended to the kept
 * text: 0, or -1 with the error. */
static int keep(struct ps__lab_feed *f, uint32_t c, ps_error *err, const char *name)
{
    size_t w = f->mode == BYTES ? 1 : 2;
    if (f->len + w > PS_LAB_SHEET_MAX)
        return too_much(err, name, f);
    if (f->len + w > f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 4096;
        char *k = realloc(f->kept, cap);
        if (!k)
            return nomem(err, name);
        f->kept = k;
        f->cap = cap;
    }
    if (f->mode == BYTES) {
        f->kept[f->len++] = (char)c;
    } else {
        f->kept[f->len + (f->mode == UTF16BE)] = (char)(c & 0xff);
        f->kept[f->len + (f->mode == UTF16LE)] = (char)(c >> 8);
        f->len += 2;
    }
    return 0;
}

/* A line begins to be kept: its place, and its leading blanks (as
 * spaces: a column counts either as one). */
static int begin_kept(struct ps__lab_feed *f, ps_error *err, const char *name)
{
    if (f->nlines == f->caplines) {
        size_t cap = f->caplines ? f->caplines * 2 : 64;
        uint32_t *l = realloc(f->line_of, cap * sizeof *l);
        if (!l)
            return nomem(err, name);
        f->line_of = l;
        f->caplines = cap;
    }
    f->line_of[f->nlines++] = f->line < UINT32_MAX ? (uint32_t)f->line : UINT32_MAX;
    for (size_t i = 0; i < f->lead; i++)
        if (keep(f, ' ', err, name))
            return -1;
    return 0;
}

static int end_line(struct ps__lab_feed *f, ps_error *err, const char *name)
{
    if (f->where == KEEP && keep(f, '\n', err, name))
        return -1;
    if (f->where == SKIP)
        drop_end(f);
    f->line++;
    f->col = 0;
    f->lead = 0;
    f->where = START;
    return 0;
}

/* One character of the file: a byte (BYTES; `starts`: it begins a UTF-8
 * character, so a column), or a UTF-16 unit. */
static int one(struct ps__lab_feed *f, uint32_t c, bool starts, ps_error *err, const char *name)
{
    if (f->after_cr) {
        f->after_cr = false;
        if (c == '\n')
            return 0; /* CRLF: one line end */
    }
    if (c == '\n' || c == '\r') {
        f->after_cr = c == '\r';
        return end_line(f, err, name);
    }
    if (starts)
        f->col++;
    if (ps__lab_is_control(c))
        return ps__lab_control_error(err, name, f->line, f->col, c, f->mode != BYTES);
    if (f->mode != BYTES) { /* a surrogate pair, whole */
        bool high = c >= 0xd800 && c <= 0xdbff, low = c >= 0xdc00 && c <= 0xdfff;
        if ((f->surrogate != 0) != low)
            f->utf16_bad = true;
        f->surrogate = high ? (uint16_t)c : 0;
    }
    uint32_t col = u32(starts ? f->col : f->col + 1);
    switch ((enum where)f->where) {
    case START:
        if (c == ' ' || c == '\t') {
            f->lead++;
            return 0;
        }
        if (c == '#') {
            f->where = SKIP;
            return 0; /* ASCII: nothing to check */
        }
        f->where = KEEP;
        if (begin_kept(f, err, name))
            return -1;
        return keep(f, c, err, name);
    case KEEP:
        return keep(f, c, err, name);
    case SKIP:
        if (f->mode == BYTES)
            drop_byte(f, (uint8_t)c, col);
        break;
    }
    return 0;
}

/* Bytes of a file whose encoding is decided. */
static int feed(struct ps__lab_feed *f, const char *bytes, size_t n, ps_error *err,
                const char *name)
{
    const uint8_t *b = (const uint8_t *)bytes;
    for (size_t i = 0; i < n; i++) {
        int rc;
        if (f->mode == BYTES) {
            rc = one(f, b[i], (b[i] & 0xc0) != 0x80, err, name);
        } else if (f->odd < 0) {
            f->odd = b[i];
            continue;
        } else {
            uint32_t u = f->mode == UTF16LE ? (uint32_t)f->odd | (uint32_t)b[i] << 8
                                            : (uint32_t)f->odd << 8 | b[i];
            f->odd = -1;
            rc = one(f, u, u < 0xdc00 || u > 0xdfff, err, name); /* a low surrogate goes on */
        }
        if (rc)
            return -1;
    }
    return 0;
}

/* The first bytes say the encoding: a UTF-16 byte-order mark, else bytes
 * (a UTF-8 one is kept for the decoder to see). */
static int decide(struct ps__lab_feed *f, ps_error *err, const char *name)
{
    const uint8_t *h = f->head;
    f->mode = f->nhead >= 2 && h[0] == 0xff && h[1] == 0xfe   ? UTF16LE
            : f->nhead >= 2 && h[0] == 0xfe && h[1] == 0xff ? UTF16BE
                                                             : BYTES;
    size_t skip = f->mode == BYTES ? 0 : 2;
    if (f->mode == BYTES && f->nhead == 3 && !memcmp(h, "\xef\xbb\xbf", 3))
        skip = 3;
    for (size_t i = 0; i < skip; i++) { /* the mark, as the decoder expects it */
        if (f->len == f->cap) {
            char *k = realloc(f->kept, 4096);
            if (!k)
                return nomem(err, name);
            f->kept = k;
            f->cap = 4096;
        }
        f->kept[f->len++] = (char)h[i];
    }
    size_t rest = f->nhead - skip;
    f->nhead = 0;
    char tail[3];
    memcpy(tail, h + skip, rest);
    return feed(f, tail, rest, err, name);
}

static void feed_free(struct ps__lab_feed *f)
{
    if (!f)
        return;
    if (f->cp949 != (iconv_t)-1)
        iconv_close(f->cp949);
    free(f->kept);
    free(f->line_of);
    free(f);
}

void ps_lab_sheet_begin(ps_lab_sheet *sh)
{
    memset(sh, 0, sizeof *sh);
}

/* The feed of sh, made the first time; NULL when out of memory. */
static struct ps__lab_feed *feed_of(ps_lab_sheet *sh)
{
    if (!sh->feed_ && (sh->feed_ = calloc(1, sizeof *sh->feed_)) != NULL) {
        sh->feed_->odd = -1;
        sh->feed_->line = 1;
        sh->feed_->cp949 = (iconv_t)-1;
        sh->feed_->cp_lead = -1;
    }
    return sh->feed_;
}

int ps_lab_sheet_feed(ps_lab_sheet *sh, const char *name, const char *bytes, size_t n,
                      ps_error *err)
{
    struct ps__lab_feed *f = feed_of(sh);
    if (!f)
        return nomem(err, name);
    while (f->mode == UNDECIDED && n) {
        f->head[f->nhead++] = (uint8_t)*bytes++;
        n--;
        if (f->nhead == 3 && decide(f, err, name))
            return -1;
    }
    return f->mode == UNDECIDED ? 0 : feed(f, bytes, n, err, name);
}

int ps_lab_sheet_end(ps_lab_sheet *sh, const char *name, ps_error *err)
{
    struct ps__lab_feed *f = feed_of(sh);
    if (!f)
        return nomem(err, name);
    if (f->mode == UNDECIDED && decide(f, err, name))
        return -1;
    if (f->where == KEEP && end_line(f, err, name))
        return -1;
    if (f->where == SKIP)
        drop_end(f);
    if (f->odd >= 0 || f->surrogate || f->utf16_bad) {
        /* half a UTF-16 unit, a surrogate alone: the decoder says it is not UTF-16 */
        f->mode = BYTES;
        f->len = 2; /* the byte-order mark */
        if (keep(f, 0xdc, err, name) || keep(f, 0xdc, err, name))
            return -1;
    }
    ps_lab_encoding enc = PS_LAB_UTF8;
    int rc = ps__lab_decode(name, f->kept ? f->kept : "", f->len, f->line_of, f->nlines,
                            &f->drop, &sh->text, &sh->len, &enc, err);
    sh->encoding = (uint8_t)enc;
    sh->line_of = f->line_of;
    sh->nlines = f->nlines;
    f->line_of = NULL;
    feed_free(f);
    sh->feed_ = NULL;
    return rc ? -1 : ps__lab_sheet_heads(sh, name, err);
}

int ps_lab_sheet_read(ps_lab_sheet *sh, const char *name, const char *bytes, size_t len,
                      ps_error *err)
{
    ps_lab_sheet_begin(sh);
    return ps_lab_sheet_feed(sh, name, bytes, len, err) || ps_lab_sheet_end(sh, name, err) ? -1
                                                                                           : 0;
}

void ps_lab_sheet_fini(ps_lab_sheet *sh)
{
    feed_free(sh->feed_);
    free(sh->text);
    free(sh->line_of);
    memset(sh, 0, sizeof *sh);
}
