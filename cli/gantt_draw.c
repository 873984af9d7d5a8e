/* gantt_draw.c — the text Gantt chart of recorded CPUs (gantt.c), one
 * bar row per CPU and under it the ticks of its edges:
 *
 *   cpu 0 |P1  |P2 |P3 |P1                  |
 *         0    4   7   10                   30
 *
 * ASCII but for the names: a middle dot or box-drawing lines are
 * "ambiguous width" in Unicode, two columns wide in a Korean or Japanese
 * terminal, and would break the columns there; a Hangul name is cut at a
 * character and given the two columns each syllable takes (cells.c).
 * Idle time is dots.  Several charts share one
 * time axis: a tick is at the same column in each.
 *
 * Two layouts (docs/compare.md):
 *   slices  every slice its own cell, its process's name in it (cut,
 *           keeping a number at its end, past GANTT_NAME_FIT characters),
 *           the tick of every edge under it.  One column per tick up to
 *           GANTT_TICKS ticks, else one per 2, 5, 10, 20, 50, ... ticks;
 *           on top of that a cell is widened until its name and the tick
 *           under its left edge fit.  Wider than a line, it goes on in
 *           bands, each starting at the edge the last one ended at.
 *   scaled  when that would take more than GANTT_MAX_BANDS bands: one
 *           line per CPU, each column a fixed span of ticks showing the
 *           process that ran longest in it (by a one-character key, a
 *           legend under the chart when the names are longer), a tick
 *           ruler every GANTT_RULER columns. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "words.h"

#define GANTT_LINE 80      /* a chart's lines fit in this many columns */
#define GANTT_TICKS 60     /* one column per tick up to this many ticks */
#define GANTT_NAME_FIT 8   /* names up to this long are never cut */
#define GANTT_MIN_ROOM 24  /* columns of chart a line has at least */
#define GANTT_MAX_BANDS 4  /* more bands than this: the scaled layout */
#define GANTT_RULER 10     /* scaled: a tick every this many columns */

/* What every line of the drawing shares. */
typedef struct layout {
    const ps_gantt *const *g;
    const char *const *labels;
    size_t n;
    ps_lang lang;          /* of the words (the title, "cpu", the legend) */
    int label_width, prefix_width;
    int64_t room;          /* columns after the prefix */
    int64_t end;           /* the latest end of the charts */
} layout;

