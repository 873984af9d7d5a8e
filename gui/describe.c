/* describe.c — see describe.h.  Greedy wrapping: each line takes words
 * while the whole line, measured as it will be drawn, fits. */
#include "describe.h"

#include <stdlib.h>
#include <string.h>

const char *gui_describe_pick(const ps_scenario *s, gui_lang lang)
{
    const char *mine = lang == GUI_KO ? s->description_ko : s->description;
    const char *other = lang == GUI_KO ? s->description : s->description_ko;
    return mine && mine[0] ? mine : other && other[0] ? other : "";
}

const char *gui_title_pick(const ps_scenario *s, gui_lang lang)
{
    return lang == GUI_KO && s->title_ko && s->title_ko[0] ? s->title_ko : s->title;
}

typedef struct wrap {
    float width;
    gui_measure_fn measure;
    void *ctx;
    char *out;               /* the lines so far */
    size_t n, size;
    int lines;
    char *cur;               /* the line being filled (scratch) */
    size_t len;
    size_t indent;           /* its first `indent` bytes: the indentation */
    int words;               /* words in it */
} wrap;

static void emit(wrap *w, const char *s, size_t len)
{
    if (w->n + len + 2 > w->size)
        return;
    memcpy(w->out + w->n, s, len);
    w->n += len;
    w->out[w->n++] = '\n';
    w->out[w->n] = 0;
    w->lines++;
}

static void end_line(wrap *w)
{
    if (w->words)
        emit(w, w->cur, w->len);
    memset(w->cur, ' ', w->indent); /* a bullet's "- " is on its first line only */
    w->len = w->indent;
    w->words = 0;
}

static int fits(wrap *w, size_t len)
{
    char keep = w->cur[len];
    w->cur[len] = 0;
    int width, height;
    w->measure(w->ctx, w->cur, 0, &width, &height);
    w->cur[len] = keep;
    return (float)width <= w->width;
}

/* Append word s[0..len) to the line, starting a new one when it would not
 * fit, and breaking the word itself between characters when even an empty
 * line is too narrow for it (at least one character a line). */
static void add_word(wrap *w, const char *s, size_t len)
{
    while (len) {
        size_t at = w->len + (w->words ? 1 : 0);
        if (w->words)
            w->cur[w->len] = ' ';
        memcpy(w->cur + at, s, len);
        if (fits(w, at + len)) {
            w->len = at + len;
            w->words++;
            return;
        }
        if (w->words) { /* on a line of its own, then */
            end_line(w);
            continue;
        }
        size_t take = 0; /* the longest run of whole characters that fits */
        for (size_t k = 1; k <= len; k++) {
            if (k < len && ((unsigned char)s[k] & 0xc0) == 0x80)
                continue; /* inside a character */
            if (take && !fits(w, at + k))
                break;
            take = k;
        }
        w->len = at + take;
        w->words = 1;
        end_line(w);
        s += take;
        len -= take;
    }
}

/* Words of s[0..len), split at spaces, onto lines indented by `indent`
 * bytes of s's own leading blanks. */
static void add_words(wrap *w, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != '\t')
            j++;
        if (j > i)
            add_word(w, s + i, j - i);
        i = j;
    }
}

static void start_block(wrap *w, const char *s, size_t indent, int *blank)
{
    end_line(w);
    if (*blank && w->lines)
        emit(w, "", 0); /* one empty line between paragraphs */
    *blank = 0;
    memcpy(w->cur, s, indent);
    w->indent = w->len = indent;
}

int gui_describe_wrap(const char *text, float width, gui_measure_fn measure, void *ctx,
                      char *out, size_t size)
{
    size_t total = strlen(text);
    wrap w = {.width = width, .measure = measure, .ctx = ctx, .out = out, .size = size};
    w.cur = malloc(2 * total + 2);
    if (!w.cur)
        return -1;
    if (size)
        out[0] = 0;
    int blank = 0, hang = -1; /* the paragraph's lines go on at this indentation
                                 (-1: no paragraph open) */
    for (const char *line = text; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        const char *next = nl ? nl + 1 : line + len;
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r'))
            len--;
        size_t indent = strspn(line, " \t");
        if (indent > len)
            indent = len;
        int bullet = len >= indent + 2 && (line[indent] == '-' || line[indent] == '*') &&
                     line[indent + 1] == ' ';
        if (len == 0) {
            blank = 1;
            hang = -1;
        } else if (bullet) { /* "- " starts a paragraph that hangs under its words */
            start_block(&w, line, indent + 2, &blank);
            add_words(&w, line + indent + 2, len - indent - 2);
            hang = (int)indent + 2;
        } else if ((int)indent == hang) { /* the paragraph goes on */
            add_words(&w, line, len);
        } else if (indent > 0) { /* kept as written when it fits */
            start_block(&w, line, indent, &blank);
            memcpy(w.cur, line, len);
            if (fits(&w, len))
                emit(&w, line, len);
            else
                add_words(&w, line, len);
            end_line(&w);
            hang = -1;
        } else {
            start_block(&w, line, 0, &blank);
            add_words(&w, line, len);
            hang = 0;
        }
        line = next;
    }
    end_line(&w);
    free(w.cur);
    return w.lines;
}
