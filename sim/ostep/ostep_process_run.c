/* ostep_process_run.c — OSTEP's process-run.py (docs/ostep.md).
 *
 * Each process is a list of instructions, each one CPU tick: cpu, io (the
 * tick that starts an I/O of -L ticks) and io_done (the tick that handles
 * its completion).  The workload becomes a scenario under the ostep policy
 * (sched.c), whose rules are process-run's switch (-S) and I/O-done (-I)
 * behaviours; the trace table is read off the engine one tick at a time:
 * a Running process with instructions left executes the next one, every
 * Blocked process has an I/O in flight, and a tick whose instant woke a
 * process from I/O is starred.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ostep_internal.h"
#include "pyfmt.h"
#include "pyrand.h"
#include "procsim/scenario_build.h"

#define SCRIPT "process-run.py"
/* Python would try; procsim declines beyond this many instructions. */
#define MAX_INSTRUCTIONS 50000000

enum { I_CPU, I_IO, I_IO_DONE };
static const char *const instr_names[] = {"cpu", "io", "io_done"};

typedef struct pr_work {
    ps__vec code;        /* uint8_t: every process's instructions, back to back */
    ps__vec first;       /* uint32_t: process k's first instruction; entry n = the end */
    uint32_t n;          /* processes (first has n + 1 entries, once there is one) */
    int64_t io_length;
    int on_end, immediate, solve, stats;
} pr_work;

/* Process k's instructions are code[first(k)] up to code[first(k + 1)]. */
static uint32_t first(const pr_work *w, uint32_t k)
{
    return PS__VEC_AT(&w->first, uint32_t, k);
}

static uint8_t code(const pr_work *w, uint32_t i)
{
    return PS__VEC_AT(&w->code, uint8_t, i);
}

static void pr_free(void *w)
{
    pr_work *p = w;
    if (!p)
        return;
    ps__vec_fini(&p->code);
    ps__vec_fini(&p->first);
    free(p);
}

static int new_process(pr_work *w)
{
    uint32_t *f;
    if (!w->first.len) { /* the first process: its start */
        if (!(f = ps__vec_push(&w->first)))
            return -1;
        *f = (uint32_t)w->code.len;
    }
    if (!(f = ps__vec_push(&w->first))) /* the new end */
        return -1;
    *f = (uint32_t)w->code.len;
    w->n++;
    return 0;
}

/* 1 added, 0 over the limit, -1 out of memory */
static int add(pr_work *w, uint8_t instr)
{
    if (w->code.len >= MAX_INSTRUCTIONS)
        return 0;
    uint8_t *c = ps__vec_push(&w->code);
    if (!c)
        return -1;
    *c = instr;
    PS__VEC_AT(&w->first, uint32_t, w->n) = (uint32_t)w->code.len;
    return 1;
}

static int add_io(pr_work *w)
{
    int rc = add(w, I_IO);
    return rc == 1 ? add(w, I_IO_DONE) : rc;
}

static int too_many(ps_out *err)
{
    ps_outf(err, "procsim: " SCRIPT ": more than %d instructions; procsim stops here\n",
            MAX_INSTRUCTIONS);
    return 1;
}

/* Splits s at `sep` into a malloc'd NUL-separated copy; *count pieces.
 * Python's str.split(sep): n separators give n + 1 pieces. */
static char *split(const char *s, char sep, size_t *count)
{
    char *c = strdup(s);
    if (!c)
        return NULL;
    *count = 1;
    for (char *p = c; *p; p++)
        if (*p == sep) {
            *p = 0;
            ++*count;
        }
    return c;
}

