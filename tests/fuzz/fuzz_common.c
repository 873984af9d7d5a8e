/* fuzz_common.c — the null sink and the checked engine run of fuzz.h. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

static void drop(void *ctx, const char *s, size_t n)
{
    (void)ctx, (void)s, (void)n;
}

ps_out fuzz_null_out(void)
{
    return (ps_out){drop, NULL};
}

static void broken(const char *what)
{
    fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    abort();
}

/* Every transition the engine announces is a row of the legal table. */
static void heard(void *ctx, const ps_trace_event *ev)
{
    (void)ctx;
    if (ps_transition_classify((ps_state)ev->from, (ps_state)ev->to, (ps_event)ev->event) ==
        PS_TR_ILLEGAL)
        broken("an illegal transition was announced");
}

/* One process per CPU, and each Running process on exactly one. */
static void one_per_cpu(const ps_engine *e)
{
    uint32_t running = 0, busy = 0;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        running += p->created && p->state == PS_RUNNING;
    }
    for (uint32_t c = 0; c < ps_engine_ncpus(e); c++) {
        uint32_t pid = ps_engine_cpu(e, c)->pid;
        if (!pid)
            continue;
        busy++;
        for (uint32_t d = 0; d < c; d++)
            if (ps_engine_cpu(e, d)->pid == pid)
                broken("a process runs on two cpus");
    }
    if (busy != running)
        broken("the busy cpus are not the Running processes");
}

void fuzz_run_checked(ps_engine *e)
{
    char why[512];
    ps_engine_set_listener(e, heard, NULL);
    ps_engine_set_instant_limit(e, FUZZ_MAX_INSTANTS);
    uint32_t n = ps_engine_nprocs(e);
    int each = n <= FUZZ_CHECK_EVERY_STEP_PROCS;
    uint32_t steps = n > FUZZ_MAX_WORK / FUZZ_MAX_STEPS ? FUZZ_MAX_WORK / n : FUZZ_MAX_STEPS;
    ps_step_status st = PS_STEP_OK;
    for (uint32_t i = 0; i < steps && st == PS_STEP_OK; i++) {
        st = ps_engine_step(e);
        if (st == PS_STEP_NOMEM)
            return;
        if (each || st != PS_STEP_OK || i + 1 == steps) {
            if (ps_engine_check(e, why, sizeof why))
                broken(why);
            one_per_cpu(e);
        }
    }
    if (st == PS_STEP_STUCK)
        ps_engine_stuck(e, PS_LANG_EN, why, sizeof why);
    else if (st == PS_STEP_RUNAWAY)
        ps_engine_runaway_text(e, PS_LANG_KO, why, sizeof why);
}
