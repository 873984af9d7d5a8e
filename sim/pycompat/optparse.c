/* optparse.c — Python's optparse, as the OSTEP homework programs use it.
 *
 * One OptionParser() with its default usage "%prog [options]", the implicit
 * -h/--help first, then the caller's store/store_true options.  Arguments
 * are read left to right as OptionParser._process_args does, so the first
 * problem met is the one reported and -h stops parsing where it stands.
 * Help is laid out as IndentedHelpFormatter does with COLUMNS unset (width
 * 78, help column at most 24) and the help strings wrapped as textwrap
 * does; the wrapper counts bytes, so help strings must be ASCII.  Text
 * from argv echoed in errors is shown as Python would print it: bytes that
 * are not UTF-8 as "\udcXX", and %r quoting for values.
 */
#include "optparse.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    WIDTH = 80 - 2,          /* HelpFormatter: COLUMNS unset */
    MAX_HELP_POSITION = 24,  /* IndentedHelpFormatter default */
    INDENT = 2,              /* options are indented one level */
    TABSIZE = 8              /* textwrap's expand_tabs */
};

/* The option optparse adds before all others; index 0 below. */
static const ps_opt_spec help_spec = {'h', "help", PS_OPT_FLAG, NULL,
                                      "show this help message and exit"};

typedef struct parser {
    const char *prog;
    const ps_opt_spec *specs;
    size_t n;                /* caller's options; indices 1..n here */
    ps_opt_value *values;
    ps_out *out, *err;
} parser;

static const ps_opt_spec *spec_at(const parser *p, size_t i)
{
    return i == 0 ? &help_spec : &p->specs[i - 1];
}

/* ---- text as Python shows it ------------------------------------------ */

/* Length of the well-formed UTF-8 sequence at s[0..n) and its code point,
 * or 0 if s[0] does not start one (Python then decodes that byte alone to
 * the surrogate U+DC00+byte). */
static size_t utf8_char(const unsigned char *s, size_t n, uint32_t *cp)
{
    size_t len;
    uint32_t c, min;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    } else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2, c = s[0] & 0x1F, min = 0x80;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        len = 3, c = s[0] & 0x0F, min = 0x800;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4, c = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* str(s) written to Python's stderr (UTF-8, backslashreplace). */
static void put_text(ps_out *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i + run < n) {
        uint32_t cp;
        size_t len = utf8_char(u + i + run, n - i - run, &cp);
        if (len) {
            run += len;
            continue;
        }
        ps_out_write(o, s + i, run);
        ps_outf(o, "\\udc%02x", u[i + run]);
        i += run + 1;
        run = 0;
    }
    ps_out_write(o, s + i, run);
}

/* Code points above U+007F that str.isprintable() rejects in Python 3.11
 * (Unicode 14), except unassigned ones, which are taken as printable. */
static const uint32_t unprintable[][2] = {
    {0x80, 0xA0}, {0xAD, 0xAD}, {0x600, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD},
    {0x70F, 0x70F}, {0x890, 0x891}, {0x8E2, 0x8E2}, {0x1680, 0x1680},
    {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x2064},
    {0x2066, 0x206F}, {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x13438},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
    {0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD},
};

static int printable(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    for (size_t i = 0; i < sizeof unprintable / sizeof unprintable[0]; i++)
        if (cp >= unprintable[i][0] && cp <= unprintable[i][1])
            return 0;
    return 1;
}

/* repr(s): single quotes unless s holds ' and no ", escapes as Python. */
static void put_repr(ps_out *o, const char *s)
{
    char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    ps_out_write(o, &q, 1);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_char(u + i, n - i, &cp);
        if (!len) {
            ps_outf(o, "\\udc%02x", u[i]);
            i++;
            continue;
        }
        if (cp == (uint32_t)q || cp == '\\')
            ps_outf(o, "\\%c", (char)cp);
        else if (cp == '\t' || cp == '\n' || cp == '\r')
            ps_outf(o, "\\%c", cp == '\t' ? 't' : cp == '\n' ? 'n' : 'r');
        else if (printable(cp))
            ps_out_write(o, s + i, len);
        else if (cp < 0x100)
            ps_outf(o, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000)
            ps_outf(o, "\\u%04x", (unsigned)cp);
        else
            ps_outf(o, "\\U%08x", (unsigned)cp);
        i += len;
    }
    ps_out_write(o, &q, 1);
}

