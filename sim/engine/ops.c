/* ops.c — executing programs.  A Running process executes ops from its
 * program counter until one needs CPU ticks (a timer is set for the CPU),
 * blocks (device, sleep, empty channel, held mutex, live child) or ends.
 * Only the ops with CPU ticks in the op table (PS_OPS: cpu, add) take
 * time on the CPU; the others run in the same instant.  Also here: the
 * devices (one request at a time, FIFO), channels (unbounded FIFO of
 * values), mutexes (FIFO hand-off) and joining children.
 *
 * `add V N` is N increments, each two ticks: the first reads V into the
 * register tmp, the second writes tmp + 1 (the work is done in
 * ps__cpu_sync).  A process preempted between the two writes a stale value
 * when it returns: the lost update.
 */
#include <string.h>

#include "engine_internal.h"

const ps_op *ps__op_at(const ps_engine *e, uint32_t pid, uint32_t pc)
{
    const ps_proc_spec *spec = &e->s->procs[pid - 1];
    return pc < spec->op_count ? &e->s->ops[spec->op_first + pc] : NULL;
}

static void block(ps_engine *e, uint32_t pid, ps_wait_kind kind, uint32_t obj,
                  ps_cause cause, int64_t a, int64_t b)
{
    ps_pcb *p = ps__pcb(e, pid);
    const ps_regs *r = &e->cpu[p->cpu].pub.regs;
    uint32_t c = p->cpu;
    ps__exec_event(e, pid, r->pc, (ps_op_kind)ps__op_at(e, pid, r->pc)->kind, PS_EXEC_BLOCK, obj, 0);
    p->wait_kind = (uint8_t)kind;
    p->wait_obj = obj;
    ps__transition(e, pid, PS_BLOCKED, PS_EV_WAIT, cause, a, b);
    ps__blocked(e, pid, c);
}

/* The op at the program counter is complete: tell the exec listener and
 * move on (a loop's head or end jumps: ps__advance). */
static void op_done(ps_engine *e, uint32_t pid, ps_regs *r, int64_t a)
{
    const ps_op *op = ps__op_at(e, pid, r->pc);
    ps__exec_event(e, pid, r->pc, (ps_op_kind)op->kind, PS_EXEC_DONE, a, 0);
    ps__advance(e, op, r, a);
}

void ps__wake(ps_engine *e, uint32_t pid, ps_cause cause, int64_t a, int64_t result)
{
    ps_pcb *p = ps__pcb(e, pid);
    op_done(e, pid, &p->regs, result);
    p->wait_kind = PS_WAIT_NOTHING;
    p->io_end = -1;
    if (p->state == PS_NEW) { /* [SB1] its first op is done: admission next */
        ps__fifo_push(e, &e->newq, pid);
        return;
    }
    ps__transition(e, pid, p->state == PS_BLOCKED ? PS_READY : PS_READY_SUSPENDED,
                   PS_EV_WAKE, cause, a, 0);
    ps__woken(e, pid);
}

/* ---- devices --------------------------------------------------------- */

static int64_t fifo_len(const ps_engine *e, const ps__fifo *f)
{
    int64_t n = 0;
    for (uint32_t pid = f->head; pid; pid = e->pcb[pid - 1].wait_next_)
        n++;
    return n;
}

static void device_start(ps_engine *e, uint32_t d, uint32_t pid)
{
    ps__device *dev = &e->dev[d];
    ps_pcb *p = ps__pcb(e, pid);
    dev->busy = pid;
    dev->gen++;
    p->io_end = e->now + p->io_need;
    ps__timer_add(e, p->io_end, PS__T_IO, d, dev->gen, pid);
    ps__op(e, PS_OPE_REQUEST, pid, d, p->io_need, fifo_len(e, &dev->queue), 0, 0);
}

/* The device is done with its request (`cancel`: cut short, its timer
 * still pending): serve the next. */
