/* state.c — names of states and events, and the legal-transition check.
 * Everything here is generated from the lists in procsim/state.h. */
#include "procsim/state.h"

#include <string.h>

static const struct {
    const char *token, *en, *ko;
    bool resident;
    char letter;
} states[PS_STATE_COUNT] = {
#define PS_X_(e, tok, en, ko, res, letter) [PS_##e] = {tok, en, ko, res, letter},
    PS_STATES(PS_X_)
#undef PS_X_
};

static const struct {
    const char *token, *name[PS_LANG_COUNT];
} event_names[PS_EVENT_COUNT] = {
#define PS_X_(e, tok, en, ko) [PS_EV_##e] = {tok, {[PS_LANG_EN] = en, [PS_LANG_KO] = ko}},
    PS_EVENTS(PS_X_)
#undef PS_X_
};

static const struct {
    ps_state from, to;
    unsigned events;
    const char *name;
} transitions[PS_TRANSITION_COUNT] = {
#define PS_X_(e, f, t, evs) [PS_TR_##e] = {PS_##f, PS_##t, evs, #f " -> " #t},
    PS_TRANSITIONS(PS_X_)
#undef PS_X_
};

const char *ps_state_token(ps_state s)
{
    if (s == PS_NONE)
        return "";
    return (unsigned)s < PS_STATE_COUNT ? states[s].token : "?";
}

const char *ps_state_name(ps_state s)
{
    if (s == PS_NONE)
        return "(none)";
    return (unsigned)s < PS_STATE_COUNT ? states[s].en : "?";
}

const char *ps_state_name_ko(ps_state s)
{
    if (s == PS_NONE)
        return "(없음)";
    return (unsigned)s < PS_STATE_COUNT ? states[s].ko : "?";
}

const char *ps_state_name_in(ps_state s, ps_lang lang)
{
    return lang == PS_LANG_KO ? ps_state_name_ko(s) : ps_state_name(s);
}

ps_lang ps_lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *const vars[] = {lc_all, lc_messages, lang};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        if (vars[i] && *vars[i])
            return strncmp(vars[i], "ko", 2) == 0 ? PS_LANG_KO : PS_LANG_EN;
    return PS_LANG_EN;
}

const char *ps_event_token(ps_event e)
{
    return (unsigned)e < PS_EVENT_COUNT ? event_names[e].token : "?";
}

const char *ps_event_name_in(ps_event e, ps_lang lang)
{
    if ((unsigned)e >= PS_EVENT_COUNT)
        return "?";
    return event_names[e].name[lang == PS_LANG_KO ? PS_LANG_KO : PS_LANG_EN];
}

const char *ps_transition_name(ps_transition_kind k)
{
    if (k == PS_TR_KILL)
        return "any live state -> EXIT";
    return (unsigned)k < PS_TRANSITION_COUNT ? transitions[k].name : "illegal";
}

char ps_state_kernel_letter(ps_state s)
{
    return (unsigned)s < PS_STATE_COUNT ? states[s].letter : 0;
}

bool ps_state_resident(ps_state s)
{
    return (unsigned)s < PS_STATE_COUNT && states[s].resident;
}

bool ps_state_live(ps_state s)
{
    return (unsigned)s < PS_STATE_COUNT && s != PS_EXIT;
}

bool ps_state_from_token(const char *tok, ps_state *out)
{
    for (int s = 0; s < PS_STATE_COUNT; s++)
        if (strcmp(tok, states[s].token) == 0) {
            *out = (ps_state)s;
            return true;
        }
    return false;
}

bool ps_event_from_token(const char *tok, ps_event *out)
{
    for (int e = 0; e < PS_EVENT_COUNT; e++)
        if (strcmp(tok, event_names[e].token) == 0) {
            *out = (ps_event)e;
            return true;
        }
    return false;
}

ps_transition_kind ps_transition_classify(ps_state from, ps_state to, ps_event ev)
{
    if ((unsigned)ev >= PS_EVENT_COUNT)
        return PS_TR_ILLEGAL;
    if (ev == PS_EV_KILL)
        return to == PS_EXIT && ps_state_live(from) ? PS_TR_KILL : PS_TR_ILLEGAL;
    for (int k = 0; k < PS_TRANSITION_COUNT; k++)
        if (k != PS_TR_KILL && transitions[k].from == from &&
            transitions[k].to == to && (transitions[k].events & (1u << ev)))
            return (ps_transition_kind)k;
    return PS_TR_ILLEGAL;
}
