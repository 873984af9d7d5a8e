/* pcb_text.c — see pcb_text.h. */
#include "pcb_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "procsim/cause.h"
#include "utf8.h"

#define T(en, ko) (lang == GUI_KO ? (ko) : (en))
#define NONE GUI_PCB_NONE

typedef struct column {
    gui_pcb_line *line;
    int *n;
} column;

static void add(column c, int indent, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add(column c, int indent, const char *fmt, ...)
{
    if (*c.n >= GUI_PCB_TEXT_MAX)
        return;
    gui_pcb_line *l = &c.line[(*c.n)++];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->text, sizeof l->text, fmt, ap);
    va_end(ap);
    gui_utf8_trim(l->text);
    l->indent = (uint8_t)indent;
}

const char *gui_signal_text(int sig, gui_lang lang, char *buf, size_t size)
{
    const char *name = ps_signal_name(sig);
    if (name)
        return name;
    snprintf(buf, size, T("signal %d", "시그널 %d"), sig);
    return buf;
}

/* A tick, or "—" while it is not known (-1). */
static const char *tick(int64_t t, char *buf, size_t size)
{
    if (t < 0)
        return NONE;
    snprintf(buf, size, "%lld", (long long)t);
    return buf;
}

static const char *name_of(const ps_engine *e, int64_t pid)
{
    return pid >= 1 && pid <= ps_engine_nprocs(e) ? ps_engine_pcb(e, (uint32_t)pid)->name : NONE;
}

/* Where the memory of a process out of memory is, by state (a resident
 * one's is, PS_STATES says which): a process that does not exist (yet, or
 * any more) holds none, and only a suspended one is swapped out. */
static const char *const memory_places[PS_STATE_COUNT][2] = {
    [PS_NEW] = {"not admitted yet", "아직 승인 전"},
    [PS_READY_SUSPENDED] = {"swapped out", "스왑 아웃됨"},
    [PS_BLOCKED_SUSPENDED] = {"swapped out", "스왑 아웃됨"},
    [PS_EXIT] = {"released: exited", "종료하며 반납함"},
};

static const char *memory_place(const ps_pcb *p, gui_lang lang)
{
    if (!p->created || p->state >= PS_STATE_COUNT)
        return T("not yet created", "아직 생성되지 않음");
    if (ps_state_resident((ps_state)p->state))
        return T("resident", "적재됨");
    return memory_places[p->state][lang == GUI_KO];
}

char gui_kernel_letter(const ps_pcb *p, int live, int os_pid)
{
    return live && os_pid > 0 && p->created ? p->kstate : 0;
}

static void left_column(column c, const ps_engine *e, const ps_pcb *p, gui_lang lang, int live,
                        int os_pid)
{
    const ps_scenario *s = ps_engine_scenario(e);
    char children[GUI_PCB_LINE] = "", *k = children, *end = children + sizeof children;
    for (uint32_t ch = p->first_child; ch && k < end - 1; ch = ps_engine_pcb(e, ch)->next_sibling)
        k += snprintf(k, (size_t)(end - k), "%s%s", k == children ? "" : ", ",
                      ps_engine_pcb(e, ch)->name);
    gui_utf8_trim(children);
    add(c, 0, T("pid %u  %s  parent %s", "pid %u  %s  부모 %s"), p->pid, p->name,
        p->parent ? name_of(e, p->parent) : NONE);
    add(c, 0, T("children: %s", "자식: %s"), children[0] ? children : NONE);
    if (!p->created)
        add(c, 0, "%s", T("state: not yet created", "상태: 아직 생성되지 않음"));
    else if (gui_kernel_letter(p, live, os_pid))
        add(c, 0, T("state: %s   kernel: %c", "상태: %s   커널: %c"),
            gui_state_text((ps_state)p->state, lang), p->kstate);
    else
        add(c, 0, T("state: %s", "상태: %s"), gui_state_text((ps_state)p->state, lang));
    ps_regs regs = ps_engine_regs(e, p->pid);
    const ps_proc_spec *spec = &s->procs[p->pid - 1];
    char op[PS_NAME_MAX_BYTES + 64]; /* an op names at most one object */
    if (regs.pc < spec->op_count)
        ps_op_format(s, &s->ops[spec->op_first + regs.pc], op, sizeof op);
    else
        snprintf(op, sizeof op, "%s", T("(end of program)", "(프로그램 끝)"));
    add(c, 0, "PC %u: %s", regs.pc, op);
    add(c, 0, T("registers: cnt %u acc %lld tmp %lld", "레지스터: cnt %u acc %lld tmp %lld"),
        regs.cnt, (long long)regs.acc, (long long)regs.tmp);
    char sched[GUI_PCB_SCHED_LINES][GUI_PCB_LINE];
    for (int i = 0, n = gui_pcb_sched_lines(e, p->pid, lang, sched); i < n; i++)
        add(c, 0, "%s", sched[i]);
    add(c, 0, T("memory: %lld units, %s", "메모리: %lld 단위, %s"), (long long)p->memory,
        memory_place(p, lang));
    if (live && os_pid > 0)
        add(c, 0, T("real pid %d, RSS %lld kB", "실제 pid %d, RSS %lld kB"), os_pid,
            (long long)p->rss_kb);
    else if (live)
        add(c, 0, "%s", T("real pid: none (no real process now)", "실제 pid: 없음 (지금 실제 프로세스 없음)"));
    ps_open_file f[GUI_PCB_TEXT_MAX];
    uint32_t n = ps_engine_open_files(e, p->pid, f, GUI_PCB_TEXT_MAX);
    if (!n)
        add(c, 0, "%s", T("open files: none", "열린 파일: 없음"));
    else
        add(c, 0, T("open files (%u):", "열린 파일 (%u개):"), n);
    for (uint32_t i = 0; i < n && i < GUI_PCB_TEXT_MAX; i++) {
        char what[GUI_PCB_LINE];
        add(c, 1, "%s", ps_open_file_format(e, &f[i], gui_ps_lang(lang), what, sizeof what));
    }
}

