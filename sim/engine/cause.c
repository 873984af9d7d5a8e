/* cause.c — the text of a cause: the row of PS_CAUSES (cause.h) chosen by
 * its condition, its template filled in with the numbers and the names
 * they stand for.  Nothing here knows one cause from another: the words
 * are all in the table.
 *
 * Causes are formatted for every row of traces that may have tens of
 * millions of them, so the text is copied and the integers written by
 * hand, not by printf. */
#include "procsim/cause.h"

#include <stdint.h>

#include "procsim/engine.h"

typedef struct wording {
    const char *text;
    size_t len; /* strlen(text) */
} wording;

static const struct {
    ps_cause_when when;
    wording text[2][PS_LANG_COUNT]; /* [otherwise][lang] */
} causes[PS_CAUSE_COUNT] = {
#define PS_W_(t) {t, sizeof t - 1}
#define PS_X_(e, w, en, ko, en2, ko2)                                         \
    [PS_CAUSE_##e] = {PS_WHEN_##w,                                            \
                      {{[PS_LANG_EN] = PS_W_(en), [PS_LANG_KO] = PS_W_(ko)},  \
                       {[PS_LANG_EN] = PS_W_(en2), [PS_LANG_KO] = PS_W_(ko2)}}},
    PS_CAUSES(PS_X_)
#undef PS_X_
#undef PS_W_
};

static const char *const slots[PS_SLOT_COUNT] = {
#define PS_X_(e, t) [PS_SLOT_##e] = t,
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
    return causes[c].text[otherwise][lang].text;
}

size_t ps_cause_slot_at(const char *t, ps_cause_slot *slot)
{
    if (t[0] != '{')
        return 0;
    for (int i = 0; i < PS_SLOT_COUNT; i++) {
        const char *s = slots[i];
        size_t k = 1;
        if (t[1] != s[1])
            continue;
        while (s[k] && t[k] == s[k]) /* stops at t's NUL too: s has none inside */
            k++;
        if (!s[k]) {
            *slot = (ps_cause_slot)i;
            return k;
        }
    }
    return 0;
}

/* The writers below append at p, never past end (the NUL's place), and
 * return where they stopped. */
static char *put(char *p, char *end, const char *s)
{
    while (*s && p < end)
        *p++ = *s++;
    return p;
}

static char *put_int(char *p, char *end, int64_t v)
{
    char tmp[24];
    int n = 0;
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    do
        tmp[n++] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        tmp[n++] = '-';
    while (n && p < end)
        *p++ = tmp[--n];
    return p;
}

static const char *proc_name(const ps_engine *e, int64_t pid)
{
    return e && pid >= 1 && pid <= ps_engine_nprocs(e) ? ps_engine_pcb(e, (uint32_t)pid)->name
                                                      : "?";
}

static const char *obj_name(const ps_names *t, int64_t i)
{
    return i >= 0 && i < t->count ? t->names[i] : "?";
}

static char *fill(char *p, char *end, ps_cause_slot slot, const ps_engine *e,
                  const ps_trace_event *ev)
{
    static const ps_names none = {0};
    const ps_scenario *s = e ? ps_engine_scenario(e) : NULL;
    const ps_names *dev = s ? &s->devices : &none, *chan = s ? &s->channels : &none,
                   *mtx = s ? &s->mutexes : &none;
    switch (slot) {
    case PS_SLOT_A: return put_int(p, end, ev->a);
    case PS_SLOT_B: return put_int(p, end, ev->b);
    case PS_SLOT_POLICY: return put(p, end, s ? ps_policy_token(s->policy) : "?");
    case PS_SLOT_PROC_A: return put(p, end, proc_name(e, ev->a));
    case PS_SLOT_PROC_B: return put(p, end, proc_name(e, ev->b));
    case PS_SLOT_DEVICE_A: return put(p, end, obj_name(dev, ev->a));
    case PS_SLOT_DEVICE_B: return put(p, end, obj_name(dev, ev->b));
    case PS_SLOT_CHANNEL_A: return put(p, end, obj_name(chan, ev->a));
    case PS_SLOT_CHANNEL_B: return put(p, end, obj_name(chan, ev->b));
    case PS_SLOT_MUTEX_A: return put(p, end, obj_name(mtx, ev->a));
    case PS_SLOT_MUTEX_B: return put(p, end, obj_name(mtx, ev->b));
    case PS_SLOT_COUNT: break;
    }
    return p;
}

static bool holds(ps_cause_when when, const ps_trace_event *ev)
{
    switch (when) {
    case PS_WHEN_ALWAYS: return true;
    case PS_WHEN_A_NONZERO: return ev->a != 0;
    case PS_WHEN_B_NONZERO: return ev->b != 0;
    case PS_WHEN_B_LIMITED: return ev->b != PS_UNLIMITED;
    }
    return true;
}

/* The end of text [start, p) without a UTF-8 character cut in half at the
 * end (text that filled the buffer may have been cut anywhere). */
static char *whole_characters(char *start, char *p)
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
        const wording *w =
            &causes[ev->cause].text[otherwise][(unsigned)lang < PS_LANG_COUNT ? lang : PS_LANG_EN];
        const char *t = w->text, *tend = t + w->len;
        while (t < tend && p < end) {
            ps_cause_slot slot;
            size_t n;
            if (*t == '{' && (n = ps_cause_slot_at(t, &slot)) != 0) {
                p = fill(p, end, slot, e, ev);
                t += n;
            } else if (end - p >= tend - t) { /* the rest fits: no checks */
                do
                    *p++ = *t++;
                while (*t && *t != '{');
            } else {
                *p++ = *t++;
            }
        }
    }
    if (p == end)
        p = whole_characters(buf, p);
    *p = 0;
    return buf;
}
