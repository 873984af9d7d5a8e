/* trace_view.c — what the window shows of a traced program (trace mode,
 * sim.h) where a model run shows its model: the program's output in the
 * shared objects' place, a process table of the processes seen so far
 * (the slots not yet used are not listed), the PCB panel's kernel section
 * (ps_trace_proc_info, ps_trace_open_fds), the toolbar's line, and the
 * zombie's look. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "pcb_text.h"

static SDL_Color col(unsigned rgb) { return gui_rgba(rgb, 255); }


/* The words of the panels: English, or Korean (`a` is the app). */
#define T(en, ko) (a->lang == GUI_KO ? (ko) : (en))

/* ---- the program's output ---------------------------------------------- */

void gui_trace_output(gui_app *a)
{
    gui_rect r = a->L.resources;
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    gui_panel_open(a, r, GUI_W_OUTPUT);
    int tw, th; /* which colour is which stream, at the title's right */
    gui_text_measure(a->text, "stdout  stderr", GUI_SMALL, &tw, &th);
    float lx = r.x + r.w - (float)tw - 8 * sc, top = r.y + 3 * sc;
    lx += (float)gui_text_draw(a->text, "stdout  ", GUI_SMALL, col(GUI_TEXT), (int)lx, (int)top);
    gui_text_draw(a->text, "stderr", GUI_SMALL, col(GUI_STDERR_TEXT), (int)lx, (int)top);
    const gui_out *o = a->sim.out;
    float y = r.y + lh + 6 * sc;
    if (!o || !o->n) {
        gui_text_draw(a->text, gui_word_text(GUI_W_NO_OUTPUT, a->lang), GUI_SMALL, col(GUI_DIM),
                      (int)(r.x + 8 * sc), (int)y);
        SDL_RenderSetClipRect(a->ren, NULL);
        return;
    }
    uint32_t rows = (uint32_t)((r.y + r.h - y) / lh), from = o->n > rows ? o->n - rows : 0;
    for (uint32_t i = from; i < o->n; i++, y += lh) { /* the newest at the bottom */
        const struct gui_out_line *l = &o->line[(o->first + i) % GUI_OUT_LINES];
        char text[GUI_OUT_COLS + 8];
        memcpy(text, l->text, (size_t)l->len + 1);
        gui_text_fit(a->text, text, sizeof text, GUI_SMALL, r.w - 16 * sc);
        gui_text_draw(a->text, text, GUI_SMALL, col(l->stream == 2 ? GUI_STDERR_TEXT : GUI_TEXT),
                      (int)(r.x + 8 * sc), (int)y);
    }
    SDL_RenderSetClipRect(a->ren, NULL);
}

/* ---- the toolbar's line ------------------------------------------------ */

void gui_trace_status(gui_app *a, float x, float y, float w)
{
    const gui_sim *g = &a->sim;
    char cpus[64] = "", end[160] = "", rest[320], command[300];
    if (g->s)
        gui_cpus_text(g->s, a->lang, cpus, sizeof cpus);
    int code, sig;
    if (g->trace && ps_trace_exit(g->trace, &code, &sig) == 0) { /* COMMAND's end, in words */
        ps_trace_event ev = {.cause = (uint8_t)(sig ? PS_CAUSE_KILLED_BY : PS_CAUSE_EXIT_STATUS),
                             .a = sig ? sig : code};
        char how[128];
        gui_cause_text(g->e, &ev, a->lang, how, sizeof how);
        snprintf(end, sizeof end, "  %s%s%s",
                 g->status == PS_STEP_DONE ? gui_word_text(GUI_W_DONE, a->lang) : "",
                 g->status == PS_STEP_DONE ? ": " : "", how);
    }
    snprintf(rest, sizeof rest, "   %s %lld (%lld ms)  %s%s", gui_word_text(GUI_W_TICK, a->lang),
             (long long)(g->e ? ps_engine_now(g->e) : 0), (long long)(g->s ? g->s->tick_ms : 0),
             cpus, end);
    /* the command gives up its room first, the rest is cut last */
    int rw, th;
    gui_text_measure(a->text, rest, GUI_NORMAL, &rw, &th);
    snprintf(command, sizeof command, "%s: %s", gui_word_text(GUI_W_TRACE, a->lang), g->command);
    float cw = w - (float)rw > w / 3 ? w - (float)rw : w / 3;
    gui_text_fit(a->text, command, sizeof command, GUI_NORMAL, cw);
    x += (float)gui_text_draw(a->text, command, GUI_NORMAL, col(0xfff59d), (int)x, (int)y);
    gui_text_fit(a->text, rest, sizeof rest, GUI_NORMAL, w - cw);
    gui_text_draw(a->text, rest, GUI_NORMAL, col(0xfff59d), (int)x, (int)y);
}

