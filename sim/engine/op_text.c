/* op_text.c — an op event in words (engine.h): one sentence per kind in
 * English and Korean, used by the text view and the window's event log
 * alike, so the two cannot drift. */
#include <stdio.h>

#include "engine_internal.h" /* ps__whole_characters */
#include "procsim/engine.h"

const char *ps_op_event_object_name(const ps_engine *e, const ps_op_event *ev)
{
    const ps_scenario *s = ps_engine_scenario(e);
    const ps_names *names = NULL;
    switch (ps_op_event_object((ps_op_event_kind)ev->op)) {
    case PS_OBJ_VARIABLE: names = &s->variables; break;
    case PS_OBJ_CHANNEL: names = &s->channels; break;
    case PS_OBJ_MUTEX: names = &s->mutexes; break;
    case PS_OBJ_DEVICE: names = &s->devices; break;
    case PS_OBJ_PROCESS: {
        const ps_pcb *p = ps_engine_pcb(e, ev->object);
        return p ? p->name : "?";
    }
    case PS_OBJ_MEMORY:
    case PS_OBJ_KIND_COUNT:
        return "memory";
    }
    return ev->object < names->count ? names->names[ev->object] : "?";
}

int ps_op_event_value_is_pid(ps_op_event_kind k)
{
    return k == PS_OPE_LOCK || k == PS_OPE_UNLOCK || k == PS_OPE_HANDOFF;
}

int ps_op_event_value_is_bool(ps_op_event_kind k)
{
    return k == PS_OPE_ALIVE || k == PS_OPE_EMPTY;
}

/* What an op event says, per kind, in English and Korean: [0] the plain
 * sentence, [1] the one with another process (a lost update's victim, the
 * receiver or sender of a value handed straight over, the new holder).
 * {p} the process, {o} the object, {v} the value, {d} the detail, {x} the
 * other process. */
static const char *const op_text[PS_OP_EVENT_COUNT][2][PS_LANG_COUNT] = {
    [PS_OPE_READ] = {{"{p} reads {o} = {v}", "{p}가 {o} = {v}을 읽음"}, {"", ""}},
    [PS_OPE_WRITE] = {{"{p} writes {o} = {v}", "{p}가 {o} = {v}을 씀"},
                      {"{p} writes {o} = {v}: LOST UPDATE, overwrites {d} update(s) made since "
                       "its read, the last by {x}",
                       "{p}가 {o} = {v}을 씀: 갱신 손실, 읽은 뒤에 일어난 갱신 {d}개를 덮어씀 "
                       "(마지막은 {x})"}},
    [PS_OPE_SEND] = {{"{p} sends {v} on {o} ({d} queued)", "{p}가 {o}에 {v}을 보냄 ({d}개 대기)"},
                     {"{p} sends {v} on {o}, straight to {x}", "{p}가 {o}로 {v}을 {x}에게 바로 보냄"}},
    [PS_OPE_RECV] = {{"{p} receives {v} from {o} ({d} left)", "{p}가 {o}에서 {v}을 받음 ({d}개 남음)"},
                     {"{p} receives {v} from {o}, straight from {x}",
                      "{p}가 {o}에서 {x}가 보낸 {v}을 바로 받음"}},
    [PS_OPE_LOCK] = {{"{p} locks {o}", "{p}가 {o}을 잠금"}, {"", ""}},
    [PS_OPE_UNLOCK] = {{"{p} unlocks {o}", "{p}가 {o}을 풂"}, {"", ""}},
    [PS_OPE_HANDOFF] = {{"", ""}, {"{p} unlocks {o}, handed to {x}", "{p}가 {o}을 풀어 {x}에게 넘김"}},
    [PS_OPE_REQUEST] = {{"{o} starts serving {p}: {v} tick(s) ({d} queued)",
                         "{o}가 {p}의 요청을 처리 시작: {v}틱 ({d}개 대기)"}, {"", ""}},
    [PS_OPE_SERVED] = {{"{o} has served {p} ({v} tick(s), {d} queued)",
                        "{o}가 {p}의 요청을 마침 ({v}틱, {d}개 대기)"}, {"", ""}},
    [PS_OPE_ALLOC] = {{"{p} takes {v} unit(s) of memory ({d} used)",
                       "{p}가 메모리 {v}만큼을 차지함 ({d} 사용 중)"}, {"", ""}},
    [PS_OPE_FREE] = {{"{p} gives back {v} unit(s) of memory ({d} used)",
                      "{p}가 메모리 {v}만큼을 돌려줌 ({d} 사용 중)"}, {"", ""}},
    [PS_OPE_ALIVE] = {{"{p} asks is_alive({o}): {v}", "{p}가 is_alive({o})를 물음: {v}"}, {"", ""}},
    [PS_OPE_EMPTY] = {{"{p} asks {o}.empty(): {v} ({d} queued)",
                       "{p}가 {o}.empty()를 물음: {v} ({d}개 대기)"}, {"", ""}},
};

static const char *pid_name(const ps_engine *e, uint32_t pid)
{
    const ps_pcb *p = pid ? ps_engine_pcb(e, pid) : NULL;
    return p ? p->name : "nobody";
}

char *ps_op_event_format(const ps_engine *e, const ps_op_event *ev, ps_lang lang, char *buf,
                         size_t size)
{
    if (size == 0)
        return buf;
    if ((int)lang < 0 || lang >= PS_LANG_COUNT)
        lang = PS_LANG_EN;
    ps_op_event_kind k = (ps_op_event_kind)ev->op;
    const char *t = op_text[k][ev->other != 0 && *op_text[k][1][lang]][lang];
    char v[PS_NAME_MAX_BYTES + 1]; /* a number, or a process's name */
    if (ev->value == PS_VALUE_NONE)
        snprintf(v, sizeof v, "None");
    else if (ps_op_event_value_is_pid(k))
        snprintf(v, sizeof v, "%s", pid_name(e, (uint32_t)ev->value));
    else if (ps_op_event_value_is_bool(k))
        snprintf(v, sizeof v, "%s", ev->value ? "True" : "False");
    else
        snprintf(v, sizeof v, "%lld", (long long)ev->value);
    size_t n = 0;
    for (; *t && n + 1 < size; t++) {
        const char *put = NULL;
        char d[32];
        if (t[0] == '{' && t[1] && t[2] == '}') {
            switch (t[1]) {
            case 'p': put = pid_name(e, ev->pid); break;
            case 'o': put = ps_op_event_object_name(e, ev); break;
            case 'v': put = v; break;
            case 'x': put = pid_name(e, ev->other); break;
            case 'd':
                snprintf(d, sizeof d, "%lld", (long long)ev->detail);
                put = d;
                break;
            default: break;
            }
        }
        if (!put) {
            buf[n++] = *t;
            continue;
        }
        n += (size_t)snprintf(buf + n, size - n, "%s", put);
        if (n >= size)
            n = size - 1;
        t += 2;
    }
    *ps__whole_characters(buf, buf + n) = 0; /* cut short: at a character */
    return buf;
}

