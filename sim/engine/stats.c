/* stats.c — per-process and whole-run statistics from the PCBs. */
#include "procsim/stats.h"

static int64_t in_state(const ps_engine *e, const ps_pcb *p, ps_state s)
{
    int64_t t = p->state_time[s];
    if (p->state == s)
        t += ps_engine_now(e) - p->state_since;
    return t;
}

void ps_stats_proc(const ps_engine *e, uint32_t pid, ps_proc_stats *o)
{
    const ps_pcb *p = ps_engine_pcb(e, pid);
    *o = (ps_proc_stats){
        .pid = pid, .name = p->name, .created = p->created,
        .arrival = p->arrival, .first_run = p->first_run, .finish = p->finish,
        .turnaround = p->finish >= 0 ? p->finish - p->arrival : -1,
        .waiting = in_state(e, p, PS_READY),
        .response = p->first_run >= 0 ? p->first_run - p->arrival : -1,
        .cpu = p->cpu_time,
        .blocked = in_state(e, p, PS_BLOCKED),
        .suspended = in_state(e, p, PS_READY_SUSPENDED) +
                     in_state(e, p, PS_BLOCKED_SUSPENDED),
        .new_time = in_state(e, p, PS_NEW),
        .ready_suspended = in_state(e, p, PS_READY_SUSPENDED),
        .blocked_suspended = in_state(e, p, PS_BLOCKED_SUSPENDED),
        .switches = p->switches, .swaps = p->swaps,
        .exit_code = p->exit_code, .term_signal = p->term_signal,
        .acc = ps_engine_regs(e, pid).acc,
    };
}

void ps_stats_summary(const ps_engine *e, ps_summary *o)
{
    uint32_t n = ps_engine_nprocs(e);
    int observed = ps_engine_observed(e);
    *o = (ps_summary){.processes = observed ? 0 : n, .end = ps_engine_now(e),
                      .transitions = ps_engine_transitions(e)};
    double tat = 0, wait = 0, resp = 0;
    uint32_t responded = 0;
    for (uint32_t pid = 1; pid <= n; pid++) {
        ps_proc_stats s;
        ps_stats_proc(e, pid, &s);
        o->processes += observed && s.created; /* its slots, not all in use */
        if (s.finish < 0)
            continue;
        o->finished++;
        tat += (double)s.turnaround;
        wait += (double)s.waiting;
        if (s.response >= 0) {
            resp += (double)s.response;
            responded++;
        }
    }
    if (o->finished) {
        o->avg_turnaround = tat / o->finished;
        o->avg_waiting = wait / o->finished;
        o->avg_response = responded ? resp / responded : 0;
    }
    int64_t busy = 0;
    for (uint32_t c = 0; c < ps_engine_ncpus(e); c++)
        busy += ps_engine_cpu(e, c)->busy;
    if (o->end > 0) {
        o->cpu_utilisation = (double)busy / ((double)o->end * ps_engine_ncpus(e));
        o->throughput = (double)o->finished / (double)o->end;
    }
}
