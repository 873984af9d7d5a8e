/* panels.c — everything around the diagram: the toolbar with the clock,
 * the PCB table, the selected process's whole PCB, the event log, and the
 * help and message overlays (the Gantt chart: gantt_view.c; the Open
 * dialog: picker_view.c). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "gantt_view.h"
#include "pcb_sched.h"

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

static void toolbar(gui_app *a)
{
    float sc = a->L.scale, x = 6 * sc, y = 7 * sc, h = 26 * sc;
    gui_fill(a->ren, a->L.toolbar, col(0x15181e));
    for (int i = 0; i < GUI_ACTION_COUNT; i++) {
        const char *label = gui_word_text(action_word[i], a->lang);
        if (i == GUI_ACT_PLAY && !a->paused)
            label = gui_word_text(GUI_W_PAUSE, a->lang);
        if (i == GUI_ACT_LANG)
            label = a->lang == GUI_KO ? "English" : "한국어";
        if (i == GUI_ACT_HELP)
            label = "?";
        int tw, th;
        gui_text_measure(a->text, label, GUI_SMALL, &tw, &th);
        gui_rect b = {x, y, tw + 14 * sc, h};
        int usable = gui_action_refused(a, (gui_action)i) == GUI_WORD_COUNT;
        gui_fill(a->ren, b, col(usable ? GUI_BUTTON : GUI_BUTTON_OFF));
        gui_text_draw_centered(a->text, label, GUI_SMALL, col(usable ? GUI_TEXT : 0x5c6370),
                               (int)(b.x + b.w / 2), (int)(b.y + b.h / 2));
        a->button[i] = b;
        x += b.w + 4 * sc;
    }
    char clock[512], cpus[64] = "";
    const gui_sim *g = &a->sim;
    if (g->trace_mode) {
        gui_trace_status(a, x + 8 * sc, y + 3 * sc, a->L.w - x - 16 * sc);
        return;
    }
    if (a->cmp) {
        gui_compare_status(a, x + 8 * sc, y + 3 * sc, a->L.w - x - 16 * sc);
        return;
    }
    if (g->s)
        gui_cpus_text(g->s, a->lang, cpus, sizeof cpus);
    snprintf(clock, sizeof clock, "%s %lld  %s %.2gx  %s  %s  %s", gui_word_text(GUI_W_TICK, a->lang),
             (long long)(g->e ? ps_engine_now(g->e) : 0), gui_word_text(GUI_W_SPEED, a->lang),
             a->speed, cpus, g->live ? gui_word_text(GUI_W_LIVE, a->lang) : "",
             g->status == PS_STEP_DONE    ? gui_word_text(GUI_W_DONE, a->lang)
             : g->status == PS_STEP_STUCK ? gui_word_text(GUI_W_DEADLOCK, a->lang)
                                          : "");
    gui_text_draw(a->text, clock, GUI_NORMAL, col(0xfff59d), (int)(x + 8 * sc),
                  (int)(y + 3 * sc));
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

static void table(gui_app *a)
{
    gui_rect r = a->L.table;
    const ps_engine *e = a->sim.e;
    float sc = a->L.scale;
    int lh = gui_text_line_height(a->text, GUI_SMALL);
    if (a->sim.trace_mode) {
        gui_trace_table(a);
        return;
    }
    panel(a, r, GUI_W_PCB_TABLE);
    const int live = a->sim.live != NULL;
    const char *const head[] = {"PID", gui_word_text(GUI_W_COL_NAME, a->lang),
                                gui_word_text(GUI_W_COL_STATE, a->lang), "PC: op",
                                gui_word_text(GUI_W_COL_PRIO, a->lang), "CPU",
                                gui_word_text(GUI_W_COL_MEM, a->lang),
                                gui_word_text(GUI_W_COL_PARENT, a->lang), "OS pid", "K", "RSS"};
    static const float colx[] = {0, 0.05f, 0.17f, 0.32f, 0.59f, 0.65f, 0.72f, 0.83f,
                                 0.72f, 0.83f, 0.87f};
    int ncol = live ? 11 : 8;
    float y = r.y + lh + 6 * sc, cx[11];
    /* the state and PC columns move right as far as the longest name needs,
     * up to a quarter of the table (the PC column, the widest, gives the
     * room); longer names are cut to fit */
    float need = 0;
    for (uint32_t pid = 1; e && pid <= ps_engine_nprocs(e); pid++) {
        int tw, th;
        gui_text_measure(a->text, ps_engine_pcb(e, pid)->name, GUI_SMALL, &tw, &th);
        if ((float)tw + 6 * sc > need)
            need = (float)tw + 6 * sc;
    }
    if (need > 0.25f * r.w)
        need = 0.25f * r.w;
    float shift = need - (colx[2] - colx[1]) * r.w;
    for (int c = 0; c < 11; c++)
        cx[c] = r.x + 6 * sc + colx[c] * r.w + (shift > 0 && (c == 2 || c == 3) ? shift : 0);
    for (int c = 0; c < ncol; c++)
        if (!(live && (c == 6 || c == 7)))
            gui_text_draw(a->text, head[c], GUI_SMALL, col(GUI_DIM), (int)cx[c], (int)y);
    a->ntable = 0;
    if (!e)
        return;
    uint32_t n = ps_engine_nprocs(e);
    for (uint32_t pid = 1; pid <= n && a->ntable < 64; pid++) {
        y += lh;
        if (y + lh > r.y + r.h)
            break;
        const ps_pcb *p = ps_engine_pcb(e, pid);
        gui_rect row = {r.x, y, r.w, (float)lh};
        a->table_row[a->ntable] = row;
        a->table_pid[a->ntable++] = pid;
        if (pid == a->selected)
            gui_fill(a->ren, row, col(0x3a4354));
        char cell[11][96];
        ps_regs regs = ps_engine_regs(e, pid);
        const ps_proc_spec *spec = &ps_engine_scenario(e)->procs[pid - 1];
        char op[64] = "-";
        if (regs.pc < spec->op_count)
            ps_op_format(ps_engine_scenario(e), &ps_engine_scenario(e)->ops[spec->op_first + regs.pc],
                         op, sizeof op);
        snprintf(cell[0], sizeof cell[0], "%u", pid);
        snprintf(cell[1], sizeof cell[1], "%s", p->name);
        snprintf(cell[2], sizeof cell[2], "%s",
                 !p->created ? "-" : gui_table_state((ps_state)p->state, a->lang));
        snprintf(cell[3], sizeof cell[3], "%u: %s", regs.pc, op); /* cut to its column */
        snprintf(cell[4], sizeof cell[4], "%d", p->priority);
        snprintf(cell[5], sizeof cell[5], "%lld", (long long)p->cpu_time);
        snprintf(cell[6], sizeof cell[6], "%lld %s", (long long)p->memory,
                 ps_state_resident((ps_state)p->state) ? "in" : p->created && p->state != PS_EXIT ? "out" : "");
        snprintf(cell[7], sizeof cell[7], "%s", p->parent ? ps_engine_pcb(e, (uint32_t)p->parent)->name : "-");
        snprintf(cell[8], sizeof cell[8], "%d", live ? (int)ps_live_os_pid(a->sim.live, pid) : 0);
        snprintf(cell[9], sizeof cell[9], "%c", p->kstate ? p->kstate : '-');
        snprintf(cell[10], sizeof cell[10], "%lld", (long long)p->rss_kb);
        for (int c = 0; c < ncol; c++) {
            if (live && (c == 6 || c == 7))
                continue;
            int next = live && c == 5 ? 8 : c + 1; /* each cell ends where the next begins */
            gui_text_fit(a->text, cell[c], sizeof cell[c], GUI_SMALL, (next < ncol ? cx[next] : r.x + r.w) - cx[c] - 4 * sc);
            SDL_Color fg = c == 2 && p->created ? gui_state_color((ps_state)p->state) : col(GUI_TEXT);
            gui_text_draw(a->text, cell[c], GUI_SMALL, fg, (int)cx[c], (int)y);
        }
    }
}

