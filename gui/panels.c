/* panels.c — everything around the diagram: the toolbar with the clock,
 * the PCB table, the selected process's whole PCB, the event log, and the
 * help and message overlays (the Gantt chart: gantt_view.c; the Open
 * dialog: picker_view.c). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "compare.h"
#include "draw.h"
#include "gantt_view.h"
#include "pcb_text.h"
#include "utf8.h"

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }

/* Fill a panel, title it, and clip what follows to it (gui_view_panels
 * clears the clip afterwards). */
static void panel(gui_app *a, gui_rect r, gui_word title)
{
    SDL_Rect clip = {(int)r.x, (int)r.y, (int)r.w, (int)r.h};
    SDL_RenderSetClipRect(a->ren, &clip); /* the frame was cleared to GUI_PANEL */
    gui_text_draw(a->text, gui_word_text(title, a->lang), GUI_SMALL, col(GUI_DIM),
                  (int)(r.x + 6 * a->L.scale), (int)(r.y + 3 * a->L.scale));
}

void gui_panel_open(gui_app *a, gui_rect r, gui_word title)
{
    panel(a, r, title);
}

/* ---- toolbar ---------------------------------------------------------- */

static const gui_word action_word[GUI_ACTION_COUNT] = {
    [GUI_ACT_PLAY] = GUI_W_PLAY, [GUI_ACT_STEP] = GUI_W_STEP, [GUI_ACT_BACK] = GUI_W_BACK,
    [GUI_ACT_SLOWER] = GUI_W_SLOWER, [GUI_ACT_FASTER] = GUI_W_FASTER,
    [GUI_ACT_RESTART] = GUI_W_RESTART, [GUI_ACT_OPEN] = GUI_W_OPEN,
    [GUI_ACT_SUSPEND] = GUI_W_SUSPEND, [GUI_ACT_RESUME] = GUI_W_RESUME, [GUI_ACT_KILL] = GUI_W_KILL,
    [GUI_ACT_SHOT] = GUI_W_SHOT, [GUI_ACT_LANG] = GUI_W_HELP, [GUI_ACT_HELP] = GUI_W_HELP,
    [GUI_ACT_GANTT] = GUI_W_GANTT_SAVE,
};

/* Play's button says "Pause" while the clock moves on: not paused, and
 * the run (in the compare view: some run) not over. */
static int clock_runs(const gui_app *a)
{
    return !a->paused && !(a->cmp ? gui_cmp_done(a->cmp) : gui_sim_done(&a->sim));
}

static const char *button_label(const gui_app *a, int i)
{
    if (i == GUI_ACT_PLAY && clock_runs(a))
        return gui_word_text(GUI_W_PAUSE, a->lang);
    if (i == GUI_ACT_LANG)
        return a->lang == GUI_KO ? "English" : "한국어";
    if (i == GUI_ACT_HELP)
        return "?";
    return gui_word_text(action_word[i], a->lang);
}

/* The clock's text: "tick 4  speed 1x  1 CPU  rr:2  live  finished" (the
 * policy the run is under: the file's, or --policy's). */
static void clock_text(const gui_app *a, char *buf, size_t size)
{
    char cpus[64] = "", policy[64] = "";
    const gui_sim *g = &a->sim;
    if (g->s) {
        gui_cpus_text(g->s, a->lang, cpus, sizeof cpus);
        gui_policy_text(g->s, policy, sizeof policy);
    }
    snprintf(buf, size, "%s %lld  %s %.2gx  %s  %s  %s  %s", gui_word_text(GUI_W_TICK, a->lang),
             (long long)(g->e ? ps_engine_now(g->e) : 0), gui_word_text(GUI_W_SPEED, a->lang),
             a->speed, cpus, policy, g->live ? gui_word_text(GUI_W_LIVE, a->lang) : "",
             g->status == PS_STEP_DONE    ? gui_word_text(GUI_W_DONE, a->lang)
             : g->status == PS_STEP_STUCK ? gui_word_text(GUI_W_DEADLOCK, a->lang)
                                          : "");
}

