/* lab_policy.c — answers about the scheduling policy (lab.h,
 * docs/labs/README.md): a process's response ratio just after a tick, as
 * HRRN ranks it (answered at its moment of the run, like the shared
 * objects: lab_shared.c's table has its row), and the same workload run
 * under each policy a question lists, to compare their averages (best,
 * gap). */
#include "lab_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "procsim/stats.h"

#define PO_UNDER "under %s: %s = %s (%s)", "%s에서: %s = %s (%s)"

static int ko(const ps_lab_key *k)
{
    return k->lang == PS_LANG_KO;
}

static const char *pname(const ps_lab_key *k, uint32_t pid)
{
    return k->s->procs[pid - 1].name;
}

/* The dispatch of pid at tick t that the policy explains by a response
 * ratio: its index in the trace, or -1. */
static long ratio_dispatch(const ps_lab_key *k, uint32_t pid, int64_t t)
{
    for (size_t i = k->ntrace; i-- > 0 && k->trace[i].time >= t;)
        if (k->trace[i].time == t && k->trace[i].pid == pid && k->trace[i].to == PS_RUNNING &&
            k->trace[i].has_why && k->trace[i].why == PS_CAUSE_WHY_RATIO)
            return (long)i;
    return -1;
}

static void set_ratio(ps_lab_answer *a, int64_t milli)
{
    a->type = PS_LAB_NUMBER;
    a->number = (double)milli / 1000.0;
    snprintf(a->text, sizeof a->text, "%.2f", a->number);
}

void ps__lab_ratio(const ps_lab_key *k, const ps__lab_ops *o, const ps_question *q,
                   ps_lab_answer *a)
{
    (void)o;
    uint32_t pid = q->obj + 1;
    long at, chosen = ratio_dispatch(k, pid, q->tick);
    ps_state st = ps__lab_state_at(k, pid, q->tick, &at);
    const ps_pcb *p = ps_engine_pcb(k->e, pid);
    int64_t r = st == PS_READY ? ps_engine_response_ratio(k->e, pid) : -1;
    if (st == PS_READY && r >= 0) {
        set_ratio(a, r);
        snprintf(a->detail, sizeof a->detail,
                 ko(k) ? "w = %lld: %s은(는) %lld틱부터 준비 상태" : "w = %lld: %s Ready since tick %lld",
                 (long long)(q->tick - p->state_since), pname(k, pid),
                 (long long)p->state_since);
        ps__lab_why(a, (size_t)at);
    } else if (chosen >= 0) { /* dispatched at the tick: the ratio it was chosen by */
        long ready;
        ps__lab_state_upto(k, pid, (size_t)chosen, &ready);
        int64_t since = ready >= 0 ? k->trace[ready].time : q->tick;
        set_ratio(a, k->trace[chosen].wa);
        snprintf(a->detail, sizeof a->detail,
                 ko(k) ? "w = %lld: %s은(는) %lld틱부터 준비 상태, %lld틱에 이 비율로 선택되어 실행"
                       : "w = %lld: %s Ready since tick %lld, dispatched at tick %lld by this "
                         "ratio",
                 (long long)(q->tick - since), pname(k, pid), (long long)since,
                 (long long)q->tick);
        if (ready >= 0)
            ps__lab_why(a, (size_t)ready);
        ps__lab_why(a, (size_t)chosen);
    } else if (st == PS_READY) { /* a burst of 0: it leaves the CPU at once */
        a->type = PS_LAB_NUMBER;
        a->number = -1;
        snprintf(a->text, sizeof a->text, "none");
        snprintf(a->detail, sizeof a->detail,
                 ko(k) ? "%s의 다음 CPU 버스트가 0틱이라 비율에 한이 없음"
                       : "%s's next CPU burst is 0 ticks: its ratio has no bound",
                 pname(k, pid));
        ps__lab_why(a, (size_t)at);
    } else {
        a->type = PS_LAB_NUMBER;
        a->number = -1;
        snprintf(a->text, sizeof a->text, "none");
        if (st == PS_NONE)
            snprintf(a->detail, sizeof a->detail,
                     ko(k) ? "%s은(는) %lld틱에 아직 없음; 준비 상태의 프로세스만 응답 비율이 있음"
                           : "%s does not exist yet at tick %lld; only a Ready process has a "
                             "response ratio",
                     pname(k, pid), (long long)q->tick);
        else
            snprintf(a->detail, sizeof a->detail,
                     ko(k) ? "%1$lld틱 직후 %3$s은(는) %2$s 상태; 준비 상태의 프로세스만 응답 "
                             "비율이 있음"
                           : "%3$s is %2$s just after tick %1$lld; only a Ready process has a "
                             "response ratio",
                     (long long)q->tick, ps_state_name_in(st, (ps_lang)k->lang), pname(k, pid));
        if (at >= 0)
            ps__lab_why(a, (size_t)at);
    }
}

