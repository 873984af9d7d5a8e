/* compare.c — the compare view's model (compare.h): N engines of one
 * workload on one clock, their Gantt recorders, where they first part. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "i18n.h"

/* A message in the language: both wordings take the same arguments (the
 * compiler checks both arms). */
#define SAY(lang, en, ko, ...) snprintf(err, errsize, (lang) == PS_LANG_KO ? (ko) : (en), __VA_ARGS__)

/* ---- the policies ------------------------------------------------------ */

int gui_cmp_parse(const char *list, ps_policy *policy, int64_t *quantum, size_t *n,
                  ps_lang lang, char *err, size_t errsize)
{
    const char *p = list;
    ps_error perr;
    *n = 0;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[64];
        if (!len) {
            SAY(lang, "--compare: an empty policy in '%.80s' (policies are separated by single "
                      "commas: fcfs,rr:4)", "--compare: '%.80s'에 빈 정책이 있습니다(정책은 쉼표 "
                      "하나로 나눕니다: fcfs,rr:4)", list);
            return -1;
        }
        if (*n == GUI_CMP_MAX) {
            SAY(lang, "--compare: at most %d policies side by side, got more in '%.80s'",
                "--compare: 나란히 놓을 수 있는 정책은 %d개까지인데 '%.80s'에는 더 있습니다",
                GUI_CMP_MAX, list);
            return -1;
        }
        snprintf(item, sizeof item, "%.*s", (int)(len < 63 ? len : 63), p);
        if (ps_policy_parse(item, &policy[*n], &quantum[*n], &perr)) {
            snprintf(err, errsize, "--compare: %s", ps_error_in(&perr, lang));
            return -1;
        }
        ++*n;
        if (!comma)
            break;
        p = comma + 1;
    }
    if (*n < GUI_CMP_MIN) {
        SAY(lang, "--compare wants two to four policies separated by commas (fcfs,rr:4), got "
                  "only '%.80s'", "--compare에는 쉼표로 나눈 정책이 둘에서 넷까지 있어야 "
                  "합니다(fcfs,rr:4); '%.80s'뿐입니다", list);
        return -1;
    }
    return 0;
}

/* ---- one run ----------------------------------------------------------- */

static void keep_last(void *ctx, const ps_trace_event *ev)
{
    gui_cmp_run *r = ctx;
    if (ev->time != r->last_at) {
        r->nlast = 0;
        r->last_at = ev->time;
    }
    if (r->nlast < GUI_CMP_LAST)
        r->last[r->nlast++] = *ev;
}

static int start_run(gui_cmp_run *r)
{
    ps_gantt_fini(&r->g);
    ps_engine_destroy(r->e);
    r->e = ps_engine_create(r->s);
    if (!r->e || ps_gantt_init(&r->g, r->e))
        return -1;
    ps_engine_set_listener(r->e, keep_last, r);
    r->st = PS_STEP_OK;
    r->nlast = 0;
    r->last_at = -1;
    memset(&r->sum, 0, sizeof r->sum);
    return 0;
}

static void step_run(gui_cmp *c, gui_cmp_run *r)
{
    r->st = ps_engine_step(r->e);
    ps_gantt_sample(&r->g);
    if (r->g.nomem) {
        r->st = PS_STEP_NOMEM;
        c->nomem = 1;
    }
    if (r->st != PS_STEP_OK) {
        ps_gantt_finish(&r->g);
        ps_stats_summary(r->e, &r->sum);
    }
}

/* ---- the view's clock -------------------------------------------------- */

/* Where runs i and j first part by the clock, on which CPU in *cpu; -1:
 * not yet.  ps_gantt_differ compares them up to the later of the two
 * (its last instant, or its end); from there to the clock neither has
 * stepped, so what is on each CPU then is what is on it at the clock. */
static int64_t differ(const gui_cmp *c, size_t i, size_t j, uint32_t *cpu)
{
    const ps_gantt *a = &c->run[i].g, *b = &c->run[j].g;
    int64_t t = ps_gantt_differ(a, b, cpu);
    if (t >= 0 || !c->instants)
        return t;
    int64_t ea = a->end >= 0 ? a->end : ps_engine_now(a->e);
    int64_t eb = b->end >= 0 ? b->end : ps_engine_now(b->e);
    for (uint32_t k = 0; k < a->ncpu && k < b->ncpu; k++)
        if (ps_gantt_at(a, k, c->now) != ps_gantt_at(b, k, c->now)) {
            *cpu = k;
            return ea > eb ? ea : eb;
        }
    return -1;
}

static void find_divergence(gui_cmp *c)
{
    c->first = -1;
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = i + 1; j < c->n; j++) {
            uint32_t cpu = 0;
            int64_t t = differ(c, i, j, &cpu);
            c->pair[i][j] = c->pair[j][i] = t;
            c->pair_cpu[i][j] = c->pair_cpu[j][i] = cpu;
            if (t >= 0 && (c->first < 0 || t < c->first || (t == c->first && cpu < c->first_cpu))) {
                c->first = t;
                c->first_cpu = cpu;
            }
        }
}

