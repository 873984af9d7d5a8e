/* sim.c — see sim.h. */
#include "sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "motion.h"

static void record(gui_sim *g, const ps_trace_event *ev, char kstate, uint8_t reporter)
{
    if (g->nlog == g->caplog) {
        size_t ncap = g->caplog ? g->caplog * 2 : 256;
        gui_tr *nv = realloc(g->log, ncap * sizeof *nv);
        if (!nv)
            return; /* the history stops growing; the run goes on */
        g->log = nv;
        g->caplog = ncap;
    }
    g->log[g->nlog] = (gui_tr){.ev = *ev, .kstate = kstate, .reporter = reporter};
    gui_motion_take(g, ev, (int64_t)g->nlog);
    g->nlog++;
}

static void on_model(void *ctx, const ps_trace_event *ev)
{
    record(ctx, ev, 0, 0);
}

/* Keeps the op event; the listener may not call back into the engine,
 * and does not. */
static void on_op(void *ctx, const ps_op_event *ev)
{
    gui_sim *g = ctx;
    if (g->nops == GUI_OPS) {
        g->first_op = (g->first_op + 1) % GUI_OPS;
        g->nops--;
    }
    g->ops[(g->first_op + g->nops++) % GUI_OPS] = (gui_op){.ev = *ev, .at = g->clock, .after = g->nlog};
    /* each write is an increment done; what the shared value is short of
     * them is lost (docs/engine.md OE-lost) */
    uint32_t v = ev->object;
    if (v >= g->s->variables.count || g->s->var_private[v])
        return;
    if (ev->op == PS_OPE_WRITE)
        g->lost[v] = ++g->writes[v] - ev->value;
    else if (ev->op == PS_OPE_READ && ev->pid >= 1 && ev->pid <= g->s->nprocs)
        g->read_at[ev->pid - 1] = g->writes[v];
}

const gui_op *gui_sim_op(const gui_sim *g, uint32_t i)
{
    return i < g->nops ? &g->ops[(g->first_op + i) % GUI_OPS] : NULL;
}

const gui_op *gui_sim_lost_update(const gui_sim *g, uint32_t var, double seconds)
{
    for (uint32_t i = g->nops; i-- > 0;) {
        const gui_op *o = gui_sim_op(g, i);
        if (o->at < 0 || g->clock - o->at > seconds)
            return NULL;
        if (o->ev.op == PS_OPE_WRITE && o->ev.lost_update && o->ev.object == var)
            return o;
    }
    return NULL;
}

static void on_live(void *ctx, const ps_live_event *ev)
{
    record(ctx, &ev->ev, ev->kstate, ev->reporter);
}

static void on_restop(void *ctx, const ps_live_restop *r)
{
    gui_sim *g = ctx;
    g->restop = *r;
    g->restop_unsaid = 1;
}

/* ---- trace mode: notes and output -------------------------------------- */

/* Keep `len` bytes and a NUL at the end of the notes' text; -1 if out of
 * memory (the note is then dropped, the run goes on). */
static int keep_text(gui_sim *g, const char *text, size_t len, size_t *off)
{
    if (g->note_len + len + 1 > g->note_cap) {
        size_t ncap = g->note_cap ? g->note_cap : 4096;
        while (g->note_len + len + 1 > ncap)
            ncap *= 2;
        char *nv = realloc(g->note_text, ncap);
        if (!nv)
            return -1;
        g->note_text = nv;
        g->note_cap = ncap;
    }
    *off = g->note_len;
    memcpy(g->note_text + g->note_len, text, len);
    g->note_text[g->note_len + len] = 0;
    g->note_len += len + 1;
    return 0;
}

static void keep_note(gui_sim *g, const ps_trace_note *n)
{
    size_t off;
    if (g->nnotes == g->capnotes) {
        size_t ncap = g->capnotes ? g->capnotes * 2 : 64;
        gui_note *nv = realloc(g->notes, ncap * sizeof *nv);
        if (!nv)
            return;
        g->notes = nv;
        g->capnotes = ncap;
    }
    if (keep_text(g, n->text ? n->text : "", n->text ? strnlen(n->text, n->len) : 0, &off))
        return;
    gui_note *k = &g->notes[g->nnotes++];
    k->n = *n;
    k->n.text = NULL; /* valid during the call only */
    k->off = off;
    k->after = g->nlog;
}

static struct gui_out_line *out_newest(gui_out *o)
{
    return &o->line[(o->first + o->n - 1) % GUI_OUT_LINES];
}

