/* scenario_write.c — a scenario back as the YAML a file would hold.
 *
 * Used to show a workload made in code (the OSTEP front-ends) as a
 * scenario a student can open, edit and load.  Writes only what differs
 * from the defaults; loading the text gives an equal scenario.
 */
#include "procsim/scenario.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "procsim/out.h"
#include "scenario_priv.h"

/* A YAML double-quoted string. */
static void quoted(ps_out *o, const char *s)
{
    ps_out_puts(o, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            ps_outf(o, "\\%c", c);
        else if (c == '\n')
            ps_out_puts(o, "\\n");
        else if (c < 0x20 || c == 0x7f)
            ps_outf(o, "\\x%02x", c);
        else
            ps_out_write(o, (const char *)&c, 1);
    }
    ps_out_puts(o, "\"");
}

static void levels(ps_out *o, const char *key, const int64_t *v, int32_t n)
{
    ps_outf(o, "  %s: [", key);
    for (int32_t l = 0; l < n; l++)
        ps_outf(o, "%s%" PRId64, l ? ", " : "", v[l]);
    ps_out_puts(o, "]\n");
}

/* The settings of the newer policies and the conventions: those the
 * policy reads, and the conventions that differ from the defaults. */
static void write_sched(const ps_scenario *s, const ps_scenario *d, ps_out *o)
{
    unsigned uses = ps_policy_uses(s->policy);
    if (uses & PS_USES_MLFQ && s->mlfq_style != d->mlfq_style)
        ps_outf(o, "  mlfq_style: %s\n", ps_mlfq_style_token((ps_mlfq_style)s->mlfq_style));
    if (uses & PS_USES_SEED)
        ps_outf(o, "  seed: %" PRId64 "\n", s->seed);
    if (uses & PS_USES_SEED && s->seed_skip != d->seed_skip)
        ps_outf(o, "  seed_skip: %" PRId64 "\n", s->seed_skip);
    if (uses & PS_USES_CFS)
        ps_outf(o, "  cfs_latency: %" PRId64 "\n  cfs_min_granularity: %" PRId64 "\n",
                s->cfs_latency, s->cfs_min_granularity);
    if (uses & PS_USES_MLQ) {
        ps_out_puts(o, "  queues:\n");
        for (int32_t q = 0; q < s->nqueues; q++) {
            ps_outf(o, "    - {policy: %s", ps_policy_token((ps_policy)s->queues[q].policy));
            if (s->queues[q].policy == PS_POLICY_RR)
                ps_outf(o, ", quantum: %" PRId64, s->queues[q].quantum);
            ps_out_puts(o, "}\n");
        }
    }
    if (uses & PS_USES_BURST && s->estimate_alpha >= 0)
        ps_outf(o, "  burst_estimate: {alpha: %d.%03d, initial: %" PRId64 "}\n",
                (int)s->estimate_alpha / 1000, (int)s->estimate_alpha % 1000,
                s->estimate_initial);
    if (uses & PS_USES_PRIORITY && s->aging_every)
        ps_outf(o, "  aging: {every: %" PRId64 ", by: %" PRId64 "}\n", s->aging_every,
                s->aging_by);
    if (s->priority_order != d->priority_order)
        ps_outf(o, "  priority_order: %s\n",
                ps_priority_order_token((ps_priority_order)s->priority_order));
    if (uses & PS_USES_ROUND && s->rr_arrival != d->rr_arrival)
        ps_outf(o, "  rr_arrival: %s\n", ps_rr_arrival_token((ps_rr_arrival)s->rr_arrival));
    if (s->same_tick != d->same_tick)
        ps_outf(o, "  same_tick: %s\n", ps_same_tick_token((ps_same_tick)s->same_tick));
    if (s->affinity != d->affinity)
        ps_outf(o, "  affinity: %s\n", ps_affinity_token((ps_affinity)s->affinity));
    if (s->switch_cost_first != d->switch_cost_first)
        ps_outf(o, "  switch_cost_first: %s\n", s->switch_cost_first ? "true" : "false");
    if (uses & (PS_USES_QUANTUM | PS_USES_ROUND) && s->count_self_switch != d->count_self_switch)
        ps_outf(o, "  count_self_switch: %s\n", s->count_self_switch ? "true" : "false");
}