/* The buttons placed in rows across the window (as many rows as they
 * need: two at 1024 px in Korean), the clock after the last one, or on a
 * row of its own when it does not fit there; returns the rows. */
static int place_toolbar(gui_app *a, gui_rect *button, gui_point *clock)
{
    const gui_layout *L = &a->L;
    float u = L->unit, gap = 4 * u, left = 6 * u, right = L->w - 6 * u;
    float x = left, y = 6 * u, h = L->button_h;
    int rows = 1, tw, th;
    for (int i = 0; i < GUI_ACTION_COUNT; i++) {
        gui_text_measure(a->text, button_label(a, i), GUI_SMALL, &tw, &th);
        float w = (float)tw + 14 * u;
        if (x > left && x + w > right) {
            x = left;
            y += h + 6 * u;
            rows++;
        }
        button[i] = (gui_rect){x, y, w, h};
        x += w + gap;
    }
    char clock_s[512];
    clock_text(a, clock_s, sizeof clock_s);
    /* the clock wants its "tick 12345" and the CPUs (a trace's line is cut) */
    gui_text_measure(a->text, a->sim.trace_mode || a->cmp ? "trace: 0000000000" : clock_s, GUI_NORMAL,
                     &tw, &th);
    if (x + 8 * u + (float)tw > right && x > left) {
        x = left;
        y += h + 6 * u;
        rows++;
    }
    *clock = (gui_point){x + 8 * u, y + (h - (float)gui_text_line_height(a->text, GUI_NORMAL)) / 2};
    return rows;
}

int gui_toolbar_rows(gui_app *a)
{
    gui_rect b[GUI_ACTION_COUNT];
    gui_point clock;
    return place_toolbar(a, b, &clock);
}

static void toolbar(gui_app *a)
{
    float sc = a->L.scale;
    gui_point clock;
    gui_fill(a->ren, a->L.toolbar, col(0x15181e));
    place_toolbar(a, a->button, &clock);
    for (int i = 0; i < GUI_ACTION_COUNT; i++) {
        gui_rect b = a->button[i];
        int usable = gui_action_refused(a, (gui_action)i) == GUI_WORD_COUNT;
        gui_fill(a->ren, b, col(usable ? GUI_BUTTON : GUI_BUTTON_OFF));
        gui_text_draw_centered(a->text, button_label(a, i), GUI_SMALL,
                               col(usable ? GUI_TEXT : 0x5c6370), (int)(b.x + b.w / 2),
                               (int)(b.y + b.h / 2));
    }
    if (a->sim.trace_mode) {
        gui_trace_status(a, clock.x, clock.y, a->L.w - clock.x - 8 * sc);
        return;
    }
    if (a->cmp) {
        gui_compare_status(a, clock.x, clock.y, a->L.w - clock.x - 8 * sc);
        return;
    }
    char text[512];
    clock_text(a, text, sizeof text);
    gui_text_draw(a->text, text, GUI_NORMAL, col(0xfff59d), (int)clock.x, (int)clock.y);
}

/* ---- the PCB table ---------------------------------------------------- */

/* State names short enough for a table column. */
static const char *short_state(ps_state s)
{
    return s == PS_READY_SUSPENDED ? "Rdy/Susp" : s == PS_BLOCKED_SUSPENDED ? "Blk/Susp" : ps_state_name(s);
}

const char *gui_table_state(ps_state s, gui_lang lang)
{
    return lang == GUI_KO ? ps_state_name_ko(s) : short_state(s);
}

/* The table's columns, in order; a live run shows the child's OS pid,
 * kernel state letter and RSS instead of memory and parent. */
#define TABLE_COLUMNS(X) X(PID) X(NAME) X(STATE) X(PC) X(PRIO) X(CPU) X(MEM) X(PARENT) \
    X(OSPID) X(K) X(RSS)
