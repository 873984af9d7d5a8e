/* trace_note.c — a trace's own notes in words (trace.h): the words are
 * trace_note_text.c's, the names the trace's engine's and scenario's. */
#include "trace_note.h"

char *ps_trace_note_format(const ps_trace *t, const ps_trace_note *n, ps_lang lang, char *buf,
                           size_t size)
{
    /* ps_trace_engine takes a trace it may change; looking up names
     * changes nothing */
    const ps_engine *e = t ? ps_trace_engine((ps_trace *)t) : NULL;
    return ps__trace_note_put(e, t ? ps_trace_scenario(t) : NULL, n, lang, buf, size);
}