static void write_system(const ps_scenario *s, ps_out *o)
{
    ps_scenario d;
    memset(&d, 0, sizeof d);
    ps__scenario_defaults(&d);
    ps_outf(o, "system:\n  policy: %s\n", ps_policy_token(s->policy));
    if (s->cpus_auto)
        ps_outf(o, "  cpus: auto\n");
    else if (s->cpus != d.cpus)
        ps_outf(o, "  cpus: %d\n", (int)s->cpus);
    if (s->memory != d.memory)
        ps_outf(o, "  memory: %" PRId64 "\n", s->memory);
    if (s->quantum != d.quantum)
        ps_outf(o, "  quantum: %" PRId64 "\n", s->quantum);
    if (s->switch_cost != d.switch_cost)
        ps_outf(o, "  switch_cost: %" PRId64 "\n", s->switch_cost);
    if (s->tick_ms != d.tick_ms)
        ps_outf(o, "  tick_ms: %" PRId64 "\n", s->tick_ms);
    if (ps_policy_uses(s->policy) & PS_USES_OSTEP)
        ps_outf(o, "  switch: %s\n  io_done: %s\n",
                ps_switch_token((ps_switch_rule)s->switch_rule),
                ps_io_done_token((ps_io_done_rule)s->io_done_rule));
    if (ps_policy_uses(s->policy) & PS_USES_MLFQ) {
        ps_outf(o, "  mlfq_levels: %d\n", (int)s->mlfq_levels);
        levels(o, "mlfq_quanta", s->mlfq_quanta, s->mlfq_levels);
        if (s->mlfq_style != PS_MLFQ_STYLE_STALLINGS) { /* OSTEP's alone (rule FB7) */
            levels(o, "mlfq_allotments", s->mlfq_allotments, s->mlfq_levels);
            ps_outf(o, "  mlfq_boost: %" PRId64 "\n  mlfq_stay: %s\n  mlfq_io_bump: %s\n",
                    s->mlfq_boost, s->mlfq_stay ? "true" : "false",
                    s->mlfq_io_bump ? "true" : "false");
        }
    }
    write_sched(s, &d, o);
}

static void names(ps_out *o, const char *key, const ps_names *n)
{
    ps_outf(o, "%s: [", key);
    for (uint32_t i = 0; i < n->count; i++)
        ps_outf(o, "%s%s", i ? ", " : "", n->names[i]);
    ps_out_puts(o, "]\n");
}

/* An op as written; one of the ops `spawn NAME` (wait, kill) of a group
 * stands for, as that op. */
static void group_op(const ps_scenario *s, const ps_op *op, char *text, size_t size)
{
    if (!(op->flags & PS_OPF_GROUP)) {
        ps_op_format(s, op, text, size);
        return;
    }
    int n = snprintf(text, size, "%s %s", ps_op_token((ps_op_kind)op->kind),
                     s->procs[op->obj].group);
    if ((op->flags & PS_OPF_TIMEOUT) && n > 0 && (size_t)n < size)
        snprintf(text + n, size - (size_t)n, " timeout %" PRId64, op->n);
}

/* The items of a program from `pc` up to the END of the loop they are in
 * (or the program's end), loops as one-key flow mappings whose key is
 * quoted (range's comma would end a plain one); returns the pc where it
 * stopped.  Recursion is as deep as loops nest (PS_LOOP_DEPTH_MAX). */