enum {
#define PS_X_(c) COL_##c,
    TABLE_COLUMNS(PS_X_)
#undef PS_X_
    NCOLS
};
enum { CELL_MAX = GUI_NAME_BUF + 32 }; /* a cell: a name whole, or "PC: op" */

/* Row pid's cells. */
static void table_cells(gui_app *a, uint32_t pid, char cell[NCOLS][CELL_MAX])
{
    const ps_engine *e = a->sim.e;
    const ps_pcb *p = ps_engine_pcb(e, pid);
    const ps_scenario *s = ps_engine_scenario(e);
    ps_regs regs = ps_engine_regs(e, pid);
    const ps_proc_spec *spec = &s->procs[pid - 1];
    char op[CELL_MAX - 16] = "-"; /* an op names a channel, a process ... */
    if (regs.pc < spec->op_count)
        ps_op_format(s, &s->ops[spec->op_first + regs.pc], op, sizeof op); /* cut at a character */
    snprintf(cell[COL_PID], CELL_MAX, "%u", pid);
    snprintf(cell[COL_NAME], CELL_MAX, "%s", p->name);
    snprintf(cell[COL_STATE], CELL_MAX, "%s", !p->created ? "-" : gui_table_state((ps_state)p->state, a->lang));
    snprintf(cell[COL_PC], CELL_MAX, "%u: %s", regs.pc, op);
    gui_utf8_trim(cell[COL_PC]);
    snprintf(cell[COL_PRIO], CELL_MAX, "%d", p->priority);
    snprintf(cell[COL_CPU], CELL_MAX, "%lld", (long long)p->cpu_time);
    snprintf(cell[COL_MEM], CELL_MAX, "%lld %s", (long long)p->memory,
             ps_state_resident((ps_state)p->state) ? gui_word_text(GUI_W_MEM_IN, a->lang)
             : p->created && p->state != PS_EXIT ? gui_word_text(GUI_W_MEM_OUT, a->lang) : "");
    snprintf(cell[COL_PARENT], CELL_MAX, "%s", p->parent ? ps_engine_pcb(e, (uint32_t)p->parent)->name : "-");
    int os = a->sim.live ? (int)ps_live_os_pid(a->sim.live, pid) : 0;
    char k = gui_kernel_letter(p, a->sim.live != NULL, os);
    snprintf(cell[COL_OSPID], CELL_MAX, "%d", os);
    snprintf(cell[COL_K], CELL_MAX, "%c", k ? k : '-');
    snprintf(cell[COL_RSS], CELL_MAX, "%lld", (long long)p->rss_kb);
}

static float text_w(gui_app *a, const char *s)
{
    int w, h;
    gui_text_measure(a->text, s, GUI_SMALL, &w, &h);
    return (float)w;
}

/* Column widths from their headings and the cells of the rows shown;
 * the widest state name whatever the states now.  When the table is too
 * narrow, the parent and the PC give up room down to a least width, the
 * name down to 60% of its own (texts are cut, the whole shown on hover);
 * if that is not enough the last columns go, and with four left the name
 * gives up the rest.  Returns the columns shown. */
