/* policy_lottery.c — lottery scheduling (OSTEP chapter 9; docs/engine.md,
 * "Lottery and stride", rules LOT1-LOT5), drawing exactly as OSTEP's
 * homework lottery.py draws, so that `procsim ostep lottery` runs on it.
 *
 * A decision is made for one CPU among its candidates: the Ready processes
 * (not already won by another CPU in this instant) and, when it is the end
 * of a quantum, the process whose quantum ended.  It costs one draw, r =
 * int(random() * 1000001) from Python's random seeded by system.seed; the
 * winning ticket is r % T, T the candidates' tickets, and the winner the
 * candidate, in pid order, at which the running sum of tickets first
 * passes it.
 *
 * Idle CPUs decide first (the act hook, CPU 0 first), quantum ends after
 * (the expire hook, when the scheduler settles them): so when a quantum
 * ends, the processes it competes with are those no idle CPU took, and a
 * loser always leaves its CPU to the winner, which the CPU keeps for it
 * (`won`) until the next round dispatches it.
 */
#include "policy.h"

#define LOTTERY_RANGE 1000001.0 /* lottery.py: int(random() * 1000001) */

static int64_t tickets(const ps_pcb *p)
{
    return p->tickets > 0 ? p->tickets : 0; /* below 1: only a builder makes them */
}

/* Is `p` a candidate of a decision for CPU c (self: the process whose
 * quantum ended there, 0 for none)? */
static int candidate(const ps_engine *e, uint32_t c, const ps_pcb *p, uint32_t self)
{
    if (p->pid == self)
        return 1;
    if (p->state != PS_READY)
        return 0;
    for (uint32_t k = 0; k < e->ncpu; k++)
        if (k != c && !e->cpu[k].pub.pid && e->cpu[k].lottery.won == p->pid)
            return 0;
    return 1;
}

/* One decision for CPU c: the winner, 0 when there is no candidate, with
 * its ticket (-1: no draw was made) and the candidates' tickets. */
static uint32_t decide(ps_engine *e, uint32_t c, uint32_t self, int64_t *ticket,
                       int64_t *total)
{
    uint32_t first = 0;
    *ticket = -1;
    *total = 0;
    for (uint32_t pid = 1; pid <= e->n; pid++) {
        const ps_pcb *p = &e->pcb[pid - 1];
        if (!candidate(e, c, p, self))
            continue;
        if (!first)
            first = pid;
        *total += tickets(p);
    }
    if (!first || *total == 0) /* [LOT5] tickets that sum to 0: no draw */
        return first;
    ps_lottery_draw *d = &e->pol.lottery.last;
    d->number = (int64_t)(ps_pyrand_random(&e->pol.lottery.rng) * LOTTERY_RANGE);
    d->ticket = *ticket = d->number % *total;
    d->total = *total;
    d->cpu = c;
    d->winner = 0;
    d->count++;
    int64_t sum = 0;
    for (uint32_t pid = first; pid <= e->n && !d->winner; pid++) {
        const ps_pcb *p = &e->pcb[pid - 1];
        if (candidate(e, c, p, self) && (sum += tickets(p)) > d->ticket)
            d->winner = pid;
    }
    return d->winner;
}

static void set_why(ps_engine *e, uint32_t pid, int64_t ticket, int64_t total)
{
    e->pol.lottery.why_pid = pid;
    e->pol.lottery.why_ticket = ticket;
    e->pol.lottery.why_total = total;
}

/* The Ready queue is shown in pid order, the order the tickets are counted
 * in; nothing is served from its head. */
static ps__qentry lottery_key(ps_engine *e, ps_pcb *p, ps_event ev)
{
    (void)e;
    (void)ev;
    return (ps__qentry){0, 0, 0, p->pid};
}

static int64_t lottery_slice(const ps_engine *e, const ps_pcb *p)
{
    (void)p;
    return e->s->quantum;
}

/* [LOT2] Each idle CPU, CPU 0 first: the winner of its quantum-end draw if
 * it is still Ready, else the winner of a draw of its own. */
static int lottery_act(ps_engine *e)
{
    for (uint32_t c = 0; e->idle && c < e->ncpu; c++) {
        ps__cpu *cpu = &e->cpu[c];
        if (cpu->pub.pid)
            continue;
        uint32_t pid = cpu->lottery.won;
        int64_t ticket = cpu->lottery.ticket, total = cpu->lottery.total;
        cpu->lottery.won = 0;
        if (!pid || ps__pcb(e, pid)->state != PS_READY)
            pid = decide(e, c, 0, &ticket, &total);
        if (pid) {
            set_why(e, pid, ticket, total);
            ps__dispatch(e, c, pid);
            return 1;
        }
    }
    return 0;
}

/* [LOT3] A quantum ends: a draw among the Ready processes and the one whose
 * quantum it is, which keeps its CPU if it wins and leaves it to the
 * winner otherwise.  A process leaving its CPU in the instant its quantum
 * ran out (ps__cpu_release calls this while the CPU is still marked
 * expired) competes in no draw: the CPU's next decision is an idle CPU's. */
static int lottery_expire(ps_engine *e, ps_pcb *p, int64_t *length)
{
    ps__cpu *cpu = &e->cpu[p->cpu];
    *length = e->s->quantum;
    if (cpu->expired)
        return 0;
    uint32_t w = decide(e, p->cpu, p->pid, &cpu->lottery.ticket, &cpu->lottery.total);
    cpu->lottery.won = w == p->pid ? 0 : w;
    return w == p->pid;
}

static int lottery_why(const ps_engine *e, const ps_pcb *p, int64_t *a, int64_t *b)
{
    if (e->pol.lottery.why_pid != p->pid || e->pol.lottery.why_ticket < 0)
        return -1;
    *a = e->pol.lottery.why_ticket;
    *b = e->pol.lottery.why_total;
    return PS_CAUSE_WHY_LOTTERY;
}

/* [LOT1] random.seed(seed): the key is the 32-bit words of |seed|; then
 * the seed_skip numbers someone else used. */
static int64_t lottery_init(ps_engine *e)
{
    int64_t seed = e->s->seed;
    uint64_t u = seed < 0 ? 0 - (uint64_t)seed : (uint64_t)seed;
    uint32_t key[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    ps_pyrand_seed_key(&e->pol.lottery.rng, key, key[1] ? 2 : 1);
    for (int64_t i = 0; i < e->s->seed_skip; i++)
        (void)ps_pyrand_random(&e->pol.lottery.rng);
    return -1;
}

ps_lottery_draw ps_engine_lottery_draw(const ps_engine *e)
{
    ps_lottery_draw none = {0};
    return e->policy == &ps__policy_lottery ? e->pol.lottery.last : none;
}

const ps__policy ps__policy_lottery = {
    .key = lottery_key,
    .slice = lottery_slice,
    .act = lottery_act,
    .expire = lottery_expire,
    .why = lottery_why,
    .init = lottery_init,
};