static void device_next(ps_engine *e, uint32_t d, int cancel)
{
    uint32_t next = ps__fifo_pop(e, &e->dev[d].queue);
    if (cancel && e->dev[d].busy)
        ps__timer_cancelled(e);
    e->dev[d].busy = 0;
    e->dev[d].gen++;
    if (next)
        device_start(e, d, next);
}

/* Request device op->obj for `pid`: served at once, or queued; returns
 * the pid it queues behind, 0 if served. */
static uint32_t request(ps_engine *e, uint32_t pid, const ps_op *op)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps__device *dev = &e->dev[op->obj];
    p->io_need = op->n;
    if (!dev->busy) {
        device_start(e, op->obj, pid);
        return 0;
    }
    p->io_end = -1;
    ps__fifo_push(e, &dev->queue, pid);
    return dev->busy;
}

static void start_io(ps_engine *e, uint32_t pid, const ps_op *op)
{
    uint32_t behind = request(e, pid, op);
    if (!behind)
        block(e, pid, PS_WAIT_DEVICE, op->obj, PS_CAUSE_IO, op->obj, op->n);
    else
        block(e, pid, PS_WAIT_DEVICE, op->obj, PS_CAUSE_IO_QUEUED, op->obj, behind);
}

/* A sleep of op->n ticks from now: its timer. */
static void start_sleep(ps_engine *e, uint32_t pid, const ps_op *op)
{
    ps_pcb *p = ps__pcb(e, pid);
    p->io_need = op->n;
    p->io_end = e->now + op->n;
    p->gen_++;
    ps__timer_add(e, p->io_end, PS__T_SLEEP, pid, p->gen_, pid);
}

void ps__start_blocked(ps_engine *e, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    const ps_op *op = ps__op_at(e, pid, p->regs.pc);
    ps__exec_event(e, pid, p->regs.pc, (ps_op_kind)op->kind, PS_EXEC_BLOCK, op->obj, 0);
    if (op->kind == PS_OP_IO) {
        p->wait_kind = PS_WAIT_DEVICE;
        p->wait_obj = op->obj;
        request(e, pid, op);
    } else {
        p->wait_kind = PS_WAIT_SLEEP;
        p->wait_obj = 0;
        start_sleep(e, pid, op);
    }
}

void ps__io_done(ps_engine *e, uint32_t d)
{
    uint32_t pid = e->dev[d].busy;
    ps__op(e, PS_OPE_SERVED, pid, d, ps__pcb(e, pid)->io_need, fifo_len(e, &e->dev[d].queue), 0,
           0);
    device_next(e, d, 0);
    ps__wake(e, pid, PS_CAUSE_IO_DONE, d, 0);
}

void ps__sleep_done(ps_engine *e, uint32_t pid)
{
    ps__wake(e, pid, PS_CAUSE_SLEEP_DONE, ps__pcb(e, pid)->io_need, 0);
}

/* ---- channels -------------------------------------------------------- */

/* Values queue in buf[head..len); the front is compacted away once it is
 * at least half the array, so each value is moved O(1) times. */
static int channel_push(ps__channel *ch, int64_t v)
{
    if (ch->head && ch->head >= ch->buf.len / 2) {
        int64_t *b = ch->buf.data;
        memmove(b, b + ch->head, (ch->buf.len - ch->head) * sizeof *b);
        ch->buf.len -= ch->head;
        ch->head = 0;
    }
    int64_t *slot = ps__vec_push(&ch->buf);
    if (!slot)
        return -1;
    *slot = v;
    return 0;
}

static uint64_t channel_count(const ps__channel *ch)
{
    return ch->buf.len - ch->head;
}

int ps__channel_empty(const ps_engine *e, uint32_t c)
{
    return channel_count(&e->chan[c]) == 0;
}

void ps__channels_fini(ps_engine *e)
{
    for (uint32_t c = 0; c < e->s->channels.count; c++)
        ps__vec_fini(&e->chan[c].buf);
}

/* acc and the sums leave the sentinel out: none is no number. */
static void received(ps__channel *ch, ps_regs *r, int64_t v)
{
    ch->stats.received++;
    if (v == PS_VALUE_NONE)
        return;
    r->acc = ps__value_add(r->acc, v);
    ch->stats.received_sum = ps__value_add(ch->stats.received_sum, v);
}