static int table_widths(gui_app *a, const int *cols, int ncol, char head[NCOLS][32],
                        uint32_t first, uint32_t last, float avail, float *w)
{
    float u = a->L.unit, gap = 10 * u, natural[NCOLS];
    char cell[NCOLS][CELL_MAX];
    for (int c = 0; c < ncol; c++)
        natural[c] = text_w(a, head[cols[c]]);
    for (uint32_t pid = first; pid <= last; pid++) {
        table_cells(a, pid, cell);
        for (int c = 0; c < ncol; c++)
            natural[c] = fmaxf(natural[c], text_w(a, cell[cols[c]]));
    }
    for (int c = 0; c < ncol; c++) {
        if (cols[c] == COL_STATE)
            for (int st = 0; st < PS_STATE_COUNT; st++)
                natural[c] = fmaxf(natural[c], text_w(a, gui_table_state((ps_state)st, a->lang)));
        natural[c] += gap;
    }
    static const int give[] = {COL_PARENT, COL_PC, COL_NAME}; /* in that order */
    float least = text_w(a, "consum..") + gap;
    for (;; ncol--) {
        float sum = 0;
        for (int c = 0; c < ncol; c++)
            sum += w[c] = natural[c];
        for (size_t g = 0; g < sizeof give / sizeof give[0] && sum > avail; g++)
            for (int c = 0; c < ncol; c++) {
                float floor = cols[c] == COL_NAME && ncol > 4 ? fmaxf(least, 0.6f * natural[c]) : least;
                if (cols[c] == give[g] && w[c] > floor) {
                    float cut = fminf(sum - avail, w[c] - floor);
                    w[c] -= cut;
                    sum -= cut;
                }
            }
        if (sum <= avail || ncol <= 4)
            return ncol;
    }
}

/* The first row shown: the wheel's scrolling kept in bounds, and a new
 * selection's row brought into view (once: the wheel may then scroll it
 * away). */
static uint32_t table_scroll(gui_app *a, uint32_t n, int fit)
{
    if (a->selected && a->selected != a->table_follow) {
        int sel = (int)a->selected - 1;
        if (sel < a->table_top)
            a->table_top = sel;
        if (sel >= a->table_top + fit)
            a->table_top = sel - fit + 1;
        a->table_follow = a->selected;
    }
    if (a->table_top > (int)n - fit)
        a->table_top = (int)n - fit;
    if (a->table_top < 0)
        a->table_top = 0;
    return (uint32_t)a->table_top;
}

static void table(gui_app *a)
{
    gui_rect r = a->L.table;
    const ps_engine *e = a->sim.e;
    float u = a->L.unit;
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    if (a->sim.trace_mode) {
        gui_trace_table(a);
        return;
    }
    panel(a, r, GUI_W_PCB_TABLE);
    a->ntable = 0;
    const int live = a->sim.live != NULL;
    static const int model_cols[] = {COL_PID, COL_NAME, COL_STATE, COL_PC, COL_PRIO, COL_CPU,
                                     COL_MEM, COL_PARENT};
    static const int live_cols[] = {COL_PID, COL_NAME, COL_STATE, COL_PC, COL_PRIO, COL_CPU,
                                    COL_OSPID, COL_K, COL_RSS};
    const int *cols = live ? live_cols : model_cols;
    int ncol = live ? 9 : 8;
    char head[NCOLS][32] = {"PID", "", "", "", "", "CPU", "", "", "", "K", "RSS"};
    snprintf(head[COL_OSPID], 32, "%s", gui_word_text(GUI_W_COL_OSPID, a->lang));
    snprintf(head[COL_PC], 32, "%s", gui_word_text(GUI_W_COL_PC, a->lang));
    snprintf(head[COL_NAME], 32, "%s", gui_word_text(GUI_W_COL_NAME, a->lang));
    snprintf(head[COL_STATE], 32, "%s", gui_word_text(GUI_W_COL_STATE, a->lang));
    snprintf(head[COL_PRIO], 32, "%s", gui_word_text(GUI_W_COL_PRIO, a->lang));
    snprintf(head[COL_MEM], 32, "%s", gui_word_text(GUI_W_COL_MEM, a->lang));
    snprintf(head[COL_PARENT], 32, "%s", gui_word_text(GUI_W_COL_PARENT, a->lang));
    uint32_t n = e ? ps_engine_nprocs(e) : 0;
    float y = r.y + lh + 6 * u, rows_top = y + lh;
    int fit = (int)((r.y + r.h - rows_top) / lh);
    fit = fit < 1 ? 1 : fit > 64 ? 64 : fit;
    uint32_t first = table_scroll(a, n, fit) + 1, last = first + (uint32_t)fit - 1;
    if (last > n)
        last = n;
    float w[NCOLS], x[NCOLS + 1];
    ncol = table_widths(a, cols, ncol, head, first, last, r.w - 12 * u, w);
    x[0] = r.x + 6 * u;
    for (int c = 0; c < ncol; c++)
        x[c + 1] = x[c] + w[c];
    for (int c = 0; c < ncol; c++)
        gui_text_draw(a->text, head[cols[c]], GUI_SMALL, col(GUI_DIM), (int)x[c], (int)y);
    if ((int)n > fit) { /* which rows these are, at the title's right */
        char which[64];
        snprintf(which, sizeof which, "%u-%u / %u", first, last, n);
        gui_text_draw(a->text, which, GUI_SMALL, col(GUI_DIM),
                      (int)(r.x + r.w - text_w(a, which) - 6 * u), (int)(r.y + 3 * a->L.scale));
    }
    for (uint32_t pid = first; pid <= last; pid++, y += lh) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        gui_rect row = {r.x, y + lh, r.w, lh};
        a->table_row[a->ntable] = row;
        a->table_pid[a->ntable++] = pid;
        if (pid == a->selected)
            gui_fill(a->ren, row, col(0x3a4354));
        char cell[NCOLS][CELL_MAX];
        table_cells(a, pid, cell);
        for (int c = 0; c < ncol; c++) {
            int k = cols[c];
            gui_text_fit(a->text, cell[k], sizeof cell[k], GUI_SMALL, w[c] - 6 * u);
            SDL_Color fg = k == COL_STATE && p->created ? gui_state_color((ps_state)p->state) : col(GUI_TEXT);
            gui_text_draw(a->text, cell[k], GUI_SMALL, fg, (int)x[c], (int)(y + lh));
        }
    }
    a->table_rows = fit;
}