static uint32_t write_items(const ps_scenario *s, const ps_proc_spec *p, uint32_t pc, ps_out *o)
{
    char text[160];
    for (bool first = true; pc < p->op_count; first = false) {
        const ps_op *op = &s->ops[p->op_first + pc];
        if (op->kind == PS_OP_END)
            break;
        if ((op->flags & PS_OPF_GROUP) && s->procs[op->obj].copy > 1) {
            pc++; /* written with the group's first copy */
            continue;
        }
        ps_out_puts(o, first ? "" : ", ");
        group_op(s, op, text, sizeof text);
        if (op->kind != PS_OP_LOOP && op->kind != PS_OP_FOR_IN) {
            ps_out_puts(o, text);
            pc++;
            continue;
        }
        ps_out_puts(o, "{");
        quoted(o, text);
        ps_out_puts(o, ": [");
        pc = write_items(s, p, pc + 1, o) + 1; /* past its END */
        ps_out_puts(o, "]}");
    }
    return pc;
}

/* `variables:`, when some are private: all of them, in table order, so
 * that they load back in the same order. */
static void write_variables(const ps_scenario *s, ps_out *o)
{
    bool any = false;
    for (uint32_t v = 0; s->var_private && v < s->variables.count; v++)
        any |= s->var_private[v] != 0;
    if (!any)
        return;
    ps_out_puts(o, "variables: {");
    for (uint32_t v = 0; v < s->variables.count; v++)
        ps_outf(o, "%s%s: %s", v ? ", " : "", s->variables.names[v],
                s->var_private[v] ? "private" : "shared");
    ps_out_puts(o, "}\n");
}

void ps_scenario_write_yaml(const ps_scenario *s, ps_out *o)
{
    ps_out_puts(o, "procsim: 1\ntitle: ");
    quoted(o, s->title);
    if (s->title_ko[0]) {
        ps_out_puts(o, "\ntitle_ko: ");
        quoted(o, s->title_ko);
    }
    if (s->description[0]) {
        ps_out_puts(o, "\ndescription: ");
        quoted(o, s->description);
    }
    if (s->description_ko[0]) {
        ps_out_puts(o, "\ndescription_ko: ");
        quoted(o, s->description_ko);
    }
    ps_out_puts(o, "\n");
    write_system(s, o);
    if (s->devices.count)
        names(o, "devices", &s->devices);
    write_variables(s, o);
    ps_out_puts(o, "processes:\n");
    for (uint32_t i = 0; i < s->nprocs; i++) {
        const ps_proc_spec *p = &s->procs[i];
        if (p->copy > 1)
            continue; /* written as its group */
        ps_outf(o, "  - name: %s\n", p->group ? p->group : p->name);
        if (p->copies_auto)
            ps_outf(o, "    copies: auto\n");
        else if (p->group)
            ps_outf(o, "    copies: %u\n", (unsigned)p->copies);
        if (p->arrival)
            ps_outf(o, "    arrival: %" PRId64 "\n", p->arrival);
        if (p->priority)
            ps_outf(o, "    priority: %d\n", (int)p->priority);
        unsigned uses = ps_policy_uses(s->policy);
        if (uses & PS_USES_MLQ)
            ps_outf(o, "    queue: %d\n", (int)p->queue);
        if (uses & PS_USES_TICKETS)
            ps_outf(o, "    tickets: %" PRId64 "\n", p->tickets);
        if (uses & PS_USES_CFS && p->nice)
            ps_outf(o, "    nice: %d\n", (int)p->nice);
        if (p->starts_blocked)
            ps_out_puts(o, "    starts_blocked: true\n");
        if (p->memory)
            ps_outf(o, "    memory: %" PRId64 "\n", p->memory);
        if (p->parent >= 0)
            ps_outf(o, "    parent: %s\n", s->procs[p->parent].name);
        ps_out_puts(o, "    program: [");
        write_items(s, p, 0, o);
        ps_out_puts(o, "]\n");
    }
    if (s->nevents) {
        ps_out_puts(o, "events:\n");
        for (uint32_t i = 0; i < s->nevents; i++)
            ps_outf(o, "  - {at: %" PRId64 ", do: %s %s}\n", s->events[i].at,
                    ps_action_token((ps_action)s->events[i].action),
                    s->procs[s->events[i].target].name);
    }
}
