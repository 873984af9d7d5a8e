/* cause.c — the text of a cause: the row of PS_CAUSES (cause.h) chosen by
 * its condition, its template filled in with the numbers and the names
 * they stand for.  Nothing here knows one cause from another: the words
 * are all in the table.
 *
 * Causes are formatted for every row of traces that may have tens of
 * millions of them, so formatting is one pass over the template that
 * copies its text and writes the integers by hand, not by printf. */
#include "procsim/cause.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "procsim/engine.h"
#include "procsim/out.h"

#include "engine_internal.h"

static const struct {
    ps_cause_when when;
    const char *text[2][PS_LANG_COUNT]; /* [otherwise][lang] */
} causes[PS_CAUSE_COUNT] = {
#define PS_X_(e, w, en, ko, en2, ko2)                                         \
    [PS_CAUSE_##e] = {PS_WHEN_##w, {{[PS_LANG_EN] = en, [PS_LANG_KO] = ko},   \
                                    {[PS_LANG_EN] = en2, [PS_LANG_KO] = ko2}}},
    PS_CAUSES(PS_X_)
#undef PS_X_
};

static const char *const slots[PS_SLOT_COUNT] = {
#define PS_X_(e, t) [PS_SLOT_##e] = t,
    PS_CAUSE_SLOTS(PS_X_)
#undef PS_X_
};
static const size_t slot_len[PS_SLOT_COUNT] = { /* every row of every trace looks here */
#define PS_X_(e, t) [PS_SLOT_##e] = sizeof t - 1,
    PS_CAUSE_SLOTS(PS_X_)
#undef PS_X_
};

ps_cause_when ps_cause_condition(ps_cause c)
{
    return (unsigned)c < PS_CAUSE_COUNT ? causes[c].when : PS_WHEN_ALWAYS;
}

const char *ps_cause_template(ps_cause c, ps_lang lang, bool otherwise)
{
    if ((unsigned)c >= PS_CAUSE_COUNT || (unsigned)lang >= PS_LANG_COUNT)
        return "";
    return causes[c].text[otherwise][lang];
}

size_t ps_cause_slot_at(const char *t, ps_cause_slot *slot)
{
    if (t[0] != '{')
        return 0;
    for (int i = 0; i < PS_SLOT_COUNT; i++) {
        size_t n = slot_len[i];
        if (t[1] == slots[i][1] && strncmp(t, slots[i], n) == 0) {
            *slot = (ps_cause_slot)i;
            return n;
        }
    }
    return 0;
}

/* ---- formatting ------------------------------------------------------ */

/* The writers below append at p, never past end (the NUL's place), set
 * *cut if some of their text did not fit, and return where they stopped. */
static char *put(char *p, char *end, const char *s, bool *cut)
{
    while (*s && p < end)
        *p++ = *s++;
    *cut |= *s != 0;
    return p;
}

static char *put_num(char *p, char *end, int64_t v, bool *cut)
{
    char num[24];
    *ps_put_int(num, num + sizeof num - 1, v) = 0;
    return put(p, end, num, cut);
}

static const char *proc_name(const ps_engine *e, int64_t pid)
{
    return e && pid >= 1 && pid <= ps_engine_nprocs(e) ? ps_engine_pcb(e, (uint32_t)pid)->name
                                                      : "?";
}

static int64_t real_pid(const ps_engine *e, int64_t pid)
{
    const ps_scenario *s = e ? ps_engine_scenario(e) : NULL;
    if (s && pid >= 1 && pid <= s->nprocs && s->procs[pid - 1].os_pid)
        return s->procs[pid - 1].os_pid;
    return pid;
}

/* Linux's signal numbers (the same on every architecture procsim builds
 * on for 1..31 but 7, 10, 12, 16, 30, 31, which differ on a few that
 * procsim does not claim: its trace mode is Linux x86-64 and arm64). */
static const char *const sig_names[32] = {
    [1] = "SIGHUP", [2] = "SIGINT", [3] = "SIGQUIT", [4] = "SIGILL", [5] = "SIGTRAP",
    [6] = "SIGABRT", [7] = "SIGBUS", [8] = "SIGFPE", [9] = "SIGKILL", [10] = "SIGUSR1",
    [11] = "SIGSEGV", [12] = "SIGUSR2", [13] = "SIGPIPE", [14] = "SIGALRM", [15] = "SIGTERM",
    [16] = "SIGSTKFLT", [17] = "SIGCHLD", [18] = "SIGCONT", [19] = "SIGSTOP", [20] = "SIGTSTP",
    [21] = "SIGTTIN", [22] = "SIGTTOU", [23] = "SIGURG", [24] = "SIGXCPU", [25] = "SIGXFSZ",
    [26] = "SIGVTALRM", [27] = "SIGPROF", [28] = "SIGWINCH", [29] = "SIGIO", [30] = "SIGPWR",
    [31] = "SIGSYS",
};

const char *ps_signal_name(int64_t sig)
{
    return sig >= 1 && sig < 32 ? sig_names[sig] : NULL;
}

static char *put_sig(char *p, char *end, int64_t sig, bool *cut)
{
    if (ps_signal_name(sig))
        return put(p, end, ps_signal_name(sig), cut);
    p = put(p, end, "signal ", cut);
    return put_num(p, end, sig, cut);
}

char *ps_milli_format(int64_t v, char *buf, size_t size)
{
    uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
    int n = snprintf(buf, size, "%s%llu", v < 0 ? "-" : "", (unsigned long long)(m / 1000));
    unsigned frac = (unsigned)(m % 1000);
    if (frac && n > 0 && (size_t)n < size) {
        int d = 3;
        while (frac % 10 == 0)
            frac /= 10, d--;
        snprintf(buf + n, size - (size_t)n, ".%0*u", d, frac);
    }
    return buf;
}