/* -P: "c7,i,c1:i" — programs split by ':', tokens by ','. */
static int load_programs(pr_work *w, const char *text, ps_out *out, ps_out *err)
{
    size_t nprog, ntok;
    char *progs = split(text, ':', &nprog);
    if (!progs)
        return ps__ostep_nomem(err);
    int status = PS__OSTEP_GO;
    char *prog = progs;
    for (size_t i = 0; i < nprog && status == PS__OSTEP_GO; i++, prog += strlen(prog) + 1) {
        if (new_process(w))
            status = ps__ostep_nomem(err);
        char *toks = status == PS__OSTEP_GO ? split(prog, ',', &ntok) : NULL;
        if (!toks && status == PS__OSTEP_GO)
            status = ps__ostep_nomem(err);
        char *tok = toks;
        for (size_t k = 0; toks && k < ntok && status == PS__OSTEP_GO;
             k++, tok += strlen(tok) + 1) {
            int64_t num, rc = 1;
            if (!tok[0]) {
                status = ps__ostep_exception(err, SCRIPT,
                                             "IndexError: string index out of range");
            } else if (tok[0] == 'c') {
                if (ps__ostep_pyint(tok + 1, SCRIPT, err, &num))
                    status = 1;
                for (int64_t n = 0; status == PS__OSTEP_GO && n < num && rc == 1; n++)
                    rc = add(w, I_CPU);
            } else if (tok[0] == 'i') {
                rc = add_io(w);
            } else {
                /* Python prints the whole first character */
                size_t len = 1;
                while (((unsigned char)tok[len] & 0xC0) == 0x80)
                    len++;
                ps_outf(out, "bad opcode %.*s (should be c or i)\n", (int)len, tok);
                status = 1;
            }
            if (status == PS__OSTEP_GO && rc != 1)
                status = rc < 0 ? ps__ostep_nomem(err) : too_many(err);
        }
        free(toks);
    }
    free(progs);
    return status;
}

/* -l: "X:Y,..." — X instructions, each cpu with probability Y%, one
 * random() per instruction. */
static int load_random(pr_work *w, const char *text, ps_pyrand *rng, ps_out *out,
                       ps_out *err)
{
    size_t npieces, nf;
    char *pieces = split(text, ',', &npieces);
    if (!pieces)
        return ps__ostep_nomem(err);
    int status = PS__OSTEP_GO;
    char *piece = pieces;
    for (size_t i = 0; i < npieces && status == PS__OSTEP_GO; i++, piece += strlen(piece) + 1) {
        if (new_process(w)) {
            status = ps__ostep_nomem(err);
            break;
        }
        char *f = split(piece, ':', &nf);
        if (!f) {
            status = ps__ostep_nomem(err);
            break;
        }
        int64_t count;
        double chance;
        if (nf != 2) {
            ps_outf(out, "Bad description (%s): Must be number <x:y>\n"
                         "  where X is the number of instructions\n"
                         "  and Y is the percent change that an instruction is CPU not IO\n",
                    piece);
            status = 1;
        } else if (ps__ostep_pyint(f, SCRIPT, err, &count)) {
            status = 1;
        } else if (ps_py_float(f + strlen(f) + 1, &chance)) {
            char what[300];
            snprintf(what, sizeof what, "ValueError: could not convert string to float: "
                                        "'%.200s'", f + strlen(f) + 1);
            status = ps__ostep_exception(err, SCRIPT, what);
        } else {
            chance /= 100.0;
            for (int64_t k = 0; k < count && status == PS__OSTEP_GO; k++) {
                int rc = ps_pyrand_random(rng) < chance ? add(w, I_CPU) : add_io(w);
                if (rc != 1)
                    status = rc < 0 ? ps__ostep_nomem(err) : too_many(err);
            }
        }
        free(f);
    }
    free(pieces);
    return status;
}

static int pr_parse(int argc, char **argv, ps_out *out, ps_out *err, void **work)
{
    ps_opt_value v[PR_NOPTS];
    memset(v, 0, sizeof v);
    int status = ps__ostep_options(SCRIPT, ps__pr_opts, PR_NOPTS, argc, argv, v, out, err);
    pr_work *w = status == PS__OSTEP_GO ? calloc(1, sizeof *w) : NULL;
    if (status == PS__OSTEP_GO && !w)
        status = ps__ostep_nomem(err);
    if (w) {
        ps__vec_init(&w->code, sizeof(uint8_t));
        ps__vec_init(&w->first, sizeof(uint32_t));
    }
    if (status == PS__OSTEP_GO) {
        ps_pyrand rng;
        ps_pyint zero = {0};
        if (!v[PR_SEED].set && ps_pyint_from_i64(&zero, 0))
            status = ps__ostep_nomem(err);
        ps_pyrand_seed(&rng, v[PR_SEED].set ? &v[PR_SEED].num : &zero);
        ps_pyint_fini(&zero);
        const char *sw = v[PR_SWITCH].set ? v[PR_SWITCH].text : "SWITCH_ON_IO";
        const char *io = v[PR_IODONE].set ? v[PR_IODONE].text : "IO_RUN_LATER";
        w->on_end = strcmp(sw, "SWITCH_ON_END") == 0;
        w->immediate = strcmp(io, "IO_RUN_IMMEDIATE") == 0;
        w->solve = v[PR_SOLVE].set;
        w->stats = v[PR_PRINTSTATS].set;
        if (status != PS__OSTEP_GO)
            ;
        else if ((!w->on_end && strcmp(sw, "SWITCH_ON_IO") != 0) ||
                 (!w->immediate && strcmp(io, "IO_RUN_LATER") != 0))
            status = ps__ostep_exception(err, SCRIPT, "AssertionError");
        else if (v[PR_PROGRAM].set && v[PR_PROGRAM].text[0])
            status = load_programs(w, v[PR_PROGRAM].text, out, err);
        else
            status = load_random(w, v[PR_PROCESSLIST].set ? v[PR_PROCESSLIST].text : "",
                                 &rng, out, err);
    }
    if (status == PS__OSTEP_GO) {
        /* assert(io_length >= 0) comes after loading */
        const ps_opt_value *L = &v[PR_IOLENGTH];
        if (L->set && L->num.neg)
            status = ps__ostep_exception(err, SCRIPT, "AssertionError");
        else if (ps__ostep_int(L, 5, 0, PS_SCENARIO_MAX_NUMBER, SCRIPT, "-L", err,
                               &w->io_length))
            status = 1;
    }
    ps_optparse_fini(v, PR_NOPTS);
    if (status != PS__OSTEP_GO) {
        pr_free(w);
        return status;
    }
    *work = w;
    return PS__OSTEP_GO;
}