/* ---- the selected PCB ------------------------------------------------- */

static void vline(gui_app *a, float *y, float x, const char *fmt, va_list ap)
{
    char buf[GUI_TEXT_MAX - 1]; /* cut by fit, which keeps its whole */
    vsnprintf(buf, sizeof buf, fmt, ap);
    gui_utf8_trim(buf);
    if (a->line_right > x) /* a column's end: cut there, the whole on hover */
        gui_text_fit(a->text, buf, sizeof buf, GUI_SMALL, a->line_right - x);
    gui_text_draw(a->text, buf, GUI_SMALL, col(GUI_TEXT), (int)x, (int)*y);
    *y += (float)gui_text_line_height(a->text, GUI_SMALL);
}

static void line(gui_app *a, float *y, float x, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void line(gui_app *a, float *y, float x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline(a, y, x, fmt, ap);
    va_end(ap);
}

void gui_panel_line(gui_app *a, float *y, float x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vline(a, y, x, fmt, ap);
    va_end(ap);
}

/* The PCB panel's words: English, or Korean (`a` is the app). */
#define T(en, ko) (a->lang == GUI_KO ? (ko) : (en))

/* Live mode: the real descriptors of the child behind pid, from
 * /proc/PID/fd, under the model's list (the child also holds the pipes of
 * procsim's own protocol, docs/live.md). */
static void real_fds(gui_app *a, float *y, float x, gui_rect r, uint32_t pid)
{
    ps_live_fd fd[GUI_FD_LIST_MAX];
    int n = ps_live_open_fds(a->sim.live, pid, fd, GUI_FD_LIST_MAX);
    int os = (int)ps_live_os_pid(a->sim.live, pid);
    if (n < 0) {
        line(a, y, x, "%s", T("real fds: none (no live process)", "실제 fd: 없음 (실제 프로세스 없음)"));
        return;
    }
    line(a, y, x, T("real fds in /proc/%d/fd (%d):", "실제 fd, /proc/%d/fd (%d개):"), os, n);
    gui_fd_list(a, y, x, r, fd, n);
}

void gui_fd_list(gui_app *a, float *y, float x, gui_rect r, const ps_live_fd *fd, int n)
{
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    for (int i = 0; i < n && i < GUI_FD_LIST_MAX; i++) {
        if (*y + 2 * lh > r.y + r.h && i + 1 < n) {
            line(a, y, x + 10 * a->L.scale, T("... and %d more", "... 외 %d개"), n - i);
            return;
        }
        char what[160];
        snprintf(what, sizeof what, "%d -> %s", fd[i].fd, fd[i].target);
        gui_text_fit(a->text, what, sizeof what, GUI_SMALL, r.x + r.w - x - 16 * a->L.scale);
        line(a, y, x + 10 * a->L.scale, "%s", what);
    }
}

/* Lines l[0..n) of the PCB from (x, *y), each cut to w, as many as fit
 * above `bottom`, then how many more. */
static void pcb_lines(gui_app *a, float *y, float x, float w, float bottom, const gui_pcb_line *l,
                      int n)
{
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL), in = 10 * a->L.scale;
    a->line_right = x + w; /* the column's end (the whole text on hover) */
    for (int i = 0; i < n && *y + lh <= bottom; i++) {
        char buf[GUI_PCB_LINE + 32];
        if (i + 1 < n && *y + 2 * lh > bottom) { /* room for one line, more than one left */
            snprintf(buf, sizeof buf, T("... and %d more", "... 외 %d줄"), n - i);
            line(a, y, x, "%s", buf);
            return;
        }
        line(a, y, x + (l[i].indent ? in : 0), "%s", l[i].text); /* cut at line_right */
    }
}

