/* trace_note_text.c — the words of a trace's notes (trace.h: PS_TRACE_NOTES,
 * PS_TRACE_WARNINGS), in English and Korean, as the engine's causes are
 * (cause.h): a row per kind, a condition on its numbers choosing between
 * two wordings, templates whose placeholders are the causes' ({a} {b}
 * {proc a} {proc b} {pid a} {pid b} {sig a} {sig b}) and two of their own:
 *   {text}     the note's text (control characters shown as spaces)
 *   {warning}  the warning a note names (PS_TRACE_WARNINGS), filled in
 *              with the same numbers and text, but for {a}: a warning
 *              note's a names the warning, so in a warning's words {a}
 *              stands for the note's text, which then carries the other
 *              number (LINGER: b processes still ran `text` ms; SLOW_SAMPLE:
 *              `text` us of a b ms period)
 *   {errno}    the note's b as an errno in words, in the note's language
 *              (ps_strerror); nothing when b is 0
 * Nothing here knows one kind from another: the words are all in the
 * tables. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* sigabbrev_np, also where trace mode is not built */
#endif
#include <string.h>

#include "procsim/out.h"
#include "procsim/strerror.h"

#include "trace_note.h"
#include "trace_util.h"

typedef enum note_when { ALWAYS, A_NONZERO, B_NONZERO, A_IS_1, A_IS_2 } note_when;

/* X(KIND, WHEN, English, Korean, English otherwise, Korean otherwise) */
#define NOTE_TEXTS(X)                                                          \
    X(EXEC, ALWAYS, "exec {text}", "exec {text} (프로그램 교체)", "", "")        \
    X(NAME, ALWAYS, "named {text}", "이름: {text}", "", "")                      \
    X(THREADS, A_IS_1, "1 thread", "스레드 1개", "{a} threads", "스레드 {a}개")   \
    X(SIGNAL, B_NONZERO, "got {sig a} from {proc b} ({pid b})",                 \
      "{proc b} ({pid b})에게서 시그널 {sig a} 받음", "got {sig a}",              \
      "시그널 {sig a} 받음")                                                     \
    X(REAPED, A_NONZERO, "reaped by {proc a} ({pid a})",                          \
      "거둔 프로세스: {proc a} ({pid a})", "reaped by procsim (the tree's subreaper)", \
      "procsim이 거둠 (고아를 맡는 서브리퍼)")                                     \
    X(ADOPTED, ALWAYS, "its parent ended first: procsim adopted it",           \
      "부모가 먼저 끝나 procsim이 입양함", "", "")                                \
    X(OUTPUT, A_IS_2, "stderr: {text}", "stderr: {text}", "stdout: {text}",     \
      "stdout: {text}")                                                        \
    X(WARNING, ALWAYS, "warning: {warning}", "경고: {warning}", "", "")           \
    X(MISSED, A_IS_1, "1 process ended unseen between two samples",            \
      "표본 사이에 프로세스 1개가 보이지 않은 채 끝남",                            \
      "{a} processes ended unseen between two samples",                        \
      "표본 사이에 프로세스 {a}개가 보이지 않은 채 끝남")

static const struct {
    note_when when;
    const char *text[2][PS_LANG_COUNT]; /* [otherwise][lang] */
} notes[PS_TN_COUNT] = {
#define PS_X_(k, w, en, ko, en2, ko2)                                          \
    [PS_TN_##k] = {w, {{[PS_LANG_EN] = en, [PS_LANG_KO] = ko},                 \
                       {[PS_LANG_EN] = en2, [PS_LANG_KO] = ko2}}},
    NOTE_TEXTS(PS_X_)
#undef PS_X_
};

static const char *const warnings[PS_TW_COUNT][PS_LANG_COUNT] = {
#define PS_X_(e, en, ko) [PS_TW_##e] = {[PS_LANG_EN] = en, [PS_LANG_KO] = ko},
    PS_TRACE_WARNINGS(PS_X_)
#undef PS_X_
};

static const char *const tokens[PS_TN_COUNT] = {
#define PS_X_(e, tok) [PS_TN_##e] = tok,
    PS_TRACE_NOTES(PS_X_)
#undef PS_X_
};

const char *ps_trace_note_token(ps_trace_note_kind k)
{
    return (unsigned)k < PS_TN_COUNT ? tokens[k] : "";
}

/* ---- filling a template ------------------------------------------------- */

typedef struct filler {
    const ps_engine *e;
    const ps_scenario *s;
    const ps_trace_note *n;
    ps_lang lang;
    char *end;  /* the NUL's place */
    int cut;
    int in_warning; /* filling a warning's words: {a} is the note's text */
} filler;

static char *put(filler *f, char *p, const char *s)
{
    while (*s && p < f->end)
        *p++ = *s++;
    f->cut |= *s != 0;
    return p;
}

static char *put_num(filler *f, char *p, int64_t v)
{
    char num[24];
    *ps_put_int(num, num + sizeof num - 1, v) = 0;
    return put(f, p, num);
}