static ps_scenario *pr_build(const void *work, ps_out *err)
{
    const pr_work *w = work;
    ps_builder *b = NULL;
    char name[32];
    if (!(b = ps_builder_create("OSTEP process-run", "A workload of OSTEP's process-run.py. "
                        "Every instruction takes one tick of CPU; io starts an I/O and "
                        "io_done handles its end.")))
        goto fail;
    ps_builder_scenario(b)->policy = PS_POLICY_OSTEP;
    ps_builder_scenario(b)->switch_rule = w->on_end ? PS_SWITCH_ON_END : PS_SWITCH_ON_IO;
    ps_builder_scenario(b)->io_done_rule = w->immediate ? PS_IO_DONE_IMMEDIATE : PS_IO_DONE_LATER;
    for (uint32_t k = 0; k < w->n; k++) {
        snprintf(name, sizeof name, "io%" PRIu32, k); /* I/Os never wait for each other */
        ps_builder_device(b, name);
    }
    for (uint32_t k = 0; k < w->n; k++) {
        snprintf(name, sizeof name, "p%" PRIu32, k);
        ps_builder_proc(b, name, 0);
        int64_t run = 0; /* CPU ticks not yet written as an op */
        for (uint32_t i = first(w, k); i < first(w, k + 1); i++) {
            run++;
            if (code(w, i) == I_IO) {
                ps_builder_op(b, PS_OP_CPU, 0, run);
                ps_builder_op(b, PS_OP_IO, k, w->io_length);
                run = 0;
            }
        }
        if (run)
            ps_builder_op(b, PS_OP_CPU, 0, run);
    }
    return ps__ostep_built(b, err);
fail:
    ps__ostep_nomem(err);
    return NULL;
}

static void print_question(const pr_work *w, ps_out *out)
{
    ps_out_puts(out, "Produce a trace of what would happen when you run these processes:\n");
    for (uint32_t k = 0; k < w->n; k++) {
        ps_outf(out, "Process %" PRIu32 "\n", k);
        for (uint32_t i = first(w, k); i < first(w, k + 1); i++)
            ps_outf(out, "  %s\n", instr_names[code(w, i)]);
        ps_out_puts(out, "\n");
    }
    ps_outf(out, "Important behaviors:\n  System will switch when %s\n"
                 "  After IOs, the process issuing the IO will %s\n\n",
            w->on_end ? "the current process is FINISHED"
                      : "the current process is FINISHED or ISSUES AN IO",
            w->immediate ? "run IMMEDIATELY" : "run LATER (when it is its turn)");
}

typedef struct pr_trace {
    int64_t woken_at;    /* instant of the latest wake-up from I/O */
} pr_trace;

static void on_transition(void *ctx, const ps_trace_event *ev)
{
    if (ev->event == PS_EV_WAKE && ev->cause == PS_CAUSE_IO_DONE)
        ((pr_trace *)ctx)->woken_at = ev->time;
}

