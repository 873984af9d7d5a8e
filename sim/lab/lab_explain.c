/* lab_explain.c — how a time statistic is made up, as reasons of its
 * answer (lab_internal.h): a waiting time is every stay in Ready and their
 * sum, a CPU time every stay in Running less its switch cost, a finish or
 * turnaround every transition from arrival to exit and the time in each
 * state, a response the transitions up to the first dispatch, switches
 * every dispatch, swaps every swap; an average, each process's value so.
 * The sums are worked from the trace, independently of the statistics
 * (stats.c, from the PCBs), so a test can hold one to the other. */
#include "lab_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/stats.h"

#define EX_WAITING "%s waiting = %s %s = %lld %s", "%s 대기 시간 = %s %s = %lld%s"
#define EX_WAITING_NONE "%s waiting = 0 ticks: never in %s for a whole tick", \
                        "%s 대기 시간 = 0틱: %s 상태에 한 틱도 머물지 않음"
#define EX_CPU "%s cpu = %s %s = %lld %s of useful work", "%s CPU 시간 = %s %s = 실제로 일한 %lld%s"
#define EX_CPU_SWITCHING "%s was Running %lld %s, %lld of them switching (switch_cost)", \
                         "%s: 실행 상태 %lld%s 가운데 %lld틱은 문맥 교환"
#define EX_CPU_RENEWED "%s: less %lld %s of switch cost at quanta renewed without a dispatch " \
                       "(count_self_switch): %lld", \
                       "%s: 디스패치 없이 다시 받은 퀀텀의 문맥 교환 %lld%s을 빼면 %lld"
#define EX_RESPONSE "%s response = first dispatch %lld - arrival %lld = %lld %s", \
                    "%s 응답 시간 = 첫 디스패치 %lld - 도착 %lld = %lld%s"
#define EX_NEVER_RAN "%s never ran: no response time", "%s: 한 번도 실행되지 않아 응답 시간 없음"
#define EX_TURNAROUND "%s turnaround = finish %lld - arrival %lld = %lld %s: %s", \
                      "%s 반환 시간 = 종료 %lld - 도착 %lld = %lld%s: %s"
#define EX_FINISH "%s finishes at tick %lld = arrival %lld + %s", "%s 종료 %lld틱 = 도착 %lld + %s"
#define EX_UNFINISHED "%s has not finished when the run ends at tick %lld", \
                      "%s: 실행이 끝나는 %lld틱까지 끝나지 않음"
#define EX_SWITCHES "%s switches = %lld %s%s%s = %lld", "%s 문맥 교환 = 디스패치 %lld%s%s%s = %lld"
#define EX_DISPATCH "dispatch", "번"
#define EX_DISPATCHES "dispatches", "번"
#define EX_FREE_FIRST " - %lld free first dispatch on a CPU (switch_cost_first: false)", \
                      " - 문맥 교환이 아닌 CPU의 첫 디스패치 %lld번"
#define EX_RENEWED " + %lld quanta renewed without a dispatch (count_self_switch)", \
                   " + 디스패치 없이 다시 받은 퀀텀 %lld번"
#define EX_SWAPS "%s swaps = %lld out + %lld in = %lld", "%s 스왑 = 스왑 아웃 %lld + 스왑 인 %lld = %lld"
#define EX_LEFT_OUT "%s has not finished: left out of the average", \
                    "%s: 끝나지 않아 평균에서 빠짐"
#define EX_LEFT_OUT_RESPONSE "%s never ran: left out of the average response", \
                             "%s: 한 번도 실행되지 않아 평균 응답 시간에서 빠짐"
#define EX_AVERAGE "(%s) / %u = %.2f", "(%s) / %u = %.2f"
#define EX_AVERAGE_NONE "no process finished: 0.00", "끝난 프로세스 없음: 0.00"
#define EX_AVERAGE_LINE "%s = %s", "%s = %s"
#define EX_AVG_TURNAROUND "average turnaround", "평균 반환 시간"
#define EX_AVG_WAITING "average waiting", "평균 대기 시간"
#define EX_AVG_RESPONSE "average response", "평균 응답 시간"

static const char *pname(const ps_lab_key *k, uint32_t pid)
{
    return k->s->procs[pid - 1].name;
}

static const char *state_name(const ps_lab_key *k, ps_state s)
{
    return ps_state_name_in(s, (ps_lang)k->lang);
}

/* The ticks of switch cost a stay that transition `in` began pays: a
 * dispatch's (its cause's second argument). */