/* `pid` sends v on channel c: straight to the longest-waiting receiver
 * (send, then that receiver's recv, then its wake-up), or into the queue. */
static void send(ps_engine *e, uint32_t pid, uint32_t c, int64_t v)
{
    ps__channel *ch = &e->chan[c];
    ch->stats.sent++;
    if (v != PS_VALUE_NONE)
        ch->stats.sent_sum = ps__value_add(ch->stats.sent_sum, v);
    uint32_t rx = ps__fifo_pop(e, &ch->receivers);
    if (rx) {
        ps__op(e, PS_OPE_SEND, pid, c, v, 0, rx, 0);
        ps__op(e, PS_OPE_RECV, rx, c, v, 0, pid, 0);
        received(ch, &ps__pcb(e, rx)->regs, v);
        ps__wake(e, rx, PS_CAUSE_MESSAGE, c, v);
    } else if (channel_push(ch, v)) {
        e->nomem = 1;
    } else {
        ch->stats.queued = channel_count(ch);
        ps__op(e, PS_OPE_SEND, pid, c, v, (int64_t)ch->stats.queued, 0, 0);
    }
}

/* recv: returns 1 if a value was taken (into *v), 0 if the process must
 * block. */
static int try_recv(ps_engine *e, uint32_t pid, uint32_t c, ps_regs *r, int64_t *v_out)
{
    ps__channel *ch = &e->chan[c];
    if (!channel_count(ch))
        return 0;
    int64_t v = *v_out = ((const int64_t *)ch->buf.data)[ch->head++];
    if (ch->head == ch->buf.len)
        ch->head = ch->buf.len = 0; /* drained: start again at the front */
    ch->stats.queued = channel_count(ch);
    ps__op(e, PS_OPE_RECV, pid, c, v, (int64_t)ch->stats.queued, 0, 0);
    received(ch, r, v);
    return 1;
}

/* ---- mutexes --------------------------------------------------------- */

static void unlock(ps_engine *e, uint32_t m, uint32_t pid)
{
    ps__mutex *mx = &e->mtx[m];
    if (mx->owner != pid)
        return; /* unlocking a mutex one does not hold does nothing */
    ps__pcb(e, pid)->locks_held--;
    mx->owner = ps__fifo_pop(e, &mx->waiters);
    /* one event per release: unlock when nobody waits, else the hand-off */
    ps__op(e, mx->owner ? PS_OPE_HANDOFF : PS_OPE_UNLOCK, pid, m, mx->owner, 0, mx->owner, 0);
    if (mx->owner) {
        ps__pcb(e, mx->owner)->locks_held++;
        ps__wake(e, mx->owner, PS_CAUSE_LOCK_GRANTED, m, 0);
    }
}

/* ---- children -------------------------------------------------------- */

/* [O-wait-cost] A parent keeps count of its live children and a heap of its
 * zombies (e->kin), so that `wait any` never walks its children list: the
 * list holds every child it ever had, reaped or not yet created.  The
 * heap's order, lowest pid first, is the list's in a model engine
 * (init_pcbs). */
void ps__child_created(ps_engine *e, uint32_t pid)
{
    int32_t parent = ps__pcb(e, pid)->parent;
    if (parent)
        e->kin[parent - 1].live++;
}

/* wait: returns 1 if the wait is over (child reaped, or nothing to wait
 * for), 0 if the process must block. */
static int try_wait(ps_engine *e, uint32_t pid, uint32_t obj)
{
    if (obj != PS_WAIT_ANY) {
        ps_pcb *ch = ps__pcb(e, obj + 1);
        if (ch->state != PS_EXIT)
            return 0;
        ch->reaped = 1;
        return 1;
    }
    if (!e->kin)
        return 1; /* no process has a child */
    for (uint32_t c; (c = ps__zombie_pop(e, pid));) {
        e->wait_any_looks++;
        if (!ps__pcb(e, c)->reaped) { /* else `wait C` reaped it */
            ps__pcb(e, c)->reaped = 1;
            return 1;
        }
    }
    return e->kin[pid - 1].live == 0;
}