/* OptionParser.error writes the usage line, then "PROG: error: MSG". */
static void error_begin(const parser *p)
{
    ps_outf(p->err, "Usage: %s [options]\n\n%s: error: ", p->prog, p->prog);
}

static int error_end(const parser *p)
{
    ps_out_puts(p->err, "\n");
    return PS_OPTPARSE_ERROR;
}

/* The option string optparse names in messages: "-s", or the full long
 * name even when an abbreviation was typed. */
static void put_opt(ps_out *o, const ps_opt_spec *s, int is_long)
{
    if (is_long)
        ps_outf(o, "--%s", s->long_name);
    else
        ps_outf(o, "-%c", s->short_name);
}

/* ---- help --------------------------------------------------------------- */

/* "-s SEED, --seed=SEED", "-c" or "-p, --printstats": written to o if
 * non-NULL; returns its length. */
static size_t opt_strings(const ps_opt_spec *s, ps_out *o)
{
    size_t len = 0;
    size_t value = s->type != PS_OPT_FLAG;
    const char *mv = value ? s->metavar : "";
    if (s->short_name) {
        if (o)
            ps_outf(o, "-%c%s%s", s->short_name, value ? " " : "", mv);
        len += 2 + value + strlen(mv);
    }
    if (s->long_name) {
        const char *sep = s->short_name ? ", " : "";
        if (o)
            ps_outf(o, "%s--%s%s%s", sep, s->long_name, value ? "=" : "", mv);
        len += strlen(sep) + 2 + strlen(s->long_name) + value + strlen(mv);
    }
    return len;
}

static void put_spaces(ps_out *o, size_t n)
{
    static const char sp[] = "                                ";
    for (; n > sizeof sp - 1; n -= sizeof sp - 1)
        ps_out_write(o, sp, sizeof sp - 1);
    ps_out_write(o, sp, n);
}

/* textwrap's character classes (ASCII, other bytes taken as letters). */
static int tw_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (unsigned char)c >= 0x80;
}

static int tw_word(char c)
{
    return tw_letter(c) || (c >= '0' && c <= '9');
}

static int tw_punct(char c)
{
    return tw_word(c) || (c && strchr("!\"'&.,?", c));
}

/* Does an em-dash ("--" or longer, then a word character) start at k? */
static int tw_emdash(const char *t, size_t len, size_t k)
{
    size_t h = 0;
    while (k + h < len && t[k + h] == '-')
        h++;
    return h >= 2 && k + h < len && tw_word(t[k + h]);
}

/* May a word break after the hyphen at t[k] ("comma-" | "separated")? */
static int tw_hyphen_break(const char *t, size_t len, size_t k)
{
    int before = (k >= 2 && tw_letter(t[k - 2]) && tw_letter(t[k - 1])) ||
                 (k >= 3 && tw_letter(t[k - 3]) && t[k - 2] == '-' && tw_letter(t[k - 1]));
    int after = k + 2 < len && tw_letter(t[k + 1]) &&
                (tw_letter(t[k + 2]) ||
                 (t[k + 2] == '-' && k + 3 < len && tw_letter(t[k + 3])));
    return before && after;
}

/* Length of the chunk at t[p] (p < len), as TextWrapper.wordsep_re splits:
 * a run of spaces, an em-dash after a word, or a word up to a space, up to
 * and including a breakable hyphen, or up to an em-dash. */