typedef struct pr_table {
    const pr_work *w;
    const ps_engine *e;
    ps__rowbuf rows;
    uint32_t *done;      /* instructions executed, per process */
    char cells[7][16];   /* "%14s" of every state and RUN:instr */
    int64_t cpu_busy, io_busy;
} pr_table;

enum { C_READY, C_RUNNING, C_BLOCKED, C_DONE, C_RUN };

/* One row: tick t, starred when an I/O completed at its start. */
static void row(pr_table *tb, int64_t t, int star)
{
    ps__rowbuf *r = &tb->rows;
    int ran = 0;
    uint32_t ios = 0;
    ps__row_int(r, t, 3);
    ps__row_put(r, star ? "*" : " ", 1);
    for (uint32_t k = 0; k < tb->w->n; k++) {
        uint8_t st = ps_engine_pcb(tb->e, k + 1)->state;
        int cell = st == PS_READY ? C_READY : st == PS_RUNNING ? C_RUNNING
                 : st == PS_BLOCKED ? C_BLOCKED : C_DONE;
        uint32_t pc = first(tb->w, k) + tb->done[k];
        if (st == PS_RUNNING && pc < first(tb->w, k + 1)) {
            cell = C_RUN + code(tb->w, pc);
            tb->done[k]++;
            ran = 1;
        }
        ios += st == PS_BLOCKED;
        ps__row_put(r, tb->cells[cell], 14);
    }
    ps__row_put(r, ran ? "             1" : "              ", 14);
    if (ios)
        ps__row_int(r, ios, 14);
    else
        ps__row_put(r, "          ", 10);
    ps__row_put(r, "\n", 1);
    tb->cpu_busy += ran;
    tb->io_busy += ios > 0;
}

static int pr_print(const void *work, ps_out *out, ps_out *err)
{
    const pr_work *w = work;
    if (!w->solve) {
        print_question(w, out);
        return 0;
    }
    ps_scenario *s = pr_build(w, err);
    ps_engine *e = s ? ps_engine_create(s) : NULL;
    pr_table tb = {.w = w, .e = e, .rows = {.out = out}};
    tb.done = calloc(w->n + 1, sizeof *tb.done);
    if (!e || !tb.done) {
        free(tb.done);
        ps_engine_destroy(e);
        ps_scenario_destroy(s);
        return s ? ps__ostep_nomem(err) : 1;
    }
    static const char *const labels[] = {"READY", "RUNNING", "BLOCKED", "DONE",
                                         "RUN:cpu", "RUN:io", "RUN:io_done"};
    for (int c = 0; c < 7; c++)
        snprintf(tb.cells[c], sizeof tb.cells[c], "%14s", labels[c]);
    pr_trace tr = {-1};
    ps_engine_set_listener(e, on_transition, &tr);

    ps__row_puts(&tb.rows, "Time");
    for (uint32_t k = 0; k < w->n; k++) {
        char pid[24];
        snprintf(pid, sizeof pid, "PID:%2" PRIu32, k);
        ps__row_pad(&tb.rows, pid, 14);
    }
    ps__row_pad(&tb.rows, "CPU", 14);
    ps__row_pad(&tb.rows, "IOs", 14);
    ps__row_put(&tb.rows, "\n", 1);

    /* Tick t runs from instant t-1 to instant t; the engine's state after
     * instant t-1 holds for all of it. */
    ps_step_status st = ps_engine_step(e);
    int64_t now = 0;
    while (st == PS_STEP_OK) {
        int64_t next = ps_engine_next(e);
        for (int64_t t = now + 1; t <= next; t++)
            row(&tb, t, t == now + 1 && tr.woken_at == now);
        now = next;
        st = ps_engine_step(e);
    }
    ps__row_flush(&tb.rows);
    int status = 0;
    if (st != PS_STEP_DONE) {
        status = ps__ostep_stopped(err, SCRIPT, e, st);
    } else if (w->stats) {
        int64_t T = now;
        ps_outf(out, "\nStats: Total Time %" PRId64 "\nStats: CPU Busy %" PRId64 " (%.2f%%)\n"
                     "Stats: IO Busy  %" PRId64 " (%.2f%%)\n\n",
                T, tb.cpu_busy, 100.0 * (double)tb.cpu_busy / (double)T, tb.io_busy,
                100.0 * (double)tb.io_busy / (double)T);
    }
    free(tb.done);
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return status;
}

const ps__ostep_front ps__ostep_process_run = {SCRIPT, pr_parse, pr_build, pr_print, pr_free};