int gui_cmp_step(gui_cmp *c)
{
    int64_t next = -1;
    int moved = 0;
    for (size_t i = 0; i < c->n; i++) {
        const gui_cmp_run *r = &c->run[i];
        int64_t t = r->st == PS_STEP_OK ? ps_engine_next(r->e) : -1;
        if (t >= 0 && (next < 0 || t < next))
            next = t;
    }
    for (size_t i = 0; i < c->n; i++) {
        gui_cmp_run *r = &c->run[i];
        int64_t t = r->st == PS_STEP_OK ? ps_engine_next(r->e) : -2;
        /* nothing pending (-1): its step says how it ends (done, stuck) */
        if (t == -1 || (t >= 0 && t == next)) {
            step_run(c, r);
            moved = 1;
        }
    }
    if (!moved)
        return 0;
    if (next >= 0)
        c->now = next;
    c->instants++;
    find_divergence(c);
    return 1;
}

int gui_cmp_done(const gui_cmp *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->run[i].st == PS_STEP_OK)
            return 0;
    return 1;
}

int gui_cmp_restart(gui_cmp *c)
{
    c->now = 0;
    c->instants = 0;
    c->first = -1;
    c->wait = 0.6;
    for (size_t i = 0; i < c->n; i++) {
        if (start_run(&c->run[i])) {
            c->nomem = 1;
            return -1;
        }
        for (size_t j = 0; j < c->n; j++)
            c->pair[i][j] = -1;
    }
    return 0;
}

int gui_cmp_back(gui_cmp *c)
{
    if (c->instants == 0)
        return -1;
    uint32_t target = c->instants - 1;
    if (gui_cmp_restart(c))
        return -1;
    while (c->instants < target && gui_cmp_step(c))
        ;
    return c->nomem ? -1 : 0;
}

/* Seconds before the next instant at 1x, from the ticks it skips. */
static double gap_seconds(const gui_cmp *c)
{
    int64_t next = -1;
    for (size_t i = 0; i < c->n; i++) {
        int64_t t = c->run[i].st == PS_STEP_OK ? ps_engine_next(c->run[i].e) : -1;
        if (t >= 0 && (next < 0 || t < next))
            next = t;
    }
    double s = next > c->now ? (double)(next - c->now) * 0.25 : 0.25;
    return s < 0.6 ? 0.6 : s > 2.0 ? 2.0 : s;
}

void gui_cmp_advance(gui_cmp *c, double dt, double speed, int paused)
{
    if (paused || gui_cmp_done(c))
        return;
    c->wait -= dt * speed;
    if (c->wait > 0)
        return;
    gui_cmp_step(c);
    c->wait = gap_seconds(c);
}

uint32_t gui_cmp_at(const gui_cmp *c, size_t i, uint32_t cpu, int64_t t)
{
    return t <= c->now ? ps_gantt_at(&c->run[i].g, cpu, t) : 0;
}

uint32_t gui_cmp_ncpus(const gui_cmp *c)
{
    return c->n ? c->run[0].g.ncpu : 0;
}

/* ---- open and close ---------------------------------------------------- */

static ps_scenario *load(const char *path, const char *text, size_t len, const char *name,
                         ps_error *err)
{
    if (text)
        return ps_scenario_load_string(name, text, len, err);
    return path ? ps_scenario_load_file(path, err) : ps_scenario_load_tour(err);
}

int gui_cmp_open(gui_cmp *c, const char *path, const char *text, size_t len, const char *name,
                 const char *list, ps_lang lang, char *err, size_t errsize)
{
    ps_policy policy[GUI_CMP_MAX];
    int64_t quantum[GUI_CMP_MAX];
    ps_error perr;
    size_t n;
    memset(c, 0, sizeof *c);
    if (gui_cmp_parse(list, policy, quantum, &n, lang, err, errsize))
        return -1;
    c->n = n;
    for (size_t i = 0; i < n; i++) {
        gui_cmp_run *r = &c->run[i];
        if (!(r->s = load(path, text, len, name, &perr))) {
            snprintf(err, errsize, "%s", ps_error_in(&perr, lang));
            goto fail;
        }
        if (ps_scenario_set_policy(r->s, policy[i], quantum[i], &perr)) {
            snprintf(err, errsize, "--compare: %s", ps_error_in(&perr, lang));
            goto fail;
        }
        gui_policy_text(r->s, r->label, sizeof r->label);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(c->run[j].label, r->label)) {
                SAY(lang, "--compare: %s is given twice (the policies side by side must differ)",
                    "--compare: %s이(가) 두 번 있습니다(나란히 놓을 정책은 서로 달라야 합니다)",
                    r->label);
                goto fail;
            }
    }
    if (gui_cmp_restart(c)) {
        SAY(lang, "out of memory%s", "메모리가 모자랍니다%s", "");
        goto fail;
    }
    return 0;
fail:
    gui_cmp_close(c);
    return -1;
}

void gui_cmp_close(gui_cmp *c)
{
    for (size_t i = 0; i < GUI_CMP_MAX; i++) {
        ps_gantt_fini(&c->run[i].g);
        ps_engine_destroy(c->run[i].e);
        ps_scenario_destroy(c->run[i].s);
    }
    memset(c, 0, sizeof *c);
}