static size_t tw_chunk(const char *t, size_t len, size_t p)
{
    size_t k = p;
    if (t[p] == ' ') {
        while (k < len && t[k] == ' ')
            k++;
        return k - p;
    }
    if (p > 0 && tw_punct(t[p - 1]) && tw_emdash(t, len, p)) {
        while (t[k] == '-')
            k++;
        return k - p;
    }
    for (k = p + 1; k < len && t[k] != ' '; k++) {
        if (t[k] != '-')
            continue;
        if (tw_hyphen_break(t, len, k))
            return k + 1 - p;
        if (tw_punct(t[k - 1]) && tw_emdash(t, len, k))
            return k - p;
    }
    return k - p;
}

/* textwrap's _munge_whitespace: tabs expanded, all whitespace to spaces.
 * Returns a malloc'd copy (length in *len), or NULL if out of memory. */
static char *tw_munge(const char *s, size_t *len)
{
    size_t n = 0, col = 0;
    for (const char *p = s; *p; p++) {
        size_t w = *p == '\t' ? TABSIZE - col % TABSIZE : 1;
        col = *p == '\n' || *p == '\r' ? 0 : col + w;
        n += w;
    }
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    n = col = 0;
    for (const char *p = s; *p; p++) {
        size_t w = *p == '\t' ? TABSIZE - col % TABSIZE : 1;
        col = *p == '\n' || *p == '\r' ? 0 : col + w;
        for (size_t i = 0; i < w; i++)
            t[n++] = strchr("\t\n\v\f\r", *p) ? ' ' : *p;
    }
    t[n] = '\0';
    *len = n;
    return t;
}

/* A munged help text and its next chunk, t[cs..ce). */
typedef struct tw_text {
    const char *t;
    size_t len;
    size_t cs, ce;
} tw_text;

static void tw_next(tw_text *w)
{
    w->cs = w->ce;
    w->ce = w->cs < w->len ? w->cs + tw_chunk(w->t, w->len, w->cs) : w->cs;
}

/* textwrap.wrap(help, width), each line written as format_option does:
 * the first indented by `first`, the others by `rest`, each ending "\n".
 * Lines are runs of whole chunks, a word longer than the width being cut
 * (after its last hyphen that fits, if any); spaces at line ends dropped. */
static int wrap_help(ps_out *o, const char *help, size_t width, size_t first, size_t rest)
{
    tw_text w = {0};
    char *t = tw_munge(help, &w.len);
    if (!t)
        return PS_OPTPARSE_NOMEM;
    w.t = t;
    tw_next(&w);
    int lines = 0;
    while (w.cs < w.len) {
        if (lines && t[w.cs] == ' ') {  /* a line's leading spaces */
            tw_next(&w);
            if (w.cs == w.len)
                break;
        }
        size_t ls = w.cs, last = w.cs;
        int tail_space = 0;
        while (w.cs < w.len && w.ce - ls <= width) {
            last = w.cs;
            tail_space = t[w.cs] == ' ';
            tw_next(&w);
        }
        if (w.cs < w.len && w.ce - w.cs > width) {  /* _handle_long_word */
            size_t room = width - (w.cs - ls), end = room;
            for (size_t h = room; h-- > 1;) {
                if (t[w.cs + h] != '-')
                    continue;
                for (size_t j = 0; j < h; j++)
                    if (t[w.cs + j] != '-')
                        end = h + 1;
                break;
            }
            /* the cut-off head ends the line; when it is empty, it is what
             * gets dropped below, so spaces before it stay */
            w.cs += end;
            tail_space = 0;
        }
        size_t le = tail_space ? last : w.cs;  /* a line's trailing spaces */
        if (le > ls) {
            put_spaces(o, lines ? rest : first);
            ps_out_write(o, t + ls, le - ls);
            ps_out_puts(o, "\n");
            lines++;
        }
    }
    free(t);
    return PS_OPTPARSE_OK;
}

