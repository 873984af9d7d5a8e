/* fuzz_engine.c — the engine on whatever the loader accepts.
 *
 * Each input is a scenario file's text; what loads is run to its end or
 * to the step bound of fuzz.h, its invariants checked after every step
 * (legal transitions only, one process per CPU, memory held as the
 * resident processes need: ps_engine_check), then its statistics and
 * what a stuck or stopped run says are made. */
#include "fuzz.h"
#include "procsim/scenario.h"
#include "procsim/stats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ps_error err;
    ps_scenario *s = ps_scenario_load_string("fuzz.yaml", (const char *)data, size, &err);
    if (!s)
        return 0;
    ps_engine *e = ps_engine_create(s);
    if (e) {
        fuzz_run_checked(e);
        ps_proc_stats ps;
        for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++)
            ps_stats_proc(e, pid, &ps);
        ps_summary sum;
        ps_stats_summary(e, &sum);
    }
    ps_engine_destroy(e);
    ps_scenario_destroy(s);
    return 0;
}