void ps__after_exit(ps_engine *e, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    for (uint32_t m = 0; p->locks_held && m < e->s->mutexes.count; m++)
        unlock(e, m, pid);
    if (!p->parent)
        return;
    ps_pcb *par = ps__pcb(e, (uint32_t)p->parent);
    e->kin[par->pid - 1].live--;
    if ((par->state == PS_BLOCKED || par->state == PS_BLOCKED_SUSPENDED) &&
        (par->wait_kind == PS_WAIT_CHILD || par->wait_kind == PS_WAIT_CHILD_UNTIL) &&
        (par->wait_obj == pid || par->wait_obj == PS_WAIT_ANY)) {
        p->reaped = 1;
        if (par->wait_kind == PS_WAIT_CHILD_UNTIL) { /* its timeout is moot */
            par->gen_++;
            ps__timer_cancelled(e);
        }
        ps__wake(e, par->pid, PS_CAUSE_CHILD_EXITED, pid, pid);
    } else {
        ps__zombie_push(e, par->pid, pid);
    }
}

/* [O-wait-timeout] The child did not exit in time: the wait is over, the
 * child not reaped. */
void ps__join_timeout(ps_engine *e, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    ps__wake(e, pid, PS_CAUSE_JOIN_TIMED_OUT, p->wait_obj == PS_WAIT_ANY ? 0 : p->wait_obj, 0);
}

/* wait: block for the child, with a timer for its timeout if it has one. */
static void block_wait(ps_engine *e, uint32_t pid, const ps_op *op)
{
    ps_pcb *p = ps__pcb(e, pid);
    uint32_t child = op->obj == PS_WAIT_ANY ? PS_WAIT_ANY : op->obj + 1;
    int64_t a = op->obj == PS_WAIT_ANY ? 0 : op->obj + 1;
    if (!(op->flags & PS_OPF_TIMEOUT)) {
        block(e, pid, PS_WAIT_CHILD, child, PS_CAUSE_WAIT_CHILD, a, 0);
        return;
    }
    p->io_need = op->n;
    p->io_end = e->now + op->n;
    p->gen_++;
    ps__timer_add(e, p->io_end, PS__T_JOIN, pid, p->gen_, pid);
    block(e, pid, PS_WAIT_CHILD_UNTIL, child, PS_CAUSE_WAIT_TIMEOUT, a, op->n);
}

void ps__detach(ps_engine *e, uint32_t pid)
{
    ps_pcb *p = ps__pcb(e, pid);
    if (p->state == PS_NEW)
        ps__fifo_remove(e, &e->newq, pid);
    if (p->state != PS_BLOCKED && p->state != PS_BLOCKED_SUSPENDED &&
        !(p->state == PS_NEW && p->wait_kind)) /* New doing its first op [SB1] */
        return;
    switch ((ps_wait_kind)p->wait_kind) {
    case PS_WAIT_DEVICE:
        if (e->dev[p->wait_obj].busy == pid)
            device_next(e, p->wait_obj, 1);
        else
            ps__fifo_remove(e, &e->dev[p->wait_obj].queue, pid);
        break;
    case PS_WAIT_SLEEP:
    case PS_WAIT_CHILD_UNTIL:
        p->gen_++;
        ps__timer_cancelled(e);
        break;
    case PS_WAIT_CHANNEL:
        ps__fifo_remove(e, &e->chan[p->wait_obj].receivers, pid);
        break;
    case PS_WAIT_MUTEX:
        ps__fifo_remove(e, &e->mtx[p->wait_obj].waiters, pid);
        break;
    case PS_WAIT_NOTHING:
    case PS_WAIT_CHILD:
        break;
    }
    p->wait_kind = PS_WAIT_NOTHING;
}

/* ---- shared variables ------------------------------------------------ */

/* A private variable is read and written in pid's own copy (ps__var_slot),
 * which no one else writes: it never loses an update. */