static int64_t switch_cost(const ps_trace_event *in)
{
    return in->to == PS_RUNNING && in->event == PS_EV_DISPATCH && in->cause == PS_CAUSE_PICKED
               ? in->b : 0;
}

/* What pid's stays add up to. */
typedef struct stays {
    ps__lab_sum sum;     /* the stays in the state asked for (Running: useful ticks) */
    int64_t in_state[PS_STATE_COUNT]; /* ticks in each state, from creation */
    int64_t running, switching; /* Running: all its ticks; those switching */
    long created, exited, first_run; /* trace lines, -1: none */
} stays;

/* Walks pid's transitions: each stay of at least a tick in state s is
 * summed (and kept as a reason of a, unless a is NULL); a stay not ended
 * by the end of the run lasts to now. */
static void walk(const ps_lab_key *k, uint32_t pid, ps_state s, ps_lab_answer *a, stays *out)
{
    memset(out, 0, sizeof *out);
    out->created = out->exited = out->first_run = -1;
    long in = -1;
    for (size_t i = 0; i <= k->ntrace; i++) {
        const ps_trace_event *ev = i < k->ntrace ? &k->trace[i] : NULL;
        if (ev && ev->pid != pid)
            continue;
        if (in >= 0 && k->trace[in].to != PS_EXIT) {
            const ps_trace_event *from = &k->trace[in];
            int64_t until = ev ? ev->time : ps_engine_now(k->e), n = until - from->time;
            int64_t cost = switch_cost(from), paid = cost < n ? cost : n;
            out->in_state[from->to] += n;
            if (from->to == PS_RUNNING) {
                out->running += n;
                out->switching += paid;
            }
            if (from->to == s && n > 0) {
                ps__lab_sum_add(&out->sum, s == PS_RUNNING ? n - paid : n);
                if (a)
                    ps__lab_why_span(a, (size_t)in, ev ? (uint32_t)i : PS__WHY_OPEN, until,
                                     s == PS_RUNNING ? paid : 0);
            }
        }
        if (!ev)
            break;
        if (ev->from == PS_NONE && out->created < 0)
            out->created = (long)i;
        if (ev->to == PS_RUNNING && out->first_run < 0)
            out->first_run = (long)i;
        if (ev->to == PS_EXIT)
            out->exited = (long)i;
        in = (long)i;
    }
}

/* "Ready 8 + Running 8": the time in each state, from creation on. */
static char *breakdown(const ps_lab_key *k, const stays *st, char *buf, size_t size)
{
    buf[0] = 0;
    for (int s = 0; s < PS_STATE_COUNT; s++)
        if (st->in_state[s]) {
            char item[64];
            snprintf(item, sizeof item, "%s %lld", state_name(k, (ps_state)s),
                     (long long)st->in_state[s]);
            ps__lab_append(buf, size, item, " + ");
        }
    if (!buf[0])
        snprintf(buf, size, "0");
    return buf;
}

/* The sum line of waiting, turnaround or response of pid (from walk). */
static void waiting_line(const ps_lab_key *k, uint32_t pid, const stays *st, ps_lab_answer *a)
{
    char terms[256];
    if (!st->sum.n)
        ps__lab_why_text(a, PS__LAB_W(k, EX_WAITING_NONE), pname(k, pid),
                         state_name(k, PS_READY));
    else
        ps__lab_why_text(a, PS__LAB_W(k, EX_WAITING), pname(k, pid), state_name(k, PS_READY),
                         ps__lab_sum_text(k, &st->sum, terms, sizeof terms),
                         (long long)st->sum.total, ps__lab_ticks(k, st->sum.total));
}

static void turnaround_line(const ps_lab_key *k, uint32_t pid, const stays *st, ps_lab_answer *a)
{
    char parts[256];
    if (st->exited < 0 || st->created < 0) {
        ps__lab_why_text(a, PS__LAB_W(k, EX_UNFINISHED), pname(k, pid),
                         (long long)ps_engine_now(k->e));
        return;
    }
    int64_t from = k->trace[st->created].time, to = k->trace[st->exited].time;
    ps__lab_why_text(a, PS__LAB_W(k, EX_TURNAROUND), pname(k, pid), (long long)to,
                     (long long)from, (long long)(to - from), ps__lab_ticks(k, to - from),
                     breakdown(k, st, parts, sizeof parts));
}

