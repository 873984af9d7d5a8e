/* ostep_options.c — the option tables of process-run.py, scheduler.py,
 * mlfq.py and lottery.py: short and long names, metavars (optparse's
 * dest.upper()) and help strings exactly as the programs declare them, in
 * their order.  The defaults live with the code that reads each option. */
#include "ostep_options.h"

const ps_opt_spec ps__pr_opts[PR_NOPTS] = {
    [PR_SEED] = {'s', "seed", PS_OPT_INT, "SEED", "the random seed"},
    [PR_PROGRAM] = {'P', "program", PS_OPT_STRING, "PROGRAM",
                    "more specific controls over programs"},
    [PR_PROCESSLIST] = {'l', "processlist", PS_OPT_STRING, "PROCESS_LIST",
                        "a comma-separated list of processes to run, in the form "
                        "X1:Y1,X2:Y2,... where X is the number of instructions that "
                        "process should run, and Y the chances (from 0 to 100) that an "
                        "instruction will use the CPU or issue an IO"},
    [PR_IOLENGTH] = {'L', "iolength", PS_OPT_INT, "IO_LENGTH", "how long an IO takes"},
    [PR_SWITCH] = {'S', "switch", PS_OPT_STRING, "PROCESS_SWITCH_BEHAVIOR",
                   "when to switch between processes: SWITCH_ON_IO, SWITCH_ON_END"},
    [PR_IODONE] = {'I', "iodone", PS_OPT_STRING, "IO_DONE_BEHAVIOR",
                   "type of behavior when IO ends: IO_RUN_LATER, IO_RUN_IMMEDIATE"},
    [PR_SOLVE] = {'c', NULL, PS_OPT_FLAG, NULL, "compute answers for me"},
    [PR_PRINTSTATS] = {'p', "printstats", PS_OPT_FLAG, NULL,
                       "print statistics at end; only useful with -c flag (otherwise "
                       "stats are not printed)"},
};

const ps_opt_spec ps__sch_opts[SCH_NOPTS] = {
    [SCH_SEED] = {'s', "seed", PS_OPT_INT, "SEED", "the random seed"},
    [SCH_JOBS] = {'j', "jobs", PS_OPT_INT, "JOBS", "number of jobs in the system"},
    [SCH_JLIST] = {'l', "jlist", PS_OPT_STRING, "JLIST",
                   "instead of random jobs, provide a comma-separated list of run times"},
    [SCH_MAXLEN] = {'m', "maxlen", PS_OPT_INT, "MAXLEN", "max length of job"},
    [SCH_POLICY] = {'p', "policy", PS_OPT_STRING, "POLICY",
                    "sched policy to use: SJF, FIFO, RR"},
    [SCH_QUANTUM] = {'q', "quantum", PS_OPT_INT, "QUANTUM",
                     "length of time slice for RR policy"},
    [SCH_SOLVE] = {'c', NULL, PS_OPT_FLAG, NULL, "compute answers for me"},
};

const ps_opt_spec ps__mlfq_opts[MLFQ_NOPTS] = {
    [MLFQ_SEED] = {'s', "seed", PS_OPT_INT, "SEED", "the random seed"},
    [MLFQ_NUMQUEUES] = {'n', "numQueues", PS_OPT_INT, "NUMQUEUES",
                        "number of queues in MLFQ (if not using -Q)"},
    [MLFQ_QUANTUM] = {'q', "quantum", PS_OPT_INT, "QUANTUM",
                      "length of time slice (if not using -Q)"},
    [MLFQ_ALLOTMENT] = {'a', "allotment", PS_OPT_INT, "ALLOTMENT",
                        "length of allotment (if not using -A)"},
    [MLFQ_QUANTUMLIST] = {'Q', "quantumList", PS_OPT_STRING, "QUANTUMLIST",
                          "length of time slice per queue level, specified as x,y,z,... "
                          "where x is the quantum length for the highest priority "
                          "queue, y the next highest, and so forth"},
    [MLFQ_ALLOTMENTLIST] = {'A', "allotmentList", PS_OPT_STRING, "ALLOTMENTLIST",
                            "length of time allotment per queue level, specified as "
                            "x,y,z,... where x is the # of time slices for the highest "
                            "priority queue, y the next highest, and so forth"},
    [MLFQ_NUMJOBS] = {'j', "numJobs", PS_OPT_INT, "NUMJOBS", "number of jobs in the system"},
    [MLFQ_MAXLEN] = {'m', "maxlen", PS_OPT_INT, "MAXLEN",
                     "max run-time of a job (if randomly generating)"},
    [MLFQ_MAXIO] = {'M', "maxio", PS_OPT_INT, "MAXIO",
                    "max I/O frequency of a job (if randomly generating)"},
    [MLFQ_BOOST] = {'B', "boost", PS_OPT_INT, "BOOST",
                    "how often to boost the priority of all jobs back to high priority"},
    [MLFQ_IOTIME] = {'i', "iotime", PS_OPT_INT, "IOTIME",
                     "how long an I/O should last (fixed constant)"},
    [MLFQ_STAY] = {'S', "stay", PS_OPT_FLAG, NULL,
                   "reset and stay at same priority level when issuing I/O"},
    [MLFQ_IOBUMP] = {'I', "iobump", PS_OPT_FLAG, NULL,
                     "if specified, jobs that finished I/O move immediately to front of "
                     "current queue"},
    [MLFQ_JLIST] = {'l', "jlist", PS_OPT_STRING, "JLIST",
                    "a comma-separated list of jobs to run, in the form "
                    "x1,y1,z1:x2,y2,z2:... where x is start time, y is run time, and z "
                    "is how often the job issues an I/O request"},
    [MLFQ_SOLVE] = {'c', NULL, PS_OPT_FLAG, NULL, "compute answers for me"},
};

const ps_opt_spec ps__lot_opts[LOT_NOPTS] = {
    [LOT_SEED] = {'s', "seed", PS_OPT_INT, "SEED", "the random seed"},
    [LOT_JOBS] = {'j', "jobs", PS_OPT_INT, "JOBS", "number of jobs in the system"},
    [LOT_JLIST] = {'l', "jlist", PS_OPT_STRING, "JLIST",
                   "instead of random jobs, provide a comma-separated list of run times "
                   "and ticket values (e.g., 10:100,20:100 would have two jobs with "
                   "run-times of 10 and 20, each with 100 tickets)"},
    [LOT_MAXLEN] = {'m', "maxlen", PS_OPT_INT, "MAXLEN", "max length of job"},
    [LOT_MAXTICKET] = {'T', "maxticket", PS_OPT_INT, "MAXTICKET",
                       "maximum ticket value, if randomly assigned"},
    [LOT_QUANTUM] = {'q', "quantum", PS_OPT_INT, "QUANTUM", "length of time slice"},
    [LOT_SOLVE] = {'c', "compute", PS_OPT_FLAG, NULL, "compute answers for me"},
};