int64_t ps__var_read(ps_engine *e, uint32_t pid, uint32_t var)
{
    int64_t v = *ps__var_slot(e, pid, var);
    ps__pcb(e, pid)->read_writes_ = e->var_writes[var];
    ps__op(e, PS_OPE_READ, pid, var, v, 0, 0, 0);
    return v;
}

/* The lost-update rule (docs/engine.md [OE-lost]): the write of read + 1
 * overwrites every update others made since the read (detail: how many,
 * other: the last of them).  The run's count is the increments it changes
 * the variable by short of one, var - read: negative when it puts back
 * ones an earlier stale write wiped, so that over a run expected - final
 * = lost_updates. */
void ps__var_write(ps_engine *e, uint32_t pid, uint32_t var, int64_t read)
{
    int64_t *slot = ps__var_slot(e, pid, var);
    int shared = slot == &e->var[var];
    uint64_t since = shared ? e->var_writes[var] - ps__pcb(e, pid)->read_writes_ : 0;
    uint32_t over = since ? e->var_writer[var] : 0;
    e->lost_updates += *slot - read;
    *slot = read + 1;
    if (shared) {
        e->var_writer[var] = pid;
        e->var_writes[var]++;
    }
    ps__op(e, PS_OPE_WRITE, pid, var, read + 1, (int64_t)since, over, since > 0);
}

/* ---- the CPU --------------------------------------------------------- */

/* Execute one op that takes no time or blocks.  Returns 1 to go on with
 * the next op, 0 when the process has left the CPU. */
static int instant_op(ps_engine *e, uint32_t pid, const ps_op *op, ps_regs *r)
{
    ps_pcb *p = ps__pcb(e, pid);
    int64_t v;
    switch ((ps_op_kind)op->kind) {
    case PS_OP_IO:
        start_io(e, pid, op);
        return 0;
    case PS_OP_SLEEP:
        start_sleep(e, pid, op);
        block(e, pid, PS_WAIT_SLEEP, 0, PS_CAUSE_SLEEP, op->n, 0);
        return 0;
    case PS_OP_SPAWN:
        op_done(e, pid, r, op->obj + 1);
        ps__create(e, op->obj + 1, PS_CAUSE_SPAWNED, pid);
        return 1;
    case PS_OP_WAIT:
        if (try_wait(e, pid, op->obj)) {
            op_done(e, pid, r, 0);
            return 1;
        }
        block_wait(e, pid, op);
        return 0;
    case PS_OP_SEND:
        v = ps__value(e, op, r);
        op_done(e, pid, r, v);
        send(e, pid, op->obj, v);
        return 1;
    case PS_OP_FOR_IN: /* receives like recv; ps__advance enters or leaves the loop */
    case PS_OP_RECV:
        if (try_recv(e, pid, op->obj, r, &v)) {
            op_done(e, pid, r, v);
            return 1;
        }
        ps__fifo_push(e, &e->chan[op->obj].receivers, pid);
        block(e, pid, PS_WAIT_CHANNEL, op->obj, PS_CAUSE_RECV_EMPTY, op->obj, 0);
        return 0;
    case PS_OP_LOCK:
        if (!e->mtx[op->obj].owner) {
            e->mtx[op->obj].owner = pid;
            p->locks_held++;
            ps__op(e, PS_OPE_LOCK, pid, op->obj, pid, 0, 0, 0);
            op_done(e, pid, r, 0);
            return 1;
        }
        ps__fifo_push(e, &e->mtx[op->obj].waiters, pid);
        block(e, pid, PS_WAIT_MUTEX, op->obj, PS_CAUSE_LOCK_HELD, op->obj,
              e->mtx[op->obj].owner);
        return 0;
    case PS_OP_UNLOCK:
        op_done(e, pid, r, 0);
        unlock(e, op->obj, pid);
        return 1;
    case PS_OP_EXIT:
        p->exit_code = (int32_t)op->n;
        ps__exec_event(e, pid, r->pc, PS_OP_EXIT, PS_EXEC_DONE, op->n, 0);
        ps__exit(e, pid, PS_EV_RELEASE, PS_CAUSE_EXIT_OP, op->n);
        return 0;
    case PS_OP_KILL: {
        ps_pcb *ch = ps__pcb(e, op->obj + 1);
        op_done(e, pid, r, op->obj + 1);
        if (ch->created && ps_state_live((ps_state)ch->state)) {
            ch->last_signal = ch->term_signal = PS__SIGTERM;
            ch->exit_code = -PS__SIGTERM; /* Python's exitcode after terminate() */
            ps__exit(e, op->obj + 1, PS_EV_KILL, PS_CAUSE_PARENT_KILL, pid);
        }
        return 1;
    }
    case PS_OP_IS_ALIVE: { /* [O-is-alive] */
        const ps_pcb *ch = ps__pcb(e, op->obj + 1);
        int alive = ch->created && ch->state != PS_EXIT;
        ps__op(e, PS_OPE_ALIVE, pid, op->obj + 1, alive, 0, 0, 0);
        op_done(e, pid, r, alive);
        return 1;
    }
    case PS_OP_LOOP: /* [L7] while not empty C asks first: the op event empty */
        if (e->s->loops[op->obj].kind == PS_LOOP_NOT_EMPTY) {
            uint32_t c = e->s->loops[op->obj].chan;
            int64_t n = (int64_t)channel_count(&e->chan[c]);
            ps__op(e, PS_OPE_EMPTY, pid, c, n == 0, n, 0, 0);
        }
        op_done(e, pid, r, 0);
        return 1;
    case PS_OP_END:
        op_done(e, pid, r, 0);
        return 1;
    case PS_OP_CPU:
    case PS_OP_ADD:
    case PS_OP_COUNT:
        break;
    }
    return 1;
}