static void response_line(const ps_lab_key *k, uint32_t pid, const stays *st, ps_lab_answer *a)
{
    if (st->first_run < 0 || st->created < 0) {
        ps__lab_why_text(a, PS__LAB_W(k, EX_NEVER_RAN), pname(k, pid));
        return;
    }
    int64_t from = k->trace[st->created].time, to = k->trace[st->first_run].time;
    ps__lab_why_text(a, PS__LAB_W(k, EX_RESPONSE), pname(k, pid), (long long)to,
                     (long long)from, (long long)(to - from), ps__lab_ticks(k, to - from));
}

/* Every transition of pid, up to trace line `last` (-1: all). */
static void transitions(const ps_lab_key *k, uint32_t pid, long last, ps_lab_answer *a)
{
    for (size_t i = 0; i < k->ntrace && (last < 0 || i <= (size_t)last); i++)
        if (k->trace[i].pid == pid)
            ps__lab_why(a, i);
}

static void explain_cpu(const ps_lab_key *k, uint32_t pid, int64_t value, ps_lab_answer *a)
{
    stays st;
    char terms[256];
    walk(k, pid, PS_RUNNING, a, &st);
    if (st.switching)
        ps__lab_why_text(a, PS__LAB_W(k, EX_CPU_SWITCHING), pname(k, pid),
                         (long long)st.running, ps__lab_ticks(k, st.running),
                         (long long)st.switching);
    ps__lab_why_text(a, PS__LAB_W(k, EX_CPU), pname(k, pid), state_name(k, PS_RUNNING),
                     ps__lab_sum_text(k, &st.sum, terms, sizeof terms),
                     (long long)st.sum.total, ps__lab_ticks(k, st.sum.total));
    if (st.sum.total > value) /* [CS-self]: a cost no transition shows */
        ps__lab_why_text(a, PS__LAB_W(k, EX_CPU_RENEWED), pname(k, pid),
                         (long long)(st.sum.total - value),
                         ps__lab_ticks(k, st.sum.total - value), (long long)value);
}

static void explain_switches(const ps_lab_key *k, uint32_t pid, int64_t value, ps_lab_answer *a)
{
    int64_t dispatches = 0, free_first = 0;
    uint32_t ncpus = ps_engine_ncpus(k->e);
    uint8_t *used = calloc(ncpus + 1, 1); /* per CPU: has had a dispatch */
    if (!used) {
        a->why_nomem = 1;
        return;
    }
    for (size_t i = 0; i < k->ntrace; i++) {
        const ps_trace_event *ev = &k->trace[i];
        if (ev->to != PS_RUNNING)
            continue;
        int first = 0; /* a CPU's first dispatch is free with switch_cost_first false [CS-first] */
        if (ev->cause == PS_CAUSE_PICKED && ev->a >= 0 && ev->a < (int64_t)ncpus) {
            first = !used[ev->a];
            used[ev->a] = 1;
        }
        if (ev->pid == pid) {
            ps__lab_why(a, i);
            dispatches++;
            free_first += first && !k->s->switch_cost_first;
        }
    }
    free(used);
    char less[160] = "", more[160] = "";
    if (free_first)
        snprintf(less, sizeof less, PS__LAB_W(k, EX_FREE_FIRST), (long long)free_first);
    if (value > dispatches - free_first) /* [CS-self]: switches no transition shows */
        snprintf(more, sizeof more, PS__LAB_W(k, EX_RENEWED),
                 (long long)(value - (dispatches - free_first)));
    ps__lab_why_text(a, PS__LAB_W(k, EX_SWITCHES), pname(k, pid), (long long)dispatches,
                     dispatches == 1 ? PS__LAB_W(k, EX_DISPATCH) : PS__LAB_W(k, EX_DISPATCHES),
                     less, more, (long long)value);
}

static void explain_swaps(const ps_lab_key *k, uint32_t pid, ps_lab_answer *a)
{
    int64_t out = 0, in = 0;
    for (size_t i = 0; i < k->ntrace; i++) {
        const ps_trace_event *ev = &k->trace[i];
        if (ev->pid == pid && ev->from != PS_NONE && ev->from != PS_NEW && ev->to != PS_EXIT &&
            ps_state_resident((ps_state)ev->from) != ps_state_resident((ps_state)ev->to)) {
            ps__lab_why(a, i);
            if (ps_state_resident((ps_state)ev->from))
                out++;
            else
                in++;
        }
    }
    ps__lab_why_text(a, PS__LAB_W(k, EX_SWAPS), pname(k, pid), (long long)out, (long long)in,
                     (long long)(out + in));
}

