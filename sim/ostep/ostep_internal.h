/* ostep_internal.h — what the OSTEP front-ends share (library-
 * internal): reading their options, Python's error exits, and driving the
 * engine tick by tick. */
#ifndef PROCSIM_OSTEP_INTERNAL_H
#define PROCSIM_OSTEP_INTERNAL_H

#include <stdint.h>

#include "ostep_options.h"
#include "procsim/engine.h"
#include "procsim/ostep.h"

/* Keep going: no exit status decided yet. */
#define PS__OSTEP_GO (-1)

/* "procsim: out of memory" on `err`; returns 1. */
int ps__ostep_nomem(ps_out *err);
/* Why engine e stopped short of the end with status st, on `err` as
 * "procsim: SCRIPT: ..." (past the endless-run stop, rule L6: where, and
 * after how many instants; an OSTEP workload ends, only later); returns 1. */
int ps__ostep_stopped(ps_out *err, const char *script, const ps_engine *e, ps_step_status st);
/* The workload a front-end built: the scenario, or NULL after saying on
 * `err` why the builder refused it. */
struct ps_builder;
ps_scenario *ps__ostep_built(struct ps_builder *b, ps_out *err);
/* Python's uncaught exception: a traceback on `err`, exit status 1. */
int ps__ostep_exception(ps_out *err, const char *prog, const char *what);
/* optparse over the program's table.  Returns PS__OSTEP_GO, or the exit
 * status (help: 0, bad options: 2; out of memory: 1). */
int ps__ostep_options(const char *prog, const ps_opt_spec *specs, size_t n, int argc,
                      char **argv, ps_opt_value *v, ps_out *out, ps_out *err);
/* An int option's value, or `dflt` when not given.  Values that do not fit
 * in [min, max] are reported on `err` as something procsim does not
 * reproduce; returns -1 then, else 0. */
int ps__ostep_int(const ps_opt_value *v, int64_t dflt, int64_t min, int64_t max,
                  const char *prog, const char *flag, ps_out *err, int64_t *out);

/* Python's int(text) (base 10): 0, or -1 with a ValueError on `err`. */
int ps__ostep_pyint(const char *text, const char *prog, ps_out *err, int64_t *out);

/* A buffer of output rows written to `out` in large pieces. */
typedef struct ps__rowbuf {
    ps_out *out;
    char buf[16384];
    size_t len;
} ps__rowbuf;
void ps__row_put(ps__rowbuf *r, const char *s, size_t n);
void ps__row_puts(ps__rowbuf *r, const char *s);
/* printf("%*s", width, s) */
void ps__row_pad(ps__rowbuf *r, const char *s, int width);
/* printf("%*lld", width, v) */
void ps__row_int(ps__rowbuf *r, int64_t v, int width);
void ps__row_flush(ps__rowbuf *r);

/* The program-specific halves (ostep_process_run.c, ...): parse and check
 * the arguments into a workload, or return the exit status with the
 * program's messages written; build the workload's scenario; print. */
typedef struct ps__ostep_front {
    const char *script;   /* "process-run.py" */
    /* returns PS__OSTEP_GO with *work set, or an exit status */
    int (*parse)(int argc, char **argv, ps_out *out, ps_out *err, void **work);
    /* the workload as a scenario; NULL and a message on `err` if it
       cannot be one (status 1), or out of memory */
    ps_scenario *(*build)(const void *work, ps_out *err);
    /* everything the program prints once its input is read (running the
       scenario `build` makes, when it solves); returns the exit status */
    int (*print)(const void *work, ps_out *out, ps_out *err);
    void (*free_work)(void *work);
} ps__ostep_front;

extern const ps__ostep_front ps__ostep_process_run, ps__ostep_scheduler, ps__ostep_mlfq,
    ps__ostep_lottery;

#endif