void ps__cpu_run(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    uint32_t pid = cpu->pub.pid;
    ps_regs *r = &cpu->pub.regs;
    while (cpu->pub.pid == pid) {
        if (e->now < cpu->work_from) {
            ps__set_cpu_timer(e, c, cpu->work_from);
            return;
        }
        const ps_op *op = ps__op_at(e, pid, r->pc);
        if (!op) {
            ps__exec_event(e, pid, r->pc, PS_OP_EXIT, PS_EXEC_DONE, 0, 0);
            ps__exit(e, pid, PS_EV_RELEASE, PS_CAUSE_PROGRAM_END, 0);
            return;
        }
        if (!ps_op_ticks((ps_op_kind)op->kind)) {
            if (++e->instant_ops > PS_RUNAWAY_OPS || e->runaway) { /* [L5] */
                if (!e->runaway)
                    e->runaway = pid;
                return;
            }
            if (!instant_op(e, pid, op, r))
                return;
            continue;
        }
        /* [V2] a cpu whose value is below 1 takes no time */
        int64_t n = ps__ticks_value(e, op, r), len = n > 0 ? (int64_t)ps_op_ticks((ps_op_kind)op->kind) * n : 0;
        if (r->cnt >= len) {
            op_done(e, pid, r, 0);
            continue;
        }
        if (cpu->quantum_left <= 0) {
            cpu->expired = 1;
            return;
        }
        int64_t d = len - r->cnt;
        if (op->kind == PS_OP_ADD)
            d = 1;
        else if (d > cpu->quantum_left)
            d = cpu->quantum_left;
        ps__exec_event(e, pid, r->pc, (ps_op_kind)op->kind, PS_EXEC_RUN, e->now + d,
                     d == len - (int64_t)r->cnt);
        ps__set_cpu_timer(e, c, e->now + d);
        return;
    }
}

void ps__cpu_timer(ps_engine *e, uint32_t c)
{
    ps__cpu *cpu = &e->cpu[c];
    ps__cpu_sync(e, c);
    if (cpu->holding) { /* the held tick is over: ps__cpu_run ends it */
        cpu->holding = 0;
        cpu->since = e->now;
    }
    ps__cpu_run(e, c);
}