void ps__lab_explain_stat(const ps_lab_key *k, ps_ask kind, uint32_t pid, int64_t value,
                          ps_lab_answer *a)
{
    stays st;
    char parts[256];
    /* ifs, not a switch: the other kinds of question are not these */
    if (kind == PS_ASK_WAITING) {
        walk(k, pid, PS_READY, a, &st);
        waiting_line(k, pid, &st, a);
    } else if (kind == PS_ASK_CPU) {
        explain_cpu(k, pid, value, a);
    } else if (kind == PS_ASK_SWITCHES) {
        explain_switches(k, pid, value, a);
    } else if (kind == PS_ASK_SWAPS) {
        explain_swaps(k, pid, a);
    } else if (kind == PS_ASK_RESPONSE) {
        walk(k, pid, PS_NONE, NULL, &st);
        transitions(k, pid, st.first_run >= 0 ? st.first_run : -1, a);
        response_line(k, pid, &st, a);
    } else if (kind == PS_ASK_TURNAROUND) {
        walk(k, pid, PS_NONE, NULL, &st);
        transitions(k, pid, -1, a);
        turnaround_line(k, pid, &st, a);
    } else if (kind == PS_ASK_FINISH) {
        walk(k, pid, PS_NONE, NULL, &st);
        transitions(k, pid, -1, a);
        if (st.exited < 0 || st.created < 0)
            ps__lab_why_text(a, PS__LAB_W(k, EX_UNFINISHED), pname(k, pid),
                             (long long)ps_engine_now(k->e));
        else
            ps__lab_why_text(a, PS__LAB_W(k, EX_FINISH), pname(k, pid),
                             (long long)k->trace[st.exited].time,
                             (long long)k->trace[st.created].time,
                             breakdown(k, &st, parts, sizeof parts));
    }
}

const char *ps__lab_average_name(const ps_lab_key *k, ps_average what)
{
    return what == PS_AVG_TURNAROUND ? PS__LAB_W(k, EX_AVG_TURNAROUND)
         : what == PS_AVG_WAITING ? PS__LAB_W(k, EX_AVG_WAITING)
                                  : PS__LAB_W(k, EX_AVG_RESPONSE);
}

char *ps__lab_average_sum(const ps_lab_key *k, const ps_engine *e, ps_average what, char *buf,
                          size_t size)
{
    ps__lab_sum sum;
    char terms[256];
    memset(&sum, 0, sizeof sum);
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) { /* as ps__lab_average */
        ps_proc_stats st;
        ps_stats_proc(e, pid, &st);
        int64_t x = what == PS_AVG_TURNAROUND ? st.turnaround
                  : what == PS_AVG_WAITING ? st.waiting : st.response;
        if (st.finish >= 0 && x >= 0)
            ps__lab_sum_add(&sum, x);
    }
    if (!sum.n)
        snprintf(buf, size, "%s", PS__LAB_W(k, EX_AVERAGE_NONE));
    else
        snprintf(buf, size, PS__LAB_W(k, EX_AVERAGE), ps__lab_sum_text(k, &sum, terms, sizeof terms),
                 sum.n, (double)sum.total / sum.n);
    return buf;
}

void ps__lab_explain_average(const ps_lab_key *k, ps_average what, ps_lab_answer *a)
{
    for (uint32_t pid = 1; pid <= k->s->nprocs; pid++) {
        stays st;
        walk(k, pid, PS_READY, NULL, &st);
        if (st.exited < 0) {
            if (st.created >= 0) /* never created: nothing to leave out */
                ps__lab_why_text(a, PS__LAB_W(k, EX_LEFT_OUT), pname(k, pid));
        } else if (what == PS_AVG_WAITING) {
            waiting_line(k, pid, &st, a);
        } else if (what == PS_AVG_TURNAROUND) {
            turnaround_line(k, pid, &st, a);
        } else if (st.first_run < 0) {
            ps__lab_why_text(a, PS__LAB_W(k, EX_LEFT_OUT_RESPONSE), pname(k, pid));
        } else {
            response_line(k, pid, &st, a);
        }
    }
    char avg[512];
    ps__lab_why_text(a, PS__LAB_W(k, EX_AVERAGE_LINE), ps__lab_average_name(k, what),
                     ps__lab_average_sum(k, k->e, what, avg, sizeof avg));
}