/* OptionParser.format_help for this parser, written to p->out. */
static int print_help(const parser *p)
{
    ps_out *o = p->out;
    size_t max_len = 0;
    for (size_t i = 0; i <= p->n; i++) {
        size_t l = opt_strings(spec_at(p, i), NULL) + INDENT;
        max_len = l > max_len ? l : max_len;
    }
    size_t help_pos = max_len + 2 < MAX_HELP_POSITION ? max_len + 2 : MAX_HELP_POSITION;
    size_t help_width = WIDTH - help_pos > 11 ? WIDTH - help_pos : 11;
    size_t opt_width = help_pos - INDENT - 2;

    ps_outf(o, "Usage: %s [options]\n\nOptions:\n", p->prog);
    for (size_t i = 0; i <= p->n; i++) {
        const ps_opt_spec *s = spec_at(p, i);
        size_t l = opt_strings(s, NULL), first = 0;
        put_spaces(o, INDENT);
        opt_strings(s, o);
        if (l > opt_width) {
            ps_out_puts(o, "\n");
            first = help_pos;
        } else {
            put_spaces(o, opt_width - l + 2);
        }
        if (s->help && s->help[0]) {
            if (wrap_help(o, s->help, help_width, first, help_pos))
                return PS_OPTPARSE_NOMEM;
        } else if (l <= opt_width) {
            ps_out_puts(o, "\n");
        }
    }
    return PS_OPTPARSE_HELP;
}

/* ---- parsing ------------------------------------------------------------ */

/* Option.process: convert and store the value of option i (1..n; 0 is
 * help), named in messages as put_opt does. */
static int store(parser *p, size_t i, int is_long, const char *value)
{
    if (i == 0)
        return print_help(p);
    const ps_opt_spec *s = spec_at(p, i);
    ps_opt_value *v = &p->values[i - 1];
    if (s->type == PS_OPT_INT) {
        ps_pyint num = {0};
        int rc = ps_pyint_parse_optparse(&num, value);
        if (rc == PS_PYINT_NOMEM)
            return PS_OPTPARSE_NOMEM;
        if (rc != PS_PYINT_OK) {
            error_begin(p);
            ps_out_puts(p->err, "option ");
            put_opt(p->err, s, is_long);
            ps_out_puts(p->err, ": invalid integer value: ");
            put_repr(p->err, value);
            return error_end(p);
        }
        ps_pyint_fini(&v->num);
        v->num = num;
    }
    v->set = 1;
    v->text = value;
    return PS_OPTPARSE_OK;
}

/* Option i needs a value and the arguments ran out. */
static int missing_value(const parser *p, size_t i, int is_long)
{
    error_begin(p);
    put_opt(p->err, spec_at(p, i), is_long);
    ps_out_puts(p->err, " option requires 1 argument");
    return error_end(p);
}

/* "ambiguous option: --p (--printstats, --processlist, --program?)": the
 * long names starting with name[0..nlen), in sorted order. */
static int ambiguous(const parser *p, const char *arg, size_t len, size_t hits)
{
    const char *name = arg + 2, *prev = NULL;
    size_t nlen = len - 2;
    error_begin(p);
    ps_out_puts(p->err, "ambiguous option: ");
    put_text(p->err, arg, len);
    for (size_t k = 0; k < hits; k++) {
        const char *next = NULL;  /* the smallest name after prev */
        for (size_t i = 0; i <= p->n; i++) {
            const char *ln = spec_at(p, i)->long_name;
            if (ln && strncmp(ln, name, nlen) == 0 && (!prev || strcmp(ln, prev) > 0) &&
                (!next || strcmp(ln, next) < 0))
                next = ln;
        }
        ps_outf(p->err, "%s--%s", k ? ", " : " (", next);
        prev = next;
    }
    ps_out_puts(p->err, "?)");
    return error_end(p);
}

/* _match_abbrev over the long options: the option whose "--name" equals
 * arg[0..len) or, failing that, the only one arg[0..len) is a prefix of.
 * Returns its index, or -1 with *status set after reporting the error. */