static char *put_name(filler *f, char *p, int64_t pid)
{
    const ps_pcb *pcb = f->e && pid >= 1 ? ps_engine_pcb(f->e, (uint32_t)pid) : NULL;
    if (pcb && pcb->name)
        return put(f, p, pcb->name);
    if (!f->e && f->s && pid >= 1 && pid <= f->s->nprocs && f->s->procs[pid - 1].name)
        return put(f, p, f->s->procs[pid - 1].name);
    return put(f, p, "?");
}

static char *put_pid(filler *f, char *p, int64_t pid)
{
    if (f->s && pid >= 1 && pid <= f->s->nprocs && f->s->procs[pid - 1].os_pid)
        pid = f->s->procs[pid - 1].os_pid;
    return put_num(f, p, pid);
}

static char *put_sig(filler *f, char *p, int64_t sig)
{
    /* 1..31 only, as the causes say them (cause.c): "signal 40" */
    const char *abbrev = NULL;
#if defined __GLIBC__ && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 32)
    abbrev = sig > 0 && sig < 32 ? sigabbrev_np((int)sig) : NULL;
#endif
    if (abbrev)
        return put(f, put(f, p, "SIG"), abbrev);
    return put_num(f, put(f, p, "signal "), sig);
}

/* The note's text on one line: control characters (newlines, NULs of an
 * output) as spaces, a last newline left out. */
static char *put_text(filler *f, char *p)
{
    const char *t = f->n->text ? f->n->text : "";
    size_t len = f->n->text ? f->n->len : 0;
    while (len && (t[len - 1] == '\n' || t[len - 1] == '\r'))
        len--;
    size_t i = 0;
    for (; i < len && p < f->end; i++)
        *p++ = (unsigned char)t[i] < ' ' || t[i] == 0x7f ? ' ' : t[i];
    f->cut |= i < len;
    return p;
}

static char *fill(filler *f, char *p, const char *t);

static char *slot(filler *f, char *p, ps_cause_slot s)
{
    const ps_trace_note *n = f->n;
    switch (s) {
    case PS_SLOT_A: return f->in_warning ? put_text(f, p) : put_num(f, p, n->a);
    case PS_SLOT_B: return put_num(f, p, n->b);
    case PS_SLOT_PROC_A: return put_name(f, p, n->a);
    case PS_SLOT_PROC_B: return put_name(f, p, n->b);
    case PS_SLOT_PID_A: return put_pid(f, p, n->a);
    case PS_SLOT_PID_B: return put_pid(f, p, n->b);
    case PS_SLOT_SIG_A: return put_sig(f, p, n->a);
    case PS_SLOT_SIG_B: return put_sig(f, p, n->b);
    case PS_SLOT_POLICY:
    case PS_SLOT_DEVICE_A:
    case PS_SLOT_DEVICE_B:
    case PS_SLOT_CHANNEL_A:
    case PS_SLOT_CHANNEL_B:
    case PS_SLOT_MUTEX_A:
    case PS_SLOT_MUTEX_B:
    case PS_SLOT_MILLI_A:
    case PS_SLOT_MILLI_B:
    case PS_SLOT_COUNT:
        break; /* no note has them */
    }
    return put(f, p, "?");
}

static char *fill(filler *f, char *p, const char *t)
{
    while (*t && p < f->end) {
        ps_cause_slot s;
        size_t len;
        if (*t != '{')
            *p++ = *t++;
        else if (strncmp(t, "{text}", 6) == 0) {
            p = put_text(f, p);
            t += 6;
        } else if (strncmp(t, "{errno}", 7) == 0) {
            if (f->n->b)
                p = put(f, p, ps_strerror((int)f->n->b, f->lang));
            t += 7;
        } else if (strncmp(t, "{warning}", 9) == 0) {
            uint64_t w = (uint64_t)f->n->a;
            if (w < PS_TW_COUNT) {
                f->in_warning = 1;
                p = fill(f, p, warnings[w][f->lang]);
                f->in_warning = 0;
            } else
                p = put_text(f, p);
            t += 9;
        } else if ((len = ps_cause_slot_at(t, &s))) {
            p = slot(f, p, s);
            t += len;
        } else
            *p++ = *t++; /* a brace that opens no placeholder */
    }
    f->cut |= *t != 0;
    return p;
}

static int holds(note_when w, const ps_trace_note *n)
{
    switch (w) {
    case ALWAYS: return 1;
    case A_NONZERO: return n->a != 0;
    case B_NONZERO: return n->b != 0;
    case A_IS_1: return n->a == 1;
    case A_IS_2: return n->a == 2;
    }
    return 1;
}

char *ps__trace_note_put(const ps_engine *e, const ps_scenario *s, const ps_trace_note *n,
                         ps_lang lang, char *buf, size_t size)
{
    if (!size)
        return buf;
    if ((unsigned)lang >= PS_LANG_COUNT)
        lang = PS_LANG_EN;
    char *p = buf;
    if (n->kind < PS_TN_COUNT) {
        filler f = {e, s, n, lang, buf + size - 1, 0, 0};
        p = fill(&f, p, notes[n->kind].text[!holds(notes[n->kind].when, n)][lang]);
        if (f.cut)
            p = buf + ps__whole_chars(buf, (size_t)(p - buf));
    }
    *p = 0;
    return buf;
}