static char *put_milli(char *p, char *end, int64_t v, bool *cut)
{
    char digits[32];
    return put(p, end, ps_milli_format(v, digits, sizeof digits), cut);
}

static const char *obj_name(const ps_names *t, int64_t i)
{
    return t && i >= 0 && i < t->count ? t->names[i] : "?";
}

static char *fill(char *p, char *end, ps_cause_slot slot, const ps_engine *e, int64_t a,
                  int64_t b, bool *cut)
{
    const ps_scenario *s = e ? ps_engine_scenario(e) : NULL;
    const ps_names *dev = s ? &s->devices : NULL, *chan = s ? &s->channels : NULL,
                   *mtx = s ? &s->mutexes : NULL;
    switch (slot) {
    case PS_SLOT_A: return put_num(p, end, a, cut);
    case PS_SLOT_B: return put_num(p, end, b, cut);
    case PS_SLOT_POLICY: return put(p, end, s ? ps_policy_token(s->policy) : "?", cut);
    case PS_SLOT_PROC_A: return put(p, end, proc_name(e, a), cut);
    case PS_SLOT_PROC_B: return put(p, end, proc_name(e, b), cut);
    case PS_SLOT_DEVICE_A: return put(p, end, obj_name(dev, a), cut);
    case PS_SLOT_DEVICE_B: return put(p, end, obj_name(dev, b), cut);
    case PS_SLOT_CHANNEL_A: return put(p, end, obj_name(chan, a), cut);
    case PS_SLOT_CHANNEL_B: return put(p, end, obj_name(chan, b), cut);
    case PS_SLOT_MUTEX_A: return put(p, end, obj_name(mtx, a), cut);
    case PS_SLOT_MUTEX_B: return put(p, end, obj_name(mtx, b), cut);
    case PS_SLOT_PID_A: return put_num(p, end, real_pid(e, a), cut);
    case PS_SLOT_PID_B: return put_num(p, end, real_pid(e, b), cut);
    case PS_SLOT_SIG_A: return put_sig(p, end, a, cut);
    case PS_SLOT_SIG_B: return put_sig(p, end, b, cut);
    case PS_SLOT_MILLI_A: return put_milli(p, end, a, cut);
    case PS_SLOT_MILLI_B: return put_milli(p, end, b, cut);
    case PS_SLOT_COUNT: break;
    }
    return p;
}

/* Whether the first wording applies; without branches (causes alternate
 * row by row in a trace, which defeats prediction). */
static bool holds(ps_cause_when when, const ps_trace_event *ev)
{
    const bool is[] = {
        [PS_WHEN_ALWAYS] = true,
        [PS_WHEN_A_NONZERO] = ev->a != 0,
        [PS_WHEN_B_NONZERO] = ev->b != 0,
        [PS_WHEN_B_LIMITED] = ev->b != PS_UNLIMITED,
    };
    _Static_assert(sizeof is / sizeof *is == PS_WHEN_COUNT, "a condition has no value here");
    return is[when];
}

char *ps__template_put(const ps_engine *e, const char *t, int64_t a, int64_t b, char *p,
                       char *end, bool *cut)
{
    while (*t && p < end) {
        const char *q = strchr(t, '{');
        if (!q)
            q = t + strlen(t);
        size_t room = (size_t)(end - p), n = (size_t)(q - t) < room ? (size_t)(q - t) : room;
        memcpy(p, t, n);
        p += n;
        t += n;
        if (!*t || p == end)
            break;
        ps_cause_slot slot;
        size_t len = ps_cause_slot_at(t, &slot);
        if (len) {
            p = fill(p, end, slot, e, a, b, cut);
            t += len;
        } else {
            *p++ = '{'; /* a brace that opens no placeholder */
            t++;
        }
    }
    *cut |= *t != 0;
    return p;
}

char *ps__whole_characters(char *start, char *p)
{
    char *q = p;
    while (q > start && ((unsigned char)q[-1] & 0xC0) == 0x80)
        q--;
    if (q == start || (unsigned char)q[-1] < 0xC0)
        return p; /* ends in ASCII, or no lead byte to judge by */
    unsigned char lead = (unsigned char)q[-1];
    ptrdiff_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    return p - (q - 1) < need ? q - 1 : p;
}

char *ps_cause_format(const ps_engine *e, const ps_trace_event *ev, ps_lang lang, char *buf,
                      size_t size)
{
    if (!size)
        return buf;
    char *p = buf, *end = buf + size - 1;
    if (ev->cause < PS_CAUSE_COUNT) {
        bool otherwise = !holds(causes[ev->cause].when, ev);
        const char *t =
            causes[ev->cause].text[otherwise][(unsigned)lang < PS_LANG_COUNT ? lang : PS_LANG_EN];
        bool cut = false;
        p = ps__template_put(e, t, ev->a, ev->b, p, end, &cut);
        if (ev->has_why && ev->why < PS_CAUSE_COUNT && !cut) {
            p = put(p, end, "; ", &cut);
            p = ps__template_put(e, causes[ev->why].text[0][(unsigned)lang < PS_LANG_COUNT
                                                                  ? lang : PS_LANG_EN],
                                 ev->wa, ev->wb, p, end, &cut);
        }
        if (cut)
            p = ps__whole_characters(buf, p);
    }
    *p = 0;
    return buf;
}