static void out_new_line(gui_out *o, uint8_t stream)
{
    if (o->n == GUI_OUT_LINES) {
        o->first = (o->first + 1) % GUI_OUT_LINES;
        o->n--;
    }
    o->n++;
    struct gui_out_line *l = out_newest(o);
    l->stream = stream;
    l->cut = 0;
    l->len = 0;
    l->text[0] = 0;
    o->open = 1;
}

/* A line full at GUI_OUT_COLS bytes may end inside a character: that
 * character goes. */
static void cut_line(struct gui_out_line *l)
{
    size_t k = l->len;
    while (k > 0 && ((unsigned char)l->text[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0) {
        unsigned char lead = (unsigned char)l->text[k - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (l->len - (k - 1) < need)
            l->len = (uint16_t)(k - 1);
    }
    l->text[l->len] = 0;
    l->cut = 1;
}

/* The program's bytes on `stream` into lines: a line ends at a newline, or
 * where the other stream takes over; control characters are shown as
 * spaces, and a carriage return is dropped. */
static void out_add(gui_out *o, uint8_t stream, const char *text, size_t len)
{
    o->bytes += len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            if (!o->open || out_newest(o)->stream != stream)
                out_new_line(o, stream); /* an empty line */
            o->open = 0;
            continue;
        }
        if (c == '\r')
            continue;
        if (!o->open || out_newest(o)->stream != stream)
            out_new_line(o, stream);
        struct gui_out_line *l = out_newest(o);
        if (l->cut)
            continue;
        l->text[l->len++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
        l->text[l->len] = 0;
        if (l->len == GUI_OUT_COLS)
            cut_line(l);
    }
}

static void on_note(void *ctx, const ps_trace_note *n)
{
    gui_sim *g = ctx;
    if (n->kind == PS_TN_OUTPUT) /* the program's own, not an event */
        out_add(g->out, n->a == 2 ? 2 : 1, n->text, n->len);
    else
        keep_note(g, n);
}

char *gui_sim_note_format(const gui_sim *g, const gui_note *n, ps_lang lang, char *buf,
                          size_t size)
{
    ps_trace_note k = n->n;
    k.text = g->note_text + n->off;
    k.len = strlen(k.text);
    if (!g->trace) { /* the trace is gone (closing): nothing to name them by */
        if (size)
            buf[0] = 0;
        return buf;
    }
    return ps_trace_note_format(g->trace, &k, lang, buf, size);
}

char *gui_sim_note_line(const gui_sim *g, const gui_note *n, ps_lang lang, char *buf,
                        size_t size)
{
    char words[240];
    gui_sim_note_format(g, n, lang, words, sizeof words);
    uint32_t pid = n->n.pid;
    if (pid) /* "·" sets it apart from a transition's line */
        snprintf(buf, size, "%5lld %-10s · %s [pid %d]", (long long)n->n.time,
                 ps_engine_pcb(g->e, pid)->name, words,
                 (int)ps_engine_scenario(g->e)->procs[pid - 1].os_pid);
    else
        snprintf(buf, size, "%5lld · %s", (long long)n->n.time, words);
    return buf;
}

int gui_sim_zombie(const gui_sim *g, uint32_t pid)
{
    if (!g->trace_mode || !g->e || pid < 1 || pid > ps_engine_nprocs(g->e))
        return 0;
    const ps_pcb *p = ps_engine_pcb(g->e, pid);
    return p->created && p->state == PS_EXIT && !p->reaped;
}

uint32_t gui_sim_shown(const gui_sim *g)
{
    if (!g->e)
        return 0;
    uint32_t n = ps_engine_nprocs(g->e), k = 0;
    if (!g->trace_mode)
        return n;
    for (uint32_t pid = 1; pid <= n; pid++)
        k += ps_engine_pcb(g->e, pid)->created;
    return k;
}

/* Create the engine (and live backend) for g->s; in trace mode the
 * trace's engine is shown. */
static int start(gui_sim *g, char *err, size_t errsize)
{
    ps_error perr;
    g->e = g->trace ? ps_trace_engine(g->trace) : ps_engine_create(g->s);
    g->tok = calloc(g->s->nprocs, sizeof *g->tok);
    g->lost = calloc(g->s->variables.count + 1, sizeof *g->lost);
    g->writes = calloc(g->s->variables.count + 1, sizeof *g->writes);
    g->read_at = calloc(g->s->nprocs + 1, sizeof *g->read_at);
    if (!g->e || !g->tok || !g->lost || !g->writes || !g->read_at ||
        ps_gantt_init(&g->gantt, g->e)) {
        snprintf(err, errsize, "%s", g->lang == PS_LANG_KO ? "메모리가 모자랍니다" : "out of memory");
        return -1;
    }
    gui_motion_settle(g, 1); /* no token shown before its process is created */
    if (g->trace) { /* its engine's own listener is the trace's */
        ps_trace_set_listener(g->trace, on_live, g);
        ps_trace_set_note_listener(g->trace, on_note, g);
    } else if (g->live_mode) {
        g->live = ps_live_create(g->e, &perr);
        if (!g->live) {
            snprintf(err, errsize, "%s", ps_error_in(&perr, g->lang));
            return -1;
        }
        ps_live_set_listener(g->live, on_live, g);
        ps_live_set_restop_listener(g->live, on_restop, g);
    } else {
        ps_engine_set_listener(g->e, on_model, g);
    }
    if (!g->trace) /* the same engine, live or not; a trace's has none */
        ps_engine_set_op_listener(g->e, on_op, g);
    g->first_op = g->nops = 0;
    g->status = PS_STEP_OK;
    g->instants = 0;
    g->nlog = 0;
    g->wait = 0.3;
    for (int l = 0; l < PS_LANG_COUNT; l++)
        g->report[l][0] = g->stuck[l][0] = 0;
    return 0;
}

static void stop(gui_sim *g)
{
    ps_gantt_fini(&g->gantt); /* safe when never made */
    ps_live_destroy(g->live); /* kills and reaps the real processes */
    if (g->trace_mode)
        ps_trace_destroy(g->trace); /* kills and reaps the tree; frees e and s */
    else
        ps_engine_destroy(g->e);
    g->trace = NULL;
    free(g->tok);
    free(g->lost);
    free(g->writes);
    free(g->read_at);
    g->writes = g->read_at = NULL;
    g->live = NULL;
    g->e = NULL;
    g->tok = NULL;
    g->lost = NULL;
}

static void quiz_resync(gui_sim *g);

/* g->policy given to `s`; -1 with why in *perr. */
static int apply_policy(const gui_sim *g, ps_scenario *s, ps_error *perr)
{
    ps_policy policy;
    int64_t quantum;
    if (!g->policy)
        return 0;
    if (ps_policy_parse(g->policy, &policy, &quantum, perr))
        return -1;
    return ps_scenario_set_policy(s, policy, quantum, perr);
}

/* Shows the loaded scenario `s` (NULL: the load failed with perr). */
static int open_loaded(gui_sim *g, ps_scenario *s, ps_error *perr, const char *path,
                       int live, char *err, size_t errsize)
{
    if (s && apply_policy(g, s, perr)) {
        ps_scenario_destroy(s);
        s = NULL;
    }
    if (!s) {
        snprintf(err, errsize, "%s", ps_error_in(perr, g->lang));
        return -1;
    }
    /* The scenario loaded: now the old run goes, before the new starts (a
     * live backend holds the signal mask; two must never overlap). */
    int quiz = g->quiz && g->quiz->on;
    char follow[PS_NAME_MAX_BYTES + 1] = ""; /* the quiz follows the same name in the new scenario */
    if (quiz)
        snprintf(follow, sizeof follow, "%s", g->s->procs[g->quiz->follow - 1].name);
    gui_sim_close(g);
    g->s = s;
    g->live_mode = live;
    snprintf(g->path, sizeof g->path, "%s", path ? path : "");
    if (start(g, err, errsize)) {
        gui_sim_close(g);
        return -1;
    }
    if (quiz && !live) { /* a new quiz on the new scenario (not live) */
        uint32_t pid = 1;
        for (uint32_t i = 0; i < s->nprocs; i++)
            if (!strcmp(s->procs[i].name, follow))
                pid = i + 1;
        g->quiz->nitems = 0; /* its answers were about the old one */
        gui_sim_quiz_sync(g, pid);
    }
    return 0;
}

int gui_sim_open(gui_sim *g, const char *path, int live, char *err, size_t errsize)
{
    ps_error perr;
    ps_scenario *s = path ? ps_scenario_load_file(path, &perr) : ps_scenario_load_tour(&perr);
    return open_loaded(g, s, &perr, path, live, err, errsize);
}

int gui_sim_open_text(gui_sim *g, const char *name, const char *text, size_t len, int live,
                      char *err, size_t errsize)
{
    ps_error perr;
    ps_scenario *s = ps_scenario_load_string(name, text, len, &perr);
    return open_loaded(g, s, &perr, NULL, live, err, errsize);
}

static void note_end(gui_sim *g);
static void gantt_sample(gui_sim *g);

int gui_sim_open_trace(gui_sim *g, const ps_trace_options *o, char *err, size_t errsize)
{
    ps_error perr;
    gui_sim_close(g); /* a live backend goes before the trace takes the signals */
    g->out = calloc(1, sizeof *g->out);
    if (!g->out) {
        snprintf(err, errsize, "%s", g->lang == PS_LANG_KO ? "메모리가 모자랍니다" : "out of memory");
        return -1;
    }
    g->trace = ps_trace_start(o, &perr);
    if (!g->trace) {
        snprintf(err, errsize, "%s", ps_error_in(&perr, g->lang));
        gui_sim_close(g);
        return -1;
    }
    g->trace_mode = 1;
    /* the trace's own, read only: never changed here, destroyed with it */
    g->s = (ps_scenario *)ps_trace_scenario(g->trace);
    if (start(g, err, errsize)) {
        gui_sim_close(g);
        return -1;
    }
    ps_trace_command(g->trace, g->command, sizeof g->command);
    return 0;
}

void gui_sim_trace_wait(gui_sim *g, int64_t ns)
{
    if (!g->trace)
        return;
    int64_t end = ps_trace_wall_us(g->trace) * 1000 + ns;
    while (g->status == PS_STEP_OK) {
        int64_t left = end - ps_trace_wall_us(g->trace) * 1000, due = ps_trace_due_ns(g->trace);
        if (left <= 0)
            break;
        g->status = ps_trace_poll(g->trace, due < 0 ? 0 : due < left ? due : left);
        note_end(g);
        gantt_sample(g);
    }
}

void gui_sim_close(gui_sim *g)
{
    if (g->quiz)
        gui_quiz_stop(g->quiz); /* its engine runs on the scenario going now */
    int traced = g->trace_mode;
    stop(g);
    if (!traced)
        ps_scenario_destroy(g->s);
    free(g->log);
    free(g->acts);
    free(g->notes);
    free(g->note_text);
    free(g->out);
    gui_quiz *quiz = g->quiz; /* the quiz goes on with the next scenario */
    ps_lang lang = g->lang;
    const char *policy = g->policy; /* and the session's policy */
    memset(g, 0, sizeof *g);
    g->quiz = quiz;
    g->lang = lang;
    g->policy = policy;
}

int gui_sim_restart(gui_sim *g, char *err, size_t errsize)
{
    if (g->trace_mode) { /* a real program cannot be run again from here */
        snprintf(err, errsize, "%s", g->lang == PS_LANG_KO ? "추적하는 프로그램은 다시 시작할 수 없습니다"
                                                           : "a traced program cannot be restarted");
        return -1;
    }
    stop(g);
    int rc = start(g, err, errsize);
    if (!rc)
        quiz_resync(g);
    return rc;
}

/* Why a live or traced run failed, in `l`; NULL if it did not. */
static const char *failure(const gui_sim *g, ps_lang l)
{
    if (g->trace && g->status == PS_STEP_NOMEM)
        return gui_word_text(GUI_W_NO_MEMORY, gui_lang_of(l));
    if (g->status != PS_STEP_FAILED)
        return NULL;
    return g->trace ? ps_trace_error(g->trace, l) : ps_live_error(g->live, l);
}

static void note_end(gui_sim *g)
{
    for (int l = 0; l < PS_LANG_COUNT; l++) {
        const char *why = failure(g, (ps_lang)l);
        if (why)
            snprintf(g->report[l], sizeof g->report[l], "%s %s",
                     gui_word_text(g->trace ? GUI_W_TRACE_FAILED : GUI_W_LIVE_FAILED,
                                   gui_lang_of((ps_lang)l)), why);
    }
    for (int l = 0; g->status == PS_STEP_STUCK && g->e && l < PS_LANG_COUNT; l++)
        ps_engine_stuck(g->e, (ps_lang)l, g->stuck[l], sizeof g->stuck[l]);
    for (int l = 0; g->status == PS_STEP_RUNAWAY && g->e && l < PS_LANG_COUNT; l++)
        ps_engine_runaway_text(g->e, (ps_lang)l, g->stuck[l], sizeof g->stuck[l]);
}

/* After each step: the CPUs' slices, closed when the run ends. */
static void gantt_sample(gui_sim *g)
{
    ps_gantt_sample(&g->gantt);
    if (g->status != PS_STEP_OK)
        ps_gantt_finish(&g->gantt);
}

static ps_step_status step(gui_sim *g)
{
    if (g->status != PS_STEP_OK)
        return g->status;
    g->status = g->trace  ? ps_trace_poll(g->trace, 0)
                : g->live ? ps_live_step(g->live)
                          : ps_engine_step(g->e);
    g->instants++;
    note_end(g);
    gantt_sample(g);
    return g->status;
}

ps_step_status gui_sim_step(gui_sim *g)
{
    if (g->status == PS_STEP_OK && g->quiz && g->quiz->on && gui_quiz_hold(g->quiz)) {
        gui_motion_quiz_place(g);
        return g->status; /* a question is open: the step waits for the answer */
    }
    step(g);
    if (g->quiz && g->quiz->on)
        gui_quiz_stepped(g->quiz);
    return g->status;
}

static int (*const act_fn[])(ps_engine *, uint32_t) = {ps_engine_suspend, ps_engine_resume,
                                                        ps_engine_kill};

/* Re-apply to `e` the user's actions taken after `instants` steps. */
static void replay_into(void *ctx, ps_engine *e, uint32_t instants)
{
    const gui_sim *g = ctx;
    for (size_t i = 0; i < g->nacts; i++)
        if (g->acts[i].at == instants)
            act_fn[g->acts[i].what](e, g->acts[i].pid);
}

static void replay(gui_sim *g)
{
    replay_into(g, g->e, g->instants);
}

int gui_sim_quiz_sync(gui_sim *g, uint32_t follow)
{
    if (!g->quiz || g->live || g->trace_mode || !g->e)
        return -1;
    int rc = gui_quiz_start(g->quiz, g->s, follow, g->instants, replay_into, g);
    gui_motion_settle(g, 0); /* where an earlier question had put its token */
    return rc;
}

static double gap_seconds(const gui_sim *g);

int gui_sim_quiz_answer(gui_sim *g, ps_state s)
{
    const ps_trace_event *q = gui_sim_quiz_question(g);
    if (!q)
        return -1;
    ps_trace_event ev = *q;
    int right = gui_quiz_answer(g->quiz, s);
    if (gui_quiz_question(g->quiz)) { /* more of this instant: the token goes ahead */
        gui_motion_take(g, &ev, g->tok[ev.pid - 1].lit_tr);
    } else { /* the instant answered about is shown now, its whole pause long */
        gui_sim_step(g);
        g->wait = gap_seconds(g);
    }
    return right;
}

static void quiz_resync(gui_sim *g)
{
    if (g->quiz && g->quiz->on)
        gui_sim_quiz_sync(g, g->quiz->follow);
}

int gui_sim_back(gui_sim *g)
{
    if (g->live || g->trace_mode || g->instants == 0)
        return -1;
    uint32_t target = g->instants - 1;
    char err[256];
    if (gui_sim_restart(g, err, sizeof err))
        return -1;
    replay(g);
    while (g->instants < target && step(g) == PS_STEP_OK)
        replay(g);
    size_t keep = 0; /* what was done later is undone */
    for (size_t i = 0; i < g->nacts; i++)
        if (g->acts[i].at <= target)
            g->acts[keep++] = g->acts[i];
    g->nacts = keep;
    gui_motion_settle(g, 1); /* [SYNC4]: no replayed motion */
    for (uint32_t i = 0; i < g->nops; i++) /* nor flashes */
        g->ops[(g->first_op + i) % GUI_OPS].at = -1;
    g->wait = 0.6;
    quiz_resync(g);
    return 0;
}

int gui_sim_done(const gui_sim *g)
{
    return g->status != PS_STEP_OK;
}

/* Pause before the next instant of a model run. */
static double gap_seconds(const gui_sim *g)
{
    int64_t next = ps_engine_next(g->e);
    double ticks = next > ps_engine_now(g->e) ? (double)(next - ps_engine_now(g->e)) : 1;
    double s = ticks * 0.25;
    return s < 0.6 ? 0.6 : s > 2.0 ? 2.0 : s;
}

/* A live run's instant is taken this early (the step waits out the rest). */
#define LIVE_EARLY_NS 2000000

/* Wall seconds until the next instant is taken, if one is coming at a
 * known time (not paused, no question waiting for its answer, not a real
 * program's), else -1. */
static double until_next(const gui_sim *g, double speed, int paused)
{
    if (paused || g->status != PS_STEP_OK || g->trace || (g->quiz && gui_quiz_question(g->quiz)))
        return -1;
    if (g->live) {
        int64_t due = ps_live_due_ns(g->live); /* late, or -1 (the end): taken now */
        return due <= LIVE_EARLY_NS ? 0 : (double)(due - LIVE_EARLY_NS) / 1e9;
    }
    return speed <= 0 ? -1 : g->wait > 0 ? g->wait / speed : 0;
}

void gui_sim_advance(gui_sim *g, double dt, double speed, int paused)
{
    if (!g->e)
        return;
    g->clock += dt; /* a flash lasts the same at any speed, paused too */
    /* a real program moves in real time, many times a second: its tokens
       glide three times as fast */
    double pace = speed / GUI_MOVE_SECONDS * (g->trace_mode ? 3 : 1);
    gui_motion_advance(g, dt, pace, until_next(g, speed, paused));
    if (g->trace) { /* a real program goes on: take in what it did */
        if (g->status == PS_STEP_OK)
            step(g);
        return;
    }
    if (g->live)
        ps_live_pause(g->live, paused);
    if (paused || g->status != PS_STEP_OK)
        return;
    if (g->live) {
        if (ps_live_due_ns(g->live) <= LIVE_EARLY_NS)
            gui_sim_step(g);
        return;
    }
    g->wait -= dt * speed;
    if (g->wait <= 0) {
        gui_sim_step(g);
        g->wait = gap_seconds(g);
    }
}

/* Do a user's action and remember it (a model run's step back replays
 * it). */
static int user(gui_sim *g, int what, uint32_t pid)
{
    static int (*const live_fn[])(ps_live *, uint32_t) = {ps_live_suspend, ps_live_resume,
                                                         ps_live_kill};
    static int (*const trace_fn[])(ps_trace *, uint32_t) = {ps_trace_suspend, ps_trace_resume,
                                                           ps_trace_kill};
    if (g->trace_mode) /* real signals; once the run is over, nothing to signal */
        return g->trace && g->status == PS_STEP_OK ? trace_fn[what](g->trace, pid) : -1;
    if (g->live)
        return live_fn[what](g->live, pid);
    int rc = act_fn[what](g->e, pid);
    if (rc == 0) {
        if (g->nacts == g->capacts) {
            size_t ncap = g->capacts ? g->capacts * 2 : 16;
            struct gui_act *nv = realloc(g->acts, ncap * sizeof *nv);
            if (!nv)
                return rc;
            g->acts = nv;
            g->capacts = ncap;
        }
        g->acts[g->nacts++] = (struct gui_act){g->instants, pid, what};
        quiz_resync(g);
    }
    return rc;
}

int gui_sim_suspend(gui_sim *g, uint32_t pid) { return user(g, 0, pid); }
int gui_sim_resume(gui_sim *g, uint32_t pid) { return user(g, 1, pid); }
int gui_sim_kill(gui_sim *g, uint32_t pid) { return user(g, 2, pid); }

int gui_sim_log_lines(const gui_sim *g, gui_log_line *out, int max)
{
    size_t i = g->nlog, k = g->nnotes;
    uint32_t j = g->nops;
    int n = 0;
    while (n < max && (i > 0 || j > 0 || k > 0)) {
        const gui_op *o = j ? gui_sim_op(g, j - 1) : NULL;
        const gui_tr *t = i ? &g->log[i - 1] : NULL;
        /* a note (trace mode, which has no op events) came after the
         * transitions logged before it */
        if (k && g->notes[k - 1].after >= i) {
            out[n++] = (gui_log_line){NULL, NULL, &g->notes[--k]};
            continue;
        }
        /* live mode logs a transition when the child reports it, after the
         * engine's op events of its instant: the tick orders them first */
        if (o && (!t || o->ev.time > t->ev.time || (o->ev.time == t->ev.time && o->after >= i))) {
            out[n++] = (gui_log_line){NULL, o, NULL};
            j--;
        } else if (i > 0) {
            out[n++] = (gui_log_line){&g->log[--i], NULL, NULL};
        } else {
            break; /* op events from before the log began: none */
        }
    }
    return n;
}

