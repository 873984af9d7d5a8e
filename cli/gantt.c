/* gantt.c — a run's Gantt slices (procsim/gantt.h) as JSON.  The text
 * chart is drawn by gantt_draw.c. */
#include "cli.h"

void cli_gantt_json(FILE *out, const ps_gantt *g)
{
    int first = 1;
    putc('[', out);
    for (uint32_t c = 0; c < g->ncpu; c++) {
        for (size_t i = 0; i < g->cpu[c].n; i++) {
            const ps_slice *s = &g->cpu[c].v[i];
            if (!s->pid)
                continue;
            fprintf(out, "%s{\"cpu\":%u,\"pid\":%u,\"name\":", first ? "" : ",", c, s->pid);
            cli_json_string(out, ps_engine_pcb(g->e, s->pid)->name);
            fprintf(out, ",\"from\":%lld,\"to\":%lld}", (long long)s->from, (long long)s->to);
            first = 0;
        }
    }
    putc(']', out);
}