/* ---- the process table -------------------------------------------------- */

/* What the process does now, in a few words: its call while it sleeps, the
 * CPU it runs on, the kernel's wait point. */
static void doing(const gui_app *a, uint32_t pid, const ps_pcb *p, char *buf, size_t size)
{
    ps_trace_proc k;
    buf[0] = 0;
    if (!a->sim.trace || ps_trace_proc_info(a->sim.trace, pid, &k))
        return;
    if (gui_sim_zombie(&a->sim, pid))
        snprintf(buf, size, "%s", gui_word_text(GUI_W_ZOMBIE, a->lang));
    else if (p->state == PS_EXIT)
        snprintf(buf, size, "-"); /* gone: what it last did is no more */
    else if (p->state == PS_RUNNING)
        snprintf(buf, size, "%s (cpu %u)", gui_word_text(GUI_W_RUNNING_ON, a->lang), p->cpu);
    else if (k.syscall[0])
        snprintf(buf, size, "%s", k.syscall);
    else if (k.wchan[0])
        snprintf(buf, size, "%s", k.wchan);
}

void gui_trace_table(gui_app *a)
{
    gui_rect r = a->L.table;
    const ps_engine *e = a->sim.e;
    float sc = a->L.scale;
    int lh = gui_text_line_height(a->text, GUI_SMALL);
    gui_panel_open(a, r, GUI_W_PCB_TABLE);
    enum { NCOL = 9 };
    const char *const head[NCOL] = {"PID", gui_word_text(GUI_W_COL_NAME, a->lang),
                                    gui_word_text(GUI_W_COL_STATE, a->lang),
                                    gui_word_text(GUI_W_COL_DOING, a->lang), "CPU",
                                    gui_word_text(GUI_W_COL_PARENT, a->lang),
                                    gui_word_text(GUI_W_COL_OSPID, a->lang), "K",
                                    gui_word_text(GUI_W_COL_THREADS, a->lang)};
    static const float colx[NCOL] = {0, 0.05f, 0.20f, 0.37f, 0.54f, 0.61f, 0.76f, 0.87f, 0.91f};
    float y = r.y + lh + 6 * sc, cx[NCOL];
    for (int c = 0; c < NCOL; c++) {
        cx[c] = r.x + 6 * sc + colx[c] * r.w;
        gui_text_draw(a->text, head[c], GUI_SMALL, col(GUI_DIM), (int)cx[c], (int)y);
    }
    a->ntable = 0;
    if (!e)
        return;
    /* the newest processes that fit, in the order they came */
    uint32_t n = ps_engine_nprocs(e), rows = (uint32_t)((r.y + r.h - y) / lh) - 1, skip = 0;
    uint32_t shown = gui_sim_shown(&a->sim);
    if (rows > 64)
        rows = 64;
    if (shown > rows)
        skip = shown - rows;
    for (uint32_t pid = 1; pid <= n && a->ntable < (int)rows; pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (!p->created || (skip && skip--))
            continue;
        y += lh;
        gui_rect row = {r.x, y, r.w, (float)lh};
        a->table_row[a->ntable] = row;
        a->table_pid[a->ntable++] = pid;
        if (pid == a->selected)
            gui_fill(a->ren, row, col(0x3a4354));
        ps_trace_proc k = {0};
        int known = a->sim.trace && ps_trace_proc_info(a->sim.trace, pid, &k) == 0;
        int zombie = gui_sim_zombie(&a->sim, pid);
        char cell[NCOL][96];
        snprintf(cell[0], sizeof cell[0], "%u", pid);
        snprintf(cell[1], sizeof cell[1], "%s", p->name);
        snprintf(cell[2], sizeof cell[2], "%s%s%s", gui_table_state((ps_state)p->state, a->lang),
                 zombie ? " " : "", zombie ? gui_word_text(GUI_W_ZOMBIE, a->lang) : "");
        doing(a, pid, p, cell[3], sizeof cell[3]);
        snprintf(cell[4], sizeof cell[4], "%lld", (long long)p->cpu_time);
        snprintf(cell[5], sizeof cell[5], "%s",
                 p->parent ? ps_engine_pcb(e, (uint32_t)p->parent)->name : "-");
        snprintf(cell[6], sizeof cell[6], "%d", known ? (int)k.os_pid : 0);
        int reaped = p->state == PS_EXIT && !zombie; /* no kernel letter: nothing is left */
        snprintf(cell[7], sizeof cell[7], "%c", known && k.kstate && !reaped ? k.kstate : '-');
        snprintf(cell[8], sizeof cell[8], "%u", known ? k.threads : 0);
        for (int c = 0; c < NCOL; c++) {
            gui_text_fit(a->text, cell[c], sizeof cell[c], GUI_SMALL,
                         (c + 1 < NCOL ? cx[c + 1] : r.x + r.w) - cx[c] - 4 * sc);
            SDL_Color fg = c == 2 ? (zombie ? col(GUI_ZOMBIE_TEXT) : gui_state_color((ps_state)p->state))
                                  : col(GUI_TEXT);
            gui_text_draw(a->text, cell[c], GUI_SMALL, fg, (int)cx[c], (int)y);
        }
    }
}

