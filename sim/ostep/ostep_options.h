/* ostep_options.h — the command-line options of the four OSTEP homework
 * programs, as optparse tables (optparse.h), in the order each program
 * declares them (which is the order of its help text).  Private to sim/. */
#ifndef PROCSIM_OSTEP_OPTIONS_H
#define PROCSIM_OSTEP_OPTIONS_H

#include <stddef.h>

#include "optparse.h"

/* process-run.py */
enum { PR_SEED, PR_PROGRAM, PR_PROCESSLIST, PR_IOLENGTH, PR_SWITCH, PR_IODONE,
       PR_SOLVE, PR_PRINTSTATS, PR_NOPTS };
extern const ps_opt_spec ps__pr_opts[PR_NOPTS];

/* scheduler.py */
enum { SCH_SEED, SCH_JOBS, SCH_JLIST, SCH_MAXLEN, SCH_POLICY, SCH_QUANTUM,
       SCH_SOLVE, SCH_NOPTS };
extern const ps_opt_spec ps__sch_opts[SCH_NOPTS];

/* mlfq.py */
enum { MLFQ_SEED, MLFQ_NUMQUEUES, MLFQ_QUANTUM, MLFQ_ALLOTMENT, MLFQ_QUANTUMLIST,
       MLFQ_ALLOTMENTLIST, MLFQ_NUMJOBS, MLFQ_MAXLEN, MLFQ_MAXIO, MLFQ_BOOST,
       MLFQ_IOTIME, MLFQ_STAY, MLFQ_IOBUMP, MLFQ_JLIST, MLFQ_SOLVE, MLFQ_NOPTS };
extern const ps_opt_spec ps__mlfq_opts[MLFQ_NOPTS];

/* lottery.py */
enum { LOT_SEED, LOT_JOBS, LOT_JLIST, LOT_MAXLEN, LOT_MAXTICKET, LOT_QUANTUM, LOT_SOLVE,
       LOT_NOPTS };
extern const ps_opt_spec ps__lot_opts[LOT_NOPTS];

#endif