static float widest(gui_app *a, const gui_pcb_line *l, int n)
{
    float most = 0;
    for (int i = 0; i < n; i++) {
        int tw, th;
        gui_text_measure(a->text, l[i].text, GUI_SMALL, &tw, &th);
        float w = (float)tw + (l[i].indent ? 10 * a->L.scale : 0);
        most = w > most ? w : most;
    }
    return most;
}

static void detail(gui_app *a)
{
    gui_rect r = a->L.detail;
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    panel(a, r, GUI_W_PCB);
    const ps_engine *e = a->sim.e;
    if (!e || !a->selected) {
        gui_text_draw(a->text, gui_word_text(GUI_W_NO_SELECTION, a->lang), GUI_SMALL, col(GUI_DIM),
                      (int)(r.x + 8 * sc), (int)(r.y + 2 * lh));
        return;
    }
    uint32_t pid = a->selected;
    if (a->sim.trace_mode) { /* a real process: the kernel's view beside its PCB */
        gui_trace_detail(a, pid);
        return;
    }
    static gui_pcb_text t; /* drawing is single-threaded; too big for the stack */
    gui_pcb_text_make(&t, e, pid, a->lang, a->sim.live != NULL,
                      a->sim.live ? (int)ps_live_os_pid(a->sim.live, pid) : 0);
    /* two columns, or, when the panel is too narrow for them and tall
       enough, the right one under the left */
    float x1 = r.x + 8 * sc, top = r.y + lh + 6 * sc, bottom = r.y + r.h - 2 * sc;
    float half = (r.w - 24 * sc) / 2, whole = r.w - 16 * sc;
    int narrow = widest(a, t.left, t.nleft) > half || widest(a, t.right, t.nright) > half;
    int stack = narrow && top + (float)(t.nleft + t.nright) * lh <= bottom;
    float y = top, y2 = top, x2 = stack ? x1 : x1 + half + 8 * sc;
    pcb_lines(a, &y, x1, stack ? whole : half, bottom, t.left, t.nleft);
    if (stack)
        y2 = y;
    pcb_lines(a, &y2, x2, stack ? whole : half, bottom, t.right, t.nright);
    if (a->sim.live) /* beside the model's open files */
        real_fds(a, &y2, x2, r, pid);
    a->line_right = 0;
#undef T
}