static long match_long(const parser *p, const char *arg, size_t len, int *status)
{
    const char *name = arg + 2;
    size_t nlen = len - 2, hits = 0;
    long hit = -1;
    for (size_t i = 0; i <= p->n; i++) {
        const char *ln = spec_at(p, i)->long_name;
        if (!ln || strncmp(ln, name, nlen) != 0)
            continue;
        if (ln[nlen] == '\0')
            return (long)i;
        hits++;
        hit = (long)i;
    }
    if (hits == 1)
        return hit;
    if (hits > 1) {
        *status = ambiguous(p, arg, len, hits);
    } else {
        error_begin(p);
        ps_out_puts(p->err, "no such option: ");
        put_text(p->err, arg, len);
        *status = error_end(p);
    }
    return -1;
}

/* One "--name", "--name=value" or "--name value" at argv[*at]. */
static int long_opt(parser *p, int argc, char **argv, int *at)
{
    const char *arg = argv[(*at)++];
    const char *eq = strchr(arg, '=');
    int status = PS_OPTPARSE_OK;
    long i = match_long(p, arg, eq ? (size_t)(eq - arg) : strlen(arg), &status);
    if (i < 0)
        return status;
    const char *value = NULL;
    if (spec_at(p, (size_t)i)->type != PS_OPT_FLAG) {
        if (eq)
            value = eq + 1;
        else if (*at < argc)
            value = argv[(*at)++];
        else
            return missing_value(p, (size_t)i, 1);
    } else if (eq) {
        error_begin(p);
        put_opt(p->err, spec_at(p, (size_t)i), 1);
        ps_out_puts(p->err, " option does not take a value");
        return error_end(p);
    }
    return store(p, (size_t)i, 1, value);
}

/* A cluster of short options at argv[*at]: "-c", "-cp", "-s3", "-cs 3";
 * the first that takes a value takes the rest of the cluster. */
static int short_opts(parser *p, int argc, char **argv, int *at)
{
    const char *arg = argv[(*at)++];
    size_t len = strlen(arg);
    for (size_t pos = 1; pos < len;) {
        uint32_t cp;
        size_t clen = utf8_char((const unsigned char *)arg + pos, len - pos, &cp);
        size_t i = 0;
        while (i <= p->n && !(clen == 1 && spec_at(p, i)->short_name == arg[pos]))
            i++;
        if (i > p->n) {
            error_begin(p);
            ps_out_puts(p->err, "no such option: -");
            put_text(p->err, arg + pos, clen ? clen : 1);
            return error_end(p);
        }
        pos += clen;
        const char *value = NULL;
        if (spec_at(p, i)->type != PS_OPT_FLAG) {
            if (pos < len)
                value = arg + pos;
            else if (*at < argc)
                value = argv[(*at)++];
            else
                return missing_value(p, i, 0);
        }
        int rc = store(p, i, 0, value);
        if (rc != PS_OPTPARSE_OK || value)
            return rc;
    }
    return PS_OPTPARSE_OK;
}

int ps_optparse(const char *prog, const ps_opt_spec *specs, size_t n, int argc,
                char **argv, ps_opt_value *values, ps_out *out, ps_out *err)
{
    parser p = {prog, specs, n, values, out, err};
    int at = 0, rc = PS_OPTPARSE_OK;
    while (rc == PS_OPTPARSE_OK && at < argc) {
        const char *arg = argv[at];
        if (strcmp(arg, "--") == 0)
            break;
        else if (strncmp(arg, "--", 2) == 0)
            rc = long_opt(&p, argc, argv, &at);
        else if (arg[0] == '-' && arg[1])
            rc = short_opts(&p, argc, argv, &at);
        else
            at++;  /* an argument: the programs ignore them */
    }
    return rc;
}

void ps_optparse_fini(ps_opt_value *values, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ps_pyint_fini(&values[i].num);
}