static int digits(int64_t v)
{
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* Ticks per column: 1, 2, 5, 10, 20, 50, ... the first that puts `end`
 * in `columns` columns. */
static int64_t scale_for(int64_t end, int64_t columns)
{
    int64_t s = 1;
    for (int k = 0; (end + s - 1) / s > columns && s < INT64_MAX / 4; k++)
        s = k % 3 == 1 ? s / 2 * 5 : s * 2;
    return s;
}

/* The start of CPU c's lines of chart i: its label on the first CPU's,
 * "cpu N", padded to the prefix width. */
static void put_prefix(FILE *out, const layout *L, size_t i, uint32_t c, int bar_row)
{
    char prefix[160] = "";
    if (bar_row)
        snprintf(prefix, sizeof prefix, "%-*s%s%s %u", L->label_width,
                 c == 0 && L->labels && L->labels[i] ? L->labels[i] : "",
                 L->label_width ? " " : "", CLI_W_IN(W_GANTT_CPU, L->lang), c);
    fprintf(out, "%-*s", L->prefix_width, prefix);
}

/* A name that is not ASCII, in a bar row of one byte a column: at its
 * first column the row holds WIDE_AT and over[] the name's bytes that
 * fit, at the rest of its columns (a Hangul syllable takes two) WIDE_ON. */
typedef struct over {
    char s[256];           /* a name is at most 192 bytes */
} over;
#define WIDE_AT '\x01'
#define WIDE_ON '\x02'

/* Print row[0, len) without its trailing blanks, and a line break (with
 * `ov`, the wide names it holds). */
static void put_row(FILE *out, const char *row, int64_t len, const over *ov)
{
    while (len > 0 && row[len - 1] == ' ')
        len--;
    for (int64_t i = 0; i < len; i++) {
        if (ov && row[i] == WIDE_AT)
            fputs(ov[i].s, out);
        else if (!ov || row[i] != WIDE_ON)
            putc(row[i], out);
    }
    putc('\n', out);
}

static int ascii(const char *s)
{
    while (*s && (unsigned char)*s < 0x80)
        s++;
    return !*s;
}

/* `name` cut to at most `room` columns, keeping a number at its end
 * ("Process-12" in 6: "Pro-12") when it is ASCII, else cut at a
 * character (written as over[0], WIDE_AT and WIDE_ON); returns the
 * columns written to buf. */
static size_t fit_name(const char *name, size_t room, char *buf, over *ov)
{
    size_t len = strlen(name), tail = 0;
    if (!ascii(name)) { /* the same, by columns */
        int w = cli_width(name), keep = 0;
        while (tail < len && name[len - 1 - tail] >= '0' && name[len - 1 - tail] <= '9')
            tail++;
        if (tail && tail < len && (name[len - 1 - tail] == '-' || name[len - 1 - tail] == '_'))
            tail++;
        if ((size_t)w > room && tail && tail + 2 < room) {
            char head[256];
            snprintf(head, sizeof head, "%.*s", (int)(len - tail), name);
            keep = cli_fit(head, (int)(room - tail), ov->s, sizeof ov->s);
            strcat(ov->s, name + len - tail); /* ASCII: a column a byte */
            w = keep + (int)tail;
        } else {
            w = cli_fit(name, (int)room, ov->s, sizeof ov->s);
        }
        if (w <= 0)
            return 0;
        buf[0] = WIDE_AT;
        memset(buf + 1, WIDE_ON, (size_t)w - 1);
        return (size_t)w;
    }
    if (len <= room) {
        memcpy(buf, name, len);
        return len;
    }
    while (tail < len && name[len - 1 - tail] >= '0' && name[len - 1 - tail] <= '9')
        tail++;
    if (tail && tail < len && (name[len - 1 - tail] == '-' || name[len - 1 - tail] == '_'))
        tail++;
    if (!tail || tail + 1 > room)
        tail = 0;
    memcpy(buf, name, room - tail);
    memcpy(buf + room - tail, name + len - tail, tail);
    return room;
}

/* ---- the slices layout ---------------------------------------------------- */

/* The edges of every slice of the charts, sorted, and each edge's column. */
typedef struct grid {
    int64_t *tick;
    int64_t *col;          /* col[i]: the column of tick[i], from 0 */
    size_t n;
} grid;

/* A slice's need: its right edge (index k) at least `need` columns right
 * of its left edge (index j). */
typedef struct need {
    size_t j, k;
    int64_t need;
} need;

static int by_tick(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int by_right_edge(const void *a, const void *b)
{
    size_t x = ((const need *)a)->k, y = ((const need *)b)->k;
    return (x > y) - (x < y);
}

static size_t edge(const grid *gr, int64_t t)
{
    size_t lo = 0, hi = gr->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (gr->tick[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int64_t cell_need(const ps_gantt *g, const ps_slice *s)
{
    int64_t w = 1; /* the dots of idle time */
    if (s->pid) {
        w = cli_width(ps_engine_pcb(g->e, s->pid)->name);
        w = w < GANTT_NAME_FIT ? w : GANTT_NAME_FIT;
    }
    int64_t d = digits(s->from);
    return (w > d ? w : d) + 1;
}

/* Every edge's column: proportional to its tick (one column per `scale`
 * ticks, plus one for the edge itself), and far enough right of each
 * slice's left edge for its name and that edge's tick. */
static int make_grid(grid *gr, const layout *L, int64_t scale)
{
    size_t nslices = 0;
    for (size_t i = 0; i < L->n; i++)
        for (uint32_t c = 0; c < L->g[i]->ncpu; c++)
            nslices += L->g[i]->cpu[c].n;
    gr->tick = malloc((nslices + L->n + 1) * sizeof *gr->tick);
    gr->col = malloc((nslices + L->n + 1) * sizeof *gr->col);
    need *nd = malloc((nslices + 1) * sizeof *nd);
    if (!gr->tick || !gr->col || !nd) {
        free(nd);
        return -1;
    }
    size_t m = 0, nn = 0;
    for (size_t i = 0; i < L->n; i++) {
        gr->tick[m++] = L->g[i]->end;
        for (uint32_t c = 0; c < L->g[i]->ncpu; c++)
            for (size_t k = 0; k < L->g[i]->cpu[c].n; k++)
                gr->tick[m++] = L->g[i]->cpu[c].v[k].from;
    }
    qsort(gr->tick, m, sizeof *gr->tick, by_tick);
    gr->n = 0;
    for (size_t i = 0; i < m; i++)
        if (!gr->n || gr->tick[gr->n - 1] != gr->tick[i])
            gr->tick[gr->n++] = gr->tick[i];
    for (size_t i = 0; i < L->n; i++)
        for (uint32_t c = 0; c < L->g[i]->ncpu; c++)
            for (size_t k = 0; k < L->g[i]->cpu[c].n; k++) {
                const ps_slice *s = &L->g[i]->cpu[c].v[k];
                nd[nn++] = (need){edge(gr, s->from), edge(gr, s->to), cell_need(L->g[i], s)};
            }
    qsort(nd, nn, sizeof *nd, by_right_edge);
    gr->col[0] = 0;
    for (size_t i = 1, q = 0; i < gr->n; i++) {
        int64_t ticks = (gr->tick[i] + scale / 2) / scale - (gr->tick[i - 1] + scale / 2) / scale;
        int64_t x = gr->col[i - 1] + (ticks > 1 ? ticks : 1) + 1;
        for (; q < nn && nd[q].k == i; q++)
            if (gr->col[nd[q].j] + nd[q].need > x)
                x = gr->col[nd[q].j] + nd[q].need;
        gr->col[i] = x;
    }
    free(nd);
    return 0;
}

/* The last edge of the band that starts at edge i0: as far as `room`
 * columns reach (its tick's label included), one edge at least. */
static size_t band_end(const grid *gr, size_t i0, int64_t room)
{
    size_t i1 = i0 + 1;
    while (i1 + 1 < gr->n && gr->col[i1 + 1] - gr->col[i0] + digits(gr->tick[i1 + 1]) <= room)
        i1++;
    return i1;
}

/* CPU c of chart g over the edges [i0, i1]: its bar and tick rows. */
static void draw_band_track(FILE *out, const layout *L, const grid *gr, size_t ci, uint32_t c,
                            size_t i0, size_t i1, char *bar, char *ticks, over *ov)
{
    const ps_gantt *g = L->g[ci];
    int64_t x0 = gr->col[i0], width = gr->col[i1] - x0 + 1 + 24;
    memset(bar, ' ', (size_t)width);
    memset(ov, 0, (size_t)width * sizeof *ov);
    memset(ticks, ' ', (size_t)width);
    const ps_gantt_track *t = &g->cpu[c];
    for (size_t k = 0; k < t->n; k++) {
        const ps_slice *s = &t->v[k];
        if (s->to <= gr->tick[i0] || s->from >= gr->tick[i1])
            continue;
        size_t js = edge(gr, s->from), ks = edge(gr, s->to);
        int64_t cs = js >= i0 ? gr->col[js] + 1 : x0, ce = ks <= i1 ? gr->col[ks] - 1 : gr->col[i1];
        char label[24];
        if (js >= i0) {
            bar[gr->col[js] - x0] = '|';
            memcpy(ticks + (gr->col[js] - x0), label,
                   (size_t)snprintf(label, sizeof label, "%lld", (long long)s->from));
        }
        if (ks <= i1) {
            bar[gr->col[ks] - x0] = '|';
            memcpy(ticks + (gr->col[ks] - x0), label,
                   (size_t)snprintf(label, sizeof label, "%lld", (long long)s->to));
        }
        if (!s->pid)
            memset(bar + (cs - x0), '.', (size_t)(ce - cs + 1));
        else
            fit_name(ps_engine_pcb(g->e, s->pid)->name, (size_t)(ce - cs + 1), bar + (cs - x0),
                     ov + (cs - x0));
    }
    put_prefix(out, L, ci, c, 1);
    put_row(out, bar, width, ov);
    put_prefix(out, L, ci, c, 0);
    put_row(out, ticks, width, NULL);
}

static void draw_slices(FILE *out, const layout *L, const grid *gr, char *bar, char *ticks,
                        over *ov)
{
    for (size_t i0 = 0; i0 + 1 < gr->n;) {
        size_t i1 = band_end(gr, i0, L->room);
        if (i0)
            fputc('\n', out);
        for (size_t i = 0; i < L->n; i++) {
            if (i && L->g[i]->ncpu > 1)
                fputc('\n', out); /* charts of several CPUs apart */
            for (uint32_t c = 0; c < L->g[i]->ncpu; c++)
                draw_band_track(out, L, gr, i, c, i0, i1, bar, ticks, ov);
        }
        i0 = i1;
    }
}

/* ---- the scaled layout ---------------------------------------------------- */

static const char keys[] = "123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* Are all the processes' names one character (then they are the keys)? */
static int short_names(const ps_engine *e)
{
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++)
        if (strlen(ps_engine_pcb(e, pid)->name) != 1)
            return 0;
    return 1;
}

static char key_of(const ps_engine *e, uint32_t pid, int by_name)
{
    if (!pid)
        return '.';
    if (by_name)
        return ps_engine_pcb(e, pid)->name[0];
    return pid <= sizeof keys - 1 ? keys[pid - 1] : '#';
}

/* CPU c's row: column k is ticks [k*scale, (k+1)*scale), the process that
 * ran longest in them (the first of those that ran as long). */
static void draw_scaled_track(FILE *out, const layout *L, size_t ci, uint32_t c, int64_t scale,
                              int by_name, char *row)
{
    const ps_gantt *g = L->g[ci];
    const ps_gantt_track *t = &g->cpu[c];
    int64_t cols = (g->end + scale - 1) / scale;
    size_t k = 0;
    row[0] = '|';
    for (int64_t col = 0; col < cols; col++) {
        int64_t from = col * scale, to = from + scale < g->end ? from + scale : g->end;
        int64_t best = 0;
        uint32_t who = 0;
        while (k < t->n && t->v[k].to <= from)
            k++;
        for (size_t j = k; j < t->n && t->v[j].from < to; j++) {
            int64_t a = t->v[j].from > from ? t->v[j].from : from;
            int64_t b = t->v[j].to < to ? t->v[j].to : to;
            if (b - a > best) {
                best = b - a;
                who = t->v[j].pid;
            }
        }
        row[1 + col] = key_of(g->e, who, by_name);
    }
    row[1 + cols] = '|';
    put_prefix(out, L, ci, c, 1);
    put_row(out, row, cols + 2, NULL);
}

/* The ruler under a chart: the tick at every GANTT_RULER-th column, and
 * the end when it has room. */
static void draw_ruler(FILE *out, const layout *L, int64_t end, int64_t scale, char *row)
{
    int64_t cols = (end + scale - 1) / scale, width = cols + 24, last = -1;
    memset(row, ' ', (size_t)width);
    char label[24];
    for (int64_t col = 0; col <= cols; col += GANTT_RULER) {
        int n = snprintf(label, sizeof label, "%lld", (long long)(col * scale));
        memcpy(row + col, label, (size_t)n);
        last = col + n;
    }
    if (cols + 1 > last) { /* the end, after the closing bar */
        int n = snprintf(label, sizeof label, "%lld", (long long)end);
        memcpy(row + cols + 1, label, (size_t)n);
    }
    fprintf(out, "%-*s", L->prefix_width, "");
    put_row(out, row, width, NULL);
}

static void draw_scaled(FILE *out, const layout *L, int64_t scale, char *row)
{
    const ps_engine *e = L->g[0]->e;
    int by_name = short_names(e);
    for (size_t i = 0; i < L->n; i++) {
        if (i && L->g[i]->ncpu > 1)
            fputc('\n', out);
        for (uint32_t c = 0; c < L->g[i]->ncpu; c++)
            draw_scaled_track(out, L, i, c, scale, by_name, row);
        if (L->g[i]->ncpu > 1) /* a ruler under each chart, or one under all */
            draw_ruler(out, L, L->g[i]->end, scale, row);
        else if (i + 1 == L->n)
            draw_ruler(out, L, L->end, scale, row);
    }
    if (by_name)
        return;
    int at = GANTT_LINE; /* the legend, wrapped to the line */
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const char *name = ps_engine_pcb(e, pid)->name;
        int w = cli_width(name) + 6;
        if (at + w > GANTT_LINE) {
            fputs(pid > 1 ? "\n" : "", out);
            at = fprintf(out, "%s", pid > 1 ? "     " : CLI_W_IN(W_GANTT_KEYS, L->lang));
        }
        at += fprintf(out, " %c = %s%s", key_of(e, pid, 0), name,
                      pid < ps_engine_nprocs(e) ? "," : "");
    }
    fputc('\n', out);
}

/* ---- both ----------------------------------------------------------------- */

void cli_gantt_draw(FILE *out, const ps_gantt *const *g, const char *const *labels, size_t n,
                    ps_lang lang)
{
    layout L = {.g = g, .labels = labels, .n = n, .lang = lang};
    uint32_t ncpu = 0;
    for (size_t i = 0; i < n; i++) {
        L.end = g[i]->end > L.end ? g[i]->end : L.end;
        ncpu = g[i]->ncpu > ncpu ? g[i]->ncpu : ncpu;
        int w = labels && labels[i] ? (int)strlen(labels[i]) : 0;
        L.label_width = w > L.label_width ? w : L.label_width;
    }
    L.prefix_width = (L.label_width ? L.label_width + 1 : 0) + (int)strlen("cpu ") +
                     digits(ncpu ? ncpu - 1 : 0) + 1;
    L.room = GANTT_LINE - L.prefix_width;
    L.room = L.room < GANTT_MIN_ROOM ? GANTT_MIN_ROOM : L.room;
    const char *title = n > 1 ? CLI_W_IN(W_GANTT_TITLES, lang) : CLI_W_IN(W_GANTT_TITLE, lang);
    if (L.end <= 0) {
        fprintf(out, "%s: %s\n", title, CLI_W_IN(W_GANTT_NO_TIME, lang));
        return;
    }
    grid gr = {0};
    int64_t scale = scale_for(L.end, GANTT_TICKS);
    char *bar = NULL, *ticks = NULL;
    over *ov = NULL;
    if (make_grid(&gr, &L, scale))
        goto done;
    size_t bands = 0;
    for (size_t i0 = 0; i0 + 1 < gr.n; i0 = band_end(&gr, i0, L.room))
        bands++;
    int scaled = bands > GANTT_MAX_BANDS;
    if (scaled)
        scale = scale_for(L.end, L.room - 2);
    size_t width = (size_t)(scaled ? L.end / scale + 2 : gr.col[gr.n - 1]) + 64;
    if (!(bar = malloc(width)) || !(ticks = malloc(width)) || !(ov = calloc(width, sizeof *ov)))
        goto done;
    fprintf(out, "%s (. = %s", title, CLI_W_IN(W_GANTT_IDLE, lang));
    if (scaled)
        fprintf(out, CLI_W_IN(W_GANTT_SCALED, lang), (long long)scale);
    else if (scale > 1)
        fprintf(out, CLI_W_IN(W_GANTT_ABOUT, lang), (long long)scale);
    fputs(")\n", out);
    if (scaled)
        draw_scaled(out, &L, scale, bar);
    else
        draw_slices(out, &L, &gr, bar, ticks, ov);
done:
    free(ov);
    free(bar);
    free(ticks);
    free(gr.tick);
    free(gr.col);
}