static void right_column(column c, const ps_engine *e, const ps_pcb *p, gui_lang lang)
{
    char t1[24], t2[24], t3[24];
    add(c, 0, T("arrival %s, first run %s, finish %s", "도착 %s, 첫 실행 %s, 종료 %s"),
        tick(p->arrival, t1, sizeof t1), tick(p->first_run, t2, sizeof t2),
        tick(p->finish, t3, sizeof t3));
    add(c, 0, T("CPU %lld, switches %u, swaps %u", "CPU %lld, 문맥 교환 %u, 스왑 %u"),
        (long long)p->cpu_time, p->switches, p->swaps);
    add(c, 0, T("time in: New %lld Ready %lld Run %lld", "머문 시간: 생성 %lld 준비 %lld 실행 %lld"),
        (long long)p->state_time[PS_NEW], (long long)p->state_time[PS_READY],
        (long long)p->state_time[PS_RUNNING]);
    add(c, 0, T("Blocked %lld R/S %lld B/S %lld", "대기 %lld 보류 준비 %lld 보류 대기 %lld"),
        (long long)p->state_time[PS_BLOCKED], (long long)p->state_time[PS_READY_SUSPENDED],
        (long long)p->state_time[PS_BLOCKED_SUSPENDED]);
    if (p->created && p->wait_kind) {
        char what[GUI_PCB_LINE];
        add(c, 0, "%s", ps_wait_format(e, p, gui_ps_lang(lang), what, sizeof what));
    }
    add(c, 0, T("locks held %u", "잡은 락 %u개"), p->locks_held);
    char sig[32];
    if (!p->created)
        add(c, 0, T("exit code: %s (not yet created)", "종료 코드: %s (아직 생성되지 않음)"), NONE);
    else if (p->state == PS_EXIT && p->term_signal) /* -15: Python's exitcode */
        add(c, 0, T("exit code %d (killed by %s)", "종료 코드 %d (%s 시그널로 종료됨)"), p->exit_code,
            gui_signal_text(p->term_signal, lang, sig, sizeof sig));
    else if (p->state == PS_EXIT)
        add(c, 0, T("exit code %d", "종료 코드 %d"), p->exit_code);
    else
        add(c, 0, T("exit code: %s (not exited)", "종료 코드: %s (아직 안 끝남)"), NONE);
    add(c, 0, T("last signal: %s", "마지막 시그널: %s"),
        p->last_signal ? gui_signal_text(p->last_signal, lang, sig, sizeof sig) : NONE);
}

void gui_pcb_text_make(gui_pcb_text *t, const ps_engine *e, uint32_t pid, gui_lang lang,
                       int live, int os_pid)
{
    t->nleft = t->nright = 0;
    const ps_pcb *p = ps_engine_pcb(e, pid);
    left_column((column){t->left, &t->nleft}, e, p, lang, live, os_pid);
    right_column((column){t->right, &t->nright}, e, p, lang);
}
