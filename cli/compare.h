/* compare.h — `procsim compare FILE P[:Q] P[:Q]...` inside the CLI: one
 * workload run once per policy (compare.c), then written as text, json
 * or csv (compare_out.c).  docs/compare.md is the user's side. */
#ifndef PROCSIM_CLI_COMPARE_H
#define PROCSIM_CLI_COMPARE_H

#include "cli.h"
#include "procsim/stats.h"

#define CMP_MAX 8 /* policies at most (the text is laid out for 2 to 6) */

/* One policy's run, kept whole until the output is written: its causes
 * are formatted from its engine. */
typedef struct cmp_side {
    char label[64];        /* the policy as `--policy` writes it: "rr:4" */
    ps_scenario *s;        /* the workload, its policy replaced */
    ps_engine *e;
    ps_gantt g;
    ps_trace_event *ev;    /* its moves into and out of Running, in order */
    size_t nev, capev;
    ps_step_status st;
    char report[768];      /* why it stopped, when it did not finish */
    ps_summary sum;
    int nomem;
} cmp_side;

/* What one policy has on the CPU where the schedules first part, at that
 * tick. */
typedef struct cmp_at {
    uint32_t pid;          /* on the CPU during the tick, 0: idle */
    const ps_trace_event *came;  /* the dispatch that put it there */
    uint32_t left;         /* who left that CPU at the tick, 0: nobody */
    const ps_trace_event *leave; /* its move off the CPU */
} cmp_at;

typedef struct cmp {
    const char *path;
    char where[4096];          /* path's file when it names a shipped scenario */
    cmp_side side[CMP_MAX];
    size_t n;
    ps_lang lang;
    char file_policy[64];  /* the file's own policy */
    int64_t tick;          /* the first tick where they part, -1: never */
    uint32_t cpu;          /* on which CPU (the lowest there) */
    cmp_at at[CMP_MAX];
    int64_t pair[CMP_MAX][CMP_MAX]; /* the first tick each two part, -1 */
} cmp;

/* The best (lowest; utilisation: highest) of each summary row: which
 * sides have it, as bits. */
typedef enum cmp_row {
    CMP_END, CMP_TURNAROUND, CMP_WAITING, CMP_RESPONSE, CMP_SWITCHES, CMP_UTILISATION,
    CMP_ROWS
} cmp_row;
double cmp_value(const cmp_side *sd, cmp_row row);
unsigned cmp_best(const cmp *c, cmp_row row);
/* The total context switches of a side. */
uint32_t cmp_switches(const cmp_side *sd);
/* The status token of a run ("done", "until", "deadlock", "runaway",
 * "error"). */
const char *cmp_status(ps_step_status st);
/* Side i at the parting tick, in words and c->lang ("P2: sjf picks it for
 * cpu 0; shortest burst 3 (P1 leaves it: ...)"). */
void cmp_at_text(const cmp *c, size_t i, char *buf, size_t size);

void cmp_write_text(FILE *out, const cmp *c);
void cmp_write_json(FILE *out, const cmp *c);
void cmp_write_csv(FILE *out, const cmp *c);

#endif