/* ---- event log -------------------------------------------------------- */

/* Is s[0..n) no more than a log line's tick and its mark ("   12", "12 *",
 * "12 ·")?  A break there would leave them alone on their line. */
static int only_tick(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" 0123456789*\xc2\xb7", s[i]))
            return 0;
    return 1;
}

/* How many bytes of `s` go on a line `w` wide: up to the last space that
 * fits and leaves more than the tick before it (else as many characters
 * as fit, at least one: a long name is broken inside). */
static size_t fits_in(gui_app *a, const char *s, float w)
{
    size_t n = strlen(s), best = 0, chars = 0;
    char buf[GUI_TEXT_MAX];
    int tw, th;
    gui_text_measure(a->text, s, GUI_SMALL, &tw, &th);
    if ((float)tw <= w || n >= sizeof buf)
        return n;
    for (size_t i = 1; i <= n; i++) {
        if (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
            continue; /* inside a character */
        memcpy(buf, s, i);
        buf[i] = 0;
        gui_text_measure(a->text, buf, GUI_SMALL, &tw, &th);
        if ((float)tw > w)
            break;
        chars = i;
        if (i < n && s[i] == ' ' && !only_tick(s, i))
            best = i;
    }
    return best ? best : chars ? chars : 1;
}

/* The log line `text` in rows at most w wide (the rows after the first
 * indented by `indent`); draws them from *y when draw, and returns how
 * many rows it takes. */
static int log_text(gui_app *a, const char *text, float x, float *y, float w, float indent,
                    SDL_Color fg, int draw)
{
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    int rows = 0;
    while (*text) {
        float in = rows ? indent : 0;
        size_t n = fits_in(a, text, w - in);
        char buf[GUI_TEXT_MAX];
        snprintf(buf, sizeof buf, "%.*s", (int)n, text);
        if (draw) {
            gui_text_draw(a->text, buf, GUI_SMALL, fg, (int)(x + in), (int)*y);
            *y += lh;
        }
        rows++;
        text += n;
        while (*text == ' ')
            text++;
    }
    return rows;
}

static void log_panel(gui_app *a)
{
    gui_rect r = a->L.log;
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    panel(a, r, GUI_W_LOG);
    const ps_engine *e = a->sim.e;
    if (!e)
        return;
    gui_log_line lines[128];
    int rows = (int)((r.h - lh - 6 * sc) / lh);
    int n = gui_sim_log_lines(&a->sim, lines, rows < 128 ? rows : 128);
    char text[128][GUI_TEXT_MAX]; /* long names: a line may hold three */
    SDL_Color fg[128];
    for (int k = 0; k < n; k++) {
        char cause[GUI_TEXT_MAX / 2]; /* cut at a character (the formatters) */
        if (lines[k].note) { /* trace mode: exec, signal, reaped, ...: "·" */
            const gui_note *no = lines[k].note; /* (a long line wraps) */
            gui_sim_note_line(&a->sim, no, gui_ps_lang(a->lang), text[k], sizeof text[k]);
            fg[k] = col(no->n.kind == PS_TN_WARNING ? 0xffb74d : 0xc3a6e8);
        } else if (lines[k].tr) {
            const gui_tr *t = lines[k].tr;
            gui_cause_text(e, &t->ev, a->lang, cause, sizeof cause);
            snprintf(text[k], sizeof text[k], "%5lld %-10s %s -> %s: %s", (long long)t->ev.time,
                     ps_engine_pcb(e, t->ev.pid)->name, gui_state_text((ps_state)t->ev.from, a->lang),
                     gui_state_text((ps_state)t->ev.to, a->lang), cause);
            gui_utf8_trim(text[k]); /* long names: cut at a character */
            fg[k] = gui_state_color((ps_state)t->ev.to);
        } else { /* what a process did to a shared object: "*" as in the text view */
            const ps_op_event *o = &lines[k].op->ev;
            ps_op_event_format(e, o, gui_ps_lang(a->lang), cause, sizeof cause);
            snprintf(text[k], sizeof text[k], "%5lld * %s", (long long)o->time, cause);
            gui_utf8_trim(text[k]);
            fg[k] = col(o->lost_update ? GUI_LOST_TEXT : 0x9fc5e8);
        }
    }
    /* the newest lines that fit, long ones wrapped */
    float x = r.x + 6 * sc, w = r.w - 12 * sc, y = r.y + lh + 4 * sc;
    int tw, th;
    gui_text_measure(a->text, "00000 * ", GUI_SMALL, &tw, &th);
    int keep = 0, used = 0;
    while (keep < n) {
        int need = log_text(a, text[keep], x, &y, w, (float)tw, fg[keep], 0);
        if (used + need > rows)
            break;
        used += need;
        keep++;
    }
    for (int k = keep; k-- > 0;)
        log_text(a, text[k], x, &y, w, (float)tw, k == 0 ? col(0xfff59d) : fg[k], 1);
}

void gui_view_toolbar(gui_app *a)
{
    toolbar(a);
}

void gui_view_panels(gui_app *a)
{
    toolbar(a);
    gui_view_header(a);
    table(a);
    detail(a);
    gui_view_gantt(a);
    log_panel(a);
    SDL_RenderSetClipRect(a->ren, NULL);
    gui_view_resources(a);
}

/* ---- overlays --------------------------------------------------------- */

static void help(gui_app *a)
{
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
    gui_rect box = {a->L.w * 0.25f, a->L.h * 0.14f, a->L.w * 0.5f, lh * 20};
    gui_fill(a->ren, box, gui_rgba(0x101318, 240));
    gui_text_cover(a->text, box.x, box.y, box.w, box.h);
    gui_frame(a->ren, box, col(0x6d7684), 1 * sc);
    float y = box.y + 10 * sc;
    gui_text_draw(a->text, gui_word_text(GUI_W_HELP, a->lang), GUI_LARGE, col(0xfff59d),
                  (int)(box.x + 14 * sc), (int)y);
    y += lh * 1.6f;
    for (const char *const *l = gui_help_lines(a->lang); *l; l++, y += lh)
        gui_text_draw(a->text, *l, GUI_NORMAL, col(GUI_TEXT), (int)(box.x + 14 * sc), (int)y);
    if (a->sim.trace_mode) /* what the keys do to a real program */
        gui_text_draw(a->text, gui_word_text(GUI_W_HELP_TRACE, a->lang), GUI_NORMAL,
                      col(0xfff59d), (int)(box.x + 14 * sc), (int)y);
}

void gui_view_overlays(gui_app *a)
{
    gui_view_quiz(a);
    if (a->show_help)
        help(a);
    if (a->show_picker)
        gui_view_picker(a);
    const char *report = a->sim.status == PS_STEP_STUCK || a->sim.status == PS_STEP_RUNAWAY
                             ? a->sim.stuck[gui_ps_lang(a->lang)] /* in the window's language */
                             : a->sim.report[gui_ps_lang(a->lang)];
    const char *msg = a->message_ttl > 0 ? a->message : report;
    if (msg[0]) {
        float lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
        gui_rect bar = {0, a->L.h - lh - 8 * a->L.scale, a->L.w, lh + 8 * a->L.scale};
        int bad = a->message_ttl > 0 ? a->message_error : 1;
        gui_fill(a->ren, bar, gui_rgba(bad ? 0x5c1f1f : 0x1f3d2b, 240));
        gui_text_cover(a->text, bar.x, bar.y, bar.w, bar.h);
        gui_text_draw(a->text, msg, GUI_NORMAL, col(GUI_TEXT), (int)(8 * a->L.scale),
                      (int)(bar.y + 4 * a->L.scale));
    }
}

void gui_say(gui_app *a, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
    a->message_ttl = error ? 8 : 4;
    a->message_error = error;
}
