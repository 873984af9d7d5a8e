/* pcb_sched.c — see pcb_sched.h. */
#include "pcb_sched.h"

#include <inttypes.h>
#include <stdio.h>

#include "procsim/cause.h"

#define T(en, ko) (lang == GUI_KO ? (ko) : (en))

typedef int line_fn(const ps_engine *e, const ps_pcb *p, gui_lang lang, char *out, size_t size);

/* The priority, or under mlfq the level with its quantum (and OSTEP's
 * allotment: Stallings' feedback has none). */
static int priority_line(const ps_engine *e, const ps_pcb *p, gui_lang lang, char *out, size_t size)
{
    const ps_scenario *s = ps_engine_scenario(e);
    if (!(ps_policy_uses(s->policy) & PS_USES_MLFQ))
        snprintf(out, size, T("priority: base %d, now %d", "우선순위: 기본 %d, 현재 %d"),
                 p->base_priority, p->priority);
    else if (s->mlfq_style == PS_MLFQ_STYLE_STALLINGS)
        snprintf(out, size, T("level %d: quantum left %" PRId64, "단계 %d: 남은 할당 시간 %" PRId64),
                 p->priority, p->quantum_left);
    else
        snprintf(out, size, T("level %d: quantum left %" PRId64 ", allotment %" PRId64,
                              "단계 %d: 남은 할당 시간 %" PRId64 ", 남은 할당량 %" PRId64),
                 p->priority, p->quantum_left, p->allot_left);
    return 1;
}

static int estimate_line(const ps_engine *e, const ps_pcb *p, gui_lang lang, char *out, size_t size)
{
    (void)e;
    char v[32];
    if (p->estimate < 0)
        return 0; /* no burst_estimate: the real burst is known */
    snprintf(out, size, T("predicted burst τ %s", "예측한 CPU 버스트 τ %s"),
             ps_milli_format(p->estimate, v, sizeof v));
    return 1;
}

/* hrrn: the ratio the policy ranks it by now (Ready processes only). */
static int ratio_line(const ps_engine *e, const ps_pcb *p, gui_lang lang, char *out, size_t size)
{
    char v[32];
    if (ps_engine_scenario(e)->policy != PS_POLICY_HRRN)
        return 0;
    int64_t r = ps_engine_response_ratio(e, p->pid);
    if (r < 0 && (p->state != PS_READY || ps_engine_observed(e)))
        snprintf(out, size, "%s", T("response ratio - (not Ready)", "응답 비율 - (준비 상태 아님)"));
    else if (r < 0) /* Ready with a burst of 0: the ratio has no bound */
        snprintf(out, size, "%s", T("response ratio unbounded (burst 0)", "응답 비율 무한대 (버스트 0)"));
    else
        snprintf(out, size, T("response ratio %s", "응답 비율 %s"), ps_milli_format(r, v, sizeof v));
    return 1;
}

static int tickets_line(const ps_engine *e, const ps_pcb *p, gui_lang lang, char *out, size_t size)
{
    char v[32];
    if (ps_engine_scenario(e)->policy != PS_POLICY_STRIDE)
        snprintf(out, size, T("tickets %" PRId64, "티켓 %" PRId64 "장"), p->tickets);
    else
        snprintf(out, size, T("tickets %" PRId64 ", pass %s", "티켓 %" PRId64 "장, pass %s"),
                 p->tickets, ps_milli_format(p->pass, v, sizeof v));
    return 1;
}

static int cfs_line(const ps_engine *e, const ps_pcb *p, gui_lang lang, char *out, size_t size)
{
    (void)e;
    char v[32];
    snprintf(out, size, T("nice %d, vruntime %s", "nice %d, 가상 실행 시간 %s"), p->nice,
             ps_milli_format(p->vruntime, v, sizeof v));
    return 1;
}

static int band_line(const ps_engine *e, const ps_pcb *p, gui_lang lang, char *out, size_t size)
{
    const ps_scenario *s = ps_engine_scenario(e);
    if (p->queue >= s->nqueues)
        return 0;
    const ps_band *b = &s->queues[p->queue];
    if (b->policy == PS_POLICY_RR)
        snprintf(out, size, T("queue %d: rr, quantum %" PRId64, "큐 %d: rr, 타임 퀀텀 %" PRId64),
                 p->queue, b->quantum);
    else
        snprintf(out, size, T("queue %d: %s", "큐 %d: %s"), p->queue,
                 ps_policy_token((ps_policy)b->policy));
    return 1;
}

/* The lines, in order, and the policies (PS_USES_*, 0: all) that keep
 * what each shows. */
static const struct {
    unsigned uses;
    line_fn *line;
} fields[] = {
    {0, priority_line},
    {PS_USES_BURST, estimate_line},
    {PS_USES_BURST, ratio_line},
    {PS_USES_TICKETS, tickets_line},
    {PS_USES_CFS, cfs_line},
    {PS_USES_MLQ, band_line},
};

int gui_pcb_sched_lines(const ps_engine *e, uint32_t pid, gui_lang lang,
                        char lines[GUI_PCB_SCHED_LINES][GUI_PCB_LINE])
{
    const ps_pcb *p = ps_engine_pcb(e, pid);
    unsigned uses = ps_policy_uses(ps_engine_scenario(e)->policy);
    int n = 0;
    for (size_t i = 0; i < sizeof fields / sizeof *fields && n < GUI_PCB_SCHED_LINES; i++)
        if (!fields[i].uses || (uses & fields[i].uses))
            n += fields[i].line(e, p, lang, lines[n], GUI_PCB_LINE);
    return n;
}