/* ---- the policies compared ----------------------------------------------- */

/* One listed policy's run of the workload. */
typedef struct outcome {
    double average;      /* the question's average */
    char values[160];    /* the values averaged: "P1 0, P2 7" */
    char sum[320];       /* how: "(0 + 7) / 2 = 3.50" */
    uint32_t finished, processes;
    ps_step_status status;
} outcome;

/* Runs the key's scenario under policy p to the end.  The scenario is
 * copied as a struct: ps_scenario_set_policy changes only the scenario's
 * own fields (the policy, the quantum, the levels' and bands' quanta),
 * never the arrays they share with the lab's scenario.  -1 when out of
 * memory. */
static int run_under(const ps_lab_key *k, const ps_ask_policy *p, ps_average what, outcome *out)
{
    ps_scenario copy = *k->s;
    ps_error err;
    if (ps_scenario_set_policy(&copy, (ps_policy)p->policy, p->quantum, &err))
        return -1; /* cannot happen: the loader checked the list */
    ps_engine *e = ps_engine_create(&copy);
    if (!e)
        return -1;
    out->status = ps_engine_run(e, -1);
    ps_summary sum;
    ps_stats_summary(e, &sum);
    out->finished = sum.finished;
    out->processes = sum.processes;
    out->average = ps__lab_average(e, what, out->values, sizeof out->values);
    ps__lab_average_sum(k, e, what, out->sum, sizeof out->sum);
    ps_engine_destroy(e);
    return out->status == PS_STEP_NOMEM ? -1 : 0;
}

/* "P under rr:4 only 3 of 4 finish", after the averages, when so. */
static void unfinished(const ps_lab_key *k, const ps_ask_policy *p, const outcome *r,
                       ps_lab_answer *a)
{
    if (r->finished == r->processes)
        return;
    size_t n = strlen(a->detail);
    snprintf(a->detail + n, sizeof a->detail - n,
             ko(k) ? "; %s에서는 %u개 가운데 %u개만 끝남" : "; under %s only %u of %u finish",
             p->label, r->processes, r->finished);
}

int ps__lab_compare(const ps_lab_key *k, const ps_question *q, ps_lab_answer *a)
{
    outcome r[PS_ASK_MAX_POLICIES];
    memset(r, 0, sizeof r); /* the loader gives 2 or more; the compiler cannot know */
    ps_average what = (ps_average)q->what;
    const char *metric = ps__lab_average_name(k, what);
    for (uint32_t i = 0; i < q->npolicies; i++)
        if (run_under(k, &q->policies[i], what, &r[i]))
            return -1;
    a->type = q->kind == PS_ASK_BEST ? PS_LAB_SET : PS_LAB_NUMBER;
    if (q->kind == PS_ASK_GAP) { /* the first's average minus the second's */
        a->number = r[0].average - r[1].average;
        snprintf(a->text, sizeof a->text, "%.2f", a->number);
        snprintf(a->detail, sizeof a->detail, "%s:", metric);
        for (int i = 0; i < 2; i++) {
            char item[sizeof r[i].values + 96];
            snprintf(item, sizeof item, "%s%s %.2f (%s)", i ? "- " : "", q->policies[i].label,
                     r[i].average, r[i].values);
            ps__lab_append(a->detail, sizeof a->detail, item, " ");
        }
    } else { /* the lowest; every policy that ties for it */
        double low = r[0].average;
        for (uint32_t i = 1; i < q->npolicies; i++)
            low = fmin(low, r[i].average);
        snprintf(a->detail, sizeof a->detail, "%s:", metric);
        for (uint32_t i = 0; i < q->npolicies; i++) {
            char item[96];
            if (fabs(r[i].average - low) < 1e-9)
                ps__lab_append(a->text, sizeof a->text, q->policies[i].label, " ");
            snprintf(item, sizeof item, "%s %.2f", q->policies[i].label, r[i].average);
            ps__lab_append(a->detail, sizeof a->detail, item, i ? ", " : " ");
        }
        if (strchr(a->text, ' '))
            ps__lab_append(a->detail, sizeof a->detail, ko(k) ? "(동률)" : "(a tie)", " ");
    }
    for (uint32_t i = 0; i < q->npolicies; i++) {
        unfinished(k, &q->policies[i], &r[i], a);
        /* under each policy: its values and their average */
        ps__lab_why_text(a, PS__LAB_W(k, PO_UNDER), q->policies[i].label, metric, r[i].sum,
                         r[i].values);
    }
    return 0;
}