/* ---- the selected PCB ------------------------------------------------- */

static void vline(gui_app *a, float *y, float x, const char *fmt, va_list ap)
{
    char buf[256];
    vsnprintf(buf, sizeof buf, fmt, ap);
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

/* The PCB's tenth field: one line per open file, as many as fit, then
 * how many more. */
static void open_files(gui_app *a, float *y, float x, gui_rect r, uint32_t pid)
{
    const ps_engine *e = a->sim.e;
    float lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    ps_open_file f[32];
    uint32_t n = ps_engine_open_files(e, pid, f, 32);
    if (!n)
        line(a, y, x, T("open files: none", "열린 파일: 없음"));
    else
        line(a, y, x, T("open files (%u):", "열린 파일 (%u개):"), n);
    for (uint32_t i = 0; i < n && i < 32; i++) {
        char what[160];
        if (*y + 2 * lh > r.y + r.h && i + 1 < n) {
            line(a, y, x + 10 * a->L.scale, T("... and %u more", "... 외 %u개"), n - i);
            return;
        }
        line(a, y, x + 10 * a->L.scale, "%s", ps_open_file_format(e, &f[i], gui_ps_lang(a->lang), what, sizeof what));
    }
}

/* The name of a signal the model or a live child may get, else its
 * number. */
static const char *signal_name(int sig, char *buf, size_t size)
{
    static const struct {
        int sig;
        const char *name;
    } names[] = {{2, "SIGINT"}, {6, "SIGABRT"}, {9, "SIGKILL"}, {11, "SIGSEGV"},
                 {15, "SIGTERM"}, {18, "SIGCONT"}, {19, "SIGSTOP"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].sig == sig)
            return names[i].name;
    snprintf(buf, size, "signal %d", sig);
    return buf;
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
    const ps_pcb *p = ps_engine_pcb(e, pid);
    const ps_scenario *s = ps_engine_scenario(e);
    ps_regs regs = ps_engine_regs(e, pid);
    float x1 = r.x + 8 * sc, x2 = r.x + r.w / 2, y = r.y + lh + 6 * sc, y2 = y;
    char children[128] = "", *c = children;
    for (uint32_t k = p->first_child; k && c < children + sizeof children - 20;
         k = ps_engine_pcb(e, k)->next_sibling) {
        char *was = c;
        c += snprintf(c, (size_t)(children + sizeof children - c), "%s%s", c == children ? "" : ", ",
                      ps_engine_pcb(e, k)->name);
        int tw, th; /* the left column ends where the right one begins */
        gui_text_measure(a->text, children, GUI_SMALL, &tw, &th);
        if ((float)tw > x2 - x1 - 90 * sc) {
            snprintf(was, (size_t)(children + sizeof children - was), ", ...");
            break;
        }
    }
    line(a, &y, x1, T("pid %u  %s  parent %s", "pid %u  %s  부모 %s"), pid, p->name,
         p->parent ? ps_engine_pcb(e, (uint32_t)p->parent)->name : "-");
    line(a, &y, x1, T("children: %s", "자식: %s"), children[0] ? children : "-");
    line(a, &y, x1, T("state: %s%s%s", "상태: %s%s%s"), p->created ? gui_state_text((ps_state)p->state, a->lang) : "-",
         p->kstate ? T("   kernel: ", "   커널: ") : "", p->kstate ? (char[]){p->kstate, 0} : "");
    char op[64] = "(end)";
    const ps_proc_spec *spec = &s->procs[pid - 1];
    if (regs.pc < spec->op_count)
        ps_op_format(s, &s->ops[spec->op_first + regs.pc], op, sizeof op);
    line(a, &y, x1, "PC %u: %s", regs.pc, op);
    line(a, &y, x1, T("registers: cnt %u acc %lld tmp %lld", "레지스터: cnt %u acc %lld tmp %lld"), regs.cnt, (long long)regs.acc,
         (long long)regs.tmp);
    char sched[GUI_PCB_SCHED_LINES][GUI_PCB_LINE]; /* priority, and the policy's fields */
    for (int i = 0, n = gui_pcb_sched_lines(e, pid, a->lang, sched); i < n; i++) {
        gui_text_fit(a->text, sched[i], sizeof sched[i], GUI_SMALL, x2 - x1 - 8 * sc);
        line(a, &y, x1, "%s", sched[i]);
    }
    line(a, &y, x1, T("memory: %lld units, %s%s", "메모리: %lld 단위, %s%s"), (long long)p->memory,
         ps_state_resident((ps_state)p->state) ? T("resident", "적재됨")
         : p->state == PS_READY_SUSPENDED || p->state == PS_BLOCKED_SUSPENDED ? T("swapped out", "스왑 아웃됨")
                                                                              : T("none held", "잡은 메모리 없음"), "");
    if (a->sim.live)
        line(a, &y, x1, T("real pid %d, RSS %lld kB", "실제 pid %d, RSS %lld kB"), (int)ps_live_os_pid(a->sim.live, pid),
             (long long)p->rss_kb);
    open_files(a, &y, x1, r, pid);
    line(a, &y2, x2, T("arrival %lld, first run %lld, finish %lld", "도착 %lld, 첫 실행 %lld, 종료 %lld"), (long long)p->arrival,
         (long long)p->first_run, (long long)p->finish);
    line(a, &y2, x2, T("CPU %lld, switches %u, swaps %u", "CPU %lld, 문맥 교환 %u, 스왑 %u"), (long long)p->cpu_time, p->switches, p->swaps);
    line(a, &y2, x2, T("time in: New %lld Ready %lld Run %lld", "머문 시간: 생성 %lld 준비 %lld 실행 %lld"), (long long)p->state_time[PS_NEW],
         (long long)p->state_time[PS_READY], (long long)p->state_time[PS_RUNNING]);
    line(a, &y2, x2, T("Blocked %lld R/S %lld B/S %lld", "대기 %lld 보류 준비 %lld 보류 대기 %lld"), (long long)p->state_time[PS_BLOCKED],
         (long long)p->state_time[PS_READY_SUSPENDED], (long long)p->state_time[PS_BLOCKED_SUSPENDED]);
    if (p->wait_kind) {
        char what[128];
        line(a, &y2, x2, "%s", ps_wait_format(e, p, gui_ps_lang(a->lang), what, sizeof what));
    }
    line(a, &y2, x2, T("locks held %u", "잡은 락 %u"), p->locks_held);
    char sig[32], last[32];
    if (p->created && p->state == PS_EXIT && p->term_signal) /* -15: Python's exitcode */
        line(a, &y2, x2, T("exit code %d (killed by %s)", "종료 코드 %d (%s로 종료됨)"), p->exit_code,
             signal_name(p->term_signal, sig, sizeof sig));
    else if (p->created && p->state == PS_EXIT)
        line(a, &y2, x2, T("exit code %d", "종료 코드 %d"), p->exit_code);
    else
        line(a, &y2, x2, "%s", T("exit code: - (not exited)", "종료 코드: - (아직 안 끝남)"));
    line(a, &y2, x2, T("last signal: %s", "마지막 시그널: %s"),
         p->last_signal ? signal_name(p->last_signal, last, sizeof last) : "-");
    if (a->sim.live) /* beside the model's open files */
        real_fds(a, &y2, x2, r, pid);
#undef T
}

/* ---- event log -------------------------------------------------------- */

/* How many bytes of `s` go on a line `w` wide: up to the last space that
 * fits (else as many characters as fit, at least one). */
static size_t fits_in(gui_app *a, const char *s, float w)
{
    size_t n = strlen(s), best = 0, chars = 0;
    char buf[400];
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
        if (i < n && s[i] == ' ')
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
        char buf[400];
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
    char text[128][400];
    SDL_Color fg[128];
    for (int k = 0; k < n; k++) {
        char cause[240];
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
            fg[k] = gui_state_color((ps_state)t->ev.to);
        } else { /* what a process did to a shared object: "*" as in the text view */
            const ps_op_event *o = &lines[k].op->ev;
            ps_op_event_format(e, o, gui_ps_lang(a->lang), cause, sizeof cause);
            snprintf(text[k], sizeof text[k], "%5lld * %s", (long long)o->time, cause);
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
                             : a->sim.report;
    const char *msg = a->message_ttl > 0 ? a->message : report;
    if (msg[0]) {
        float lh = (float)gui_text_line_height(a->text, GUI_NORMAL);
        gui_rect bar = {0, a->L.h - lh - 8 * a->L.scale, a->L.w, lh + 8 * a->L.scale};
        int bad = a->message_ttl > 0 ? a->message_error : 1;
        gui_fill(a->ren, bar, gui_rgba(bad ? 0x5c1f1f : 0x1f3d2b, 240));
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
