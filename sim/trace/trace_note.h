/* trace_note.h — a trace's notes in words (trace_note_text.c), given the
 * engine and scenario that name the processes instead of the trace, so
 * that they can be formatted (and tested) without a running trace.
 * ps_trace_note_format (trace.h) is this for a trace's own.  Internal to
 * sim/trace. */
#ifndef PROCSIM_TRACE_NOTE_H
#define PROCSIM_TRACE_NOTE_H

#include <stddef.h>

#include "procsim/trace.h"

/* As ps_trace_note_format: names of processes from e (ps_engine_pcb), real
 * pids from s (procs[pid - 1].os_pid); either may be NULL (a name then
 * reads "?", a pid its slot number). */
char *ps__trace_note_put(const ps_engine *e, const ps_scenario *s, const ps_trace_note *n,
                         ps_lang lang, char *buf, size_t size);

#endif
