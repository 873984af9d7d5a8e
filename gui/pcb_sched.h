/* pcb_sched.h — the scheduling part of the PCB panel: the priority (or
 * the MLFQ level) and what the run's policy keeps of the process, as text
 * in either language, with no SDL, so tests read it without a window.
 *
 *   priority: base 0, now 0           every policy but mlfq
 *   level 1: quantum left 2, ...      mlfq (the allotment with OSTEP's rules)
 *   predicted burst τ 7.5             sjf, srtf, hrrn with burst_estimate
 *   response ratio 2.25               hrrn, while Ready
 *   tickets 100, pass 12.5            lottery (tickets), stride (and pass)
 *   nice 0, vruntime 3.5              cfs
 *   queue 1: rr, quantum 2            mlq: the process's band and its policy
 */
#ifndef PROCSIM_GUI_PCB_SCHED_H
#define PROCSIM_GUI_PCB_SCHED_H

#include <stddef.h>
#include <stdint.h>

#include "i18n.h"
#include "procsim/scenario.h"

/* bytes of a line, NUL included: two names whole ("pid 3  NAME  parent NAME") */
#define GUI_PCB_LINE (2 * PS_NAME_MAX_BYTES + 64)
#define GUI_PCB_SCHED_LINES 4  /* lines at most */

/* The scheduling lines of process `pid` of model engine `e` in `lang`,
 * written to lines[0..n) (each NUL-terminated, cut if too long); returns
 * n, at least 1. */
int gui_pcb_sched_lines(const ps_engine *e, uint32_t pid, gui_lang lang,
                        char lines[GUI_PCB_SCHED_LINES][GUI_PCB_LINE]);

#endif