/* ---- the PCB panel ------------------------------------------------------ */

/* A line of small text at (x, *y) cut to w pixels, moving *y down. */
static void fit_line(gui_app *a, float *y, float x, float w, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void fit_line(gui_app *a, float *y, float x, float w, const char *fmt, ...)
{
    char buf[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    gui_text_fit(a->text, buf, sizeof buf, GUI_SMALL, w);
    gui_panel_line(a, y, x, "%s", buf);
}

/* How it ended, in the kernel's words (the trace's causes): its status or
 * signal, and the parent that has not reaped it while it is a zombie. */
static const char *ending(const gui_app *a, const ps_pcb *p, char *buf, size_t size)
{
    ps_trace_event ev = {.pid = p->pid,
                         .cause = (uint8_t)(p->term_signal ? PS_CAUSE_KILLED_BY
                                                           : PS_CAUSE_EXIT_STATUS),
                         .a = p->term_signal ? p->term_signal : p->exit_code,
                         .b = gui_sim_zombie(&a->sim, p->pid) ? p->parent : 0};
    return gui_cause_text(a->sim.e, &ev, a->lang, buf, size);
}

/* A tick, or "—" while it is not known (-1). */
static const char *tick(int64_t t, char *buf, size_t size)
{
    if (t < 0)
        return GUI_PCB_NONE;
    snprintf(buf, size, "%lld", (long long)t);
    return buf;
}

/* "1.234 s" from nanoseconds. */
static const char *seconds(int64_t ns, char *buf, size_t size)
{
    snprintf(buf, size, "%.3f s", (double)(ns < 0 ? 0 : ns) / 1e9);
    return buf;
}

static void kernel_section(gui_app *a, float *y, float x, float w, uint32_t pid,
                           const ps_pcb *p)
{
    ps_trace_proc k;
    if (!a->sim.trace || ps_trace_proc_info(a->sim.trace, pid, &k)) {
        fit_line(a, y, x, w, "%s", T("kernel: nothing known", "커널: 알려진 것 없음"));
        return;
    }
    char run[32], wait[32];
    fit_line(a, y, x, w, T("real pid %d, parent %d%s", "실제 pid %d, 부모 %d%s"), (int)k.os_pid,
                   (int)k.os_ppid, k.adopted ? T(" (adopted by procsim)", " (procsim이 입양)") : "");
    fit_line(a, y, x, w, "%s%s", T("command: ", "명령: "), k.cmdline[0] ? k.cmdline : k.comm);
    fit_line(a, y, x, w, T("comm %s, threads %u, execs %u", "comm %s, 스레드 %u개, exec %u번"),
                   k.comm, k.threads, k.execs);
    if (p->state == PS_EXIT && !gui_sim_zombie(&a->sim, pid)) /* reaped: no process left */
        fit_line(a, y, x, w, T("kernel state: %s (reaped), last cpu %d",
                               "커널 상태: %s (거둬짐), 마지막 CPU %d"), GUI_PCB_NONE, (int)k.last_cpu);
    else
        fit_line(a, y, x, w, T("kernel state %c, last cpu %d", "커널 상태 %c, 마지막 CPU %d"),
                 k.kstate ? k.kstate : '-', (int)k.last_cpu);
    if (p->state != PS_EXIT) /* what a gone process last did is no more */
        fit_line(a, y, x, w, T("in call: %s  wchan: %s", "시스템 호출: %s  wchan: %s"),
                       k.syscall[0] ? k.syscall : "-", k.wchan[0] ? k.wchan : "-");
    fit_line(a, y, x, w, T("cpu %s, cpu wait %s", "CPU %s, CPU 대기 %s"),
                   seconds(k.run_ns, run, sizeof run), seconds(k.wait_ns, wait, sizeof wait));
}

/* Its real descriptors, as many as fit, then how many more. */
static void fds(gui_app *a, float *y, float x, gui_rect r, uint32_t pid)
{
    ps_live_fd fd[GUI_FD_LIST_MAX];
    int n = a->sim.trace ? ps_trace_open_fds(a->sim.trace, pid, fd, GUI_FD_LIST_MAX) : -1;
    if (n <= 0) {
        gui_panel_line(a, y, x, "%s", T("open fds: none", "열린 fd: 없음"));
        return;
    }
    gui_panel_line(a, y, x, T("open fds (%d):", "열린 fd (%d개):"), n);
    gui_fd_list(a, y, x, r, fd, n);
}

void gui_trace_detail(gui_app *a, uint32_t pid)
{
    gui_rect r = a->L.detail;
    const ps_engine *e = a->sim.e;
    const ps_pcb *p = ps_engine_pcb(e, pid);
    float sc = a->L.scale, lh = (float)gui_text_line_height(a->text, GUI_SMALL);
    float x1 = r.x + 8 * sc, x2 = r.x + r.w / 2, y = r.y + lh + 6 * sc, y2 = y;
    float w1 = x2 - x1 - 8 * sc, w2 = r.x + r.w - x2 - 6 * sc; /* the two columns */
    if (!p->created) {
        fit_line(a, &y, x1, w1, T("pid %u: not seen yet", "pid %u: 아직 없음"), pid);
        return;
    }
    char children[128] = "", *c = children;
    for (uint32_t k = p->first_child; k && c < children + sizeof children - 20;
         k = ps_engine_pcb(e, k)->next_sibling)
        c += snprintf(c, (size_t)(children + sizeof children - c), "%s%s",
                      c == children ? "" : ", ", ps_engine_pcb(e, k)->name);
    fit_line(a, &y, x1, w1, T("pid %u  %s  parent %s", "pid %u  %s  부모 %s"), pid, p->name,
                   p->parent ? ps_engine_pcb(e, (uint32_t)p->parent)->name : GUI_PCB_NONE);
    fit_line(a, &y, x1, w1, T("children: %s", "자식: %s"), children[0] ? children : GUI_PCB_NONE);
    int zombie = gui_sim_zombie(&a->sim, pid);
    fit_line(a, &y, x1, w1, T("state: %s%s", "상태: %s%s"),
                   gui_state_text((ps_state)p->state, a->lang),
                   zombie ? T(" (a zombie: not reaped yet)", " (좀비: 아직 거두지 않음)") : "");
    kernel_section(a, &y, x1, w1, pid, p);

    char t1[24], t2[24], t3[24]; /* a time not known yet: "—" */
    fit_line(a, &y2, x2, w2, T("arrival %s, first run %s, finish %s", "도착 %s, 첫 실행 %s, 종료 %s"),
             tick(p->arrival, t1, sizeof t1), tick(p->first_run, t2, sizeof t2),
             tick(p->finish, t3, sizeof t3));
    fit_line(a, &y2, x2, w2, T("CPU %lld ticks, dispatched %u times", "CPU %lld틱, 디스패치 %u번"),
                   (long long)p->cpu_time, p->switches);
    fit_line(a, &y2, x2, w2, T("time in: New %lld Ready %lld Run %lld",
                                 "머문 시간: 생성 %lld 준비 %lld 실행 %lld"),
                   (long long)p->state_time[PS_NEW], (long long)p->state_time[PS_READY],
                   (long long)p->state_time[PS_RUNNING]);
    fit_line(a, &y2, x2, w2, T("Blocked %lld R/S %lld B/S %lld", "대기 %lld 보류 준비 %lld 보류 대기 %lld"),
                   (long long)p->state_time[PS_BLOCKED],
                   (long long)p->state_time[PS_READY_SUSPENDED],
                   (long long)p->state_time[PS_BLOCKED_SUSPENDED]);
    if (p->state == PS_EXIT) {
        char end[200];
        fit_line(a, &y2, x2, w2, "%s", ending(a, p, end, sizeof end));
    } else {
        fit_line(a, &y2, x2, w2, T("exit status: %s (not exited)", "종료 상태: %s (아직 안 끝남)"),
                 GUI_PCB_NONE);
    }
    fds(a, &y2, x2, r, pid);
}

#undef T

/* ---- the zombie --------------------------------------------------------- */

void gui_trace_zombie(gui_app *a, gui_point at, uint32_t pid)
{
    float r = a->L.token_r, sc = a->L.scale;
    gui_disc(a->ren, at, r, gui_token_color(pid)); /* its colour as a ring round a grey body */
    gui_disc(a->ren, at, r - 2.5f * sc, col(GUI_ZOMBIE_BODY));
    char id[16];
    snprintf(id, sizeof id, "%u", pid);
    gui_text_draw_centered(a->text, id, GUI_SMALL, col(GUI_ZOMBIE_TEXT), (int)at.x, (int)at.y);
}
