/* input.c — the window's input: SDL's events turned into actions (keys,
 * clicks on the toolbar, the table, the diagram, the wheel, dropped
 * files), and the actions themselves.  app.c's frame loop calls
 * gui_input once a frame, before update and render. */
#include "app.h"
#include "compare.h"
#include "gantt_view.h"

/* ---- actions ----------------------------------------------------------- */

static void user_action(gui_app *a, int (*act)(gui_sim *, uint32_t), const char *what)
{
    if (!a->selected)
        return;
    if (act(&a->sim, a->selected))
        gui_say(a, 1, "%s %s: %s", what, ps_engine_pcb(a->sim.e, a->selected)->name,
                gui_word_text(GUI_W_NOT_NOW, a->lang));
}

gui_word gui_action_refused(const gui_app *a, gui_action i)
{
    const gui_sim *g = &a->sim;
    int on_process = i == GUI_ACT_SUSPEND || i == GUI_ACT_RESUME || i == GUI_ACT_KILL;
    /* what a traced program does not have: it runs on by itself */
    if (g->trace_mode && (i == GUI_ACT_PLAY || i == GUI_ACT_STEP || i == GUI_ACT_BACK ||
                          i == GUI_ACT_RESTART || i == GUI_ACT_OPEN))
        return GUI_W_TRACE_FIXED;
    /* one workload, no interventions; its Gantt charts are in its columns */
    if (a->cmp && (on_process || i == GUI_ACT_OPEN || i == GUI_ACT_GANTT))
        return GUI_W_COMPARE_FIXED;
    if (on_process && g->trace_mode && gui_sim_done(g)) /* the trace is over */
        return GUI_W_TRACE_ENDED;
    if ((on_process && !a->selected) || (i == GUI_ACT_BACK && g->live))
        return GUI_W_NOT_NOW;
    return GUI_WORD_COUNT;
}

/* A refusal the user is told about (the rest are said by the action). */
static int fixed(gui_app *a, gui_action what)
{
    gui_word no = gui_action_refused(a, what);
    if (no == GUI_W_TRACE_FIXED || no == GUI_W_TRACE_ENDED || no == GUI_W_COMPARE_FIXED) {
        gui_say(a, 1, "%s", gui_word_text(no, a->lang));
        return 1;
    }
    return 0;
}

/* The compare view's own step, back and restart (compare.h); 1 if it
 * took the action. */
static int compare_act(gui_app *a, gui_action what)
{
    if (what != GUI_ACT_STEP && what != GUI_ACT_BACK && what != GUI_ACT_RESTART)
        return 0;
    if (what != GUI_ACT_RESTART)
        a->paused = 1;
    if (what == GUI_ACT_STEP)
        gui_cmp_step(a->cmp);
    else if (what == GUI_ACT_BACK ? gui_cmp_back(a->cmp) : gui_cmp_restart(a->cmp))
        gui_say(a, 1, "%s", a->cmp->nomem ? gui_word_text(GUI_W_NO_MEMORY, a->lang)
                                           : gui_word_text(GUI_W_NOT_NOW, a->lang));
    return 1;
}

static void act(gui_app *a, gui_action what)
{
    char err[600];
    if (fixed(a, what) || (a->cmp && compare_act(a, what)))
        return;
    switch (what) {
    case GUI_ACT_PLAY:
        a->paused = !a->paused;
        break;
    case GUI_ACT_STEP:
        a->paused = 1;
        gui_sim_step(&a->sim);
        break;
    case GUI_ACT_BACK:
        a->paused = 1;
        if (gui_sim_back(&a->sim))
            gui_say(a, 1, "%s", gui_word_text(a->sim.live ? GUI_W_NO_BACK_LIVE : GUI_W_AT_START, a->lang));
        break;
    case GUI_ACT_SLOWER:
        a->speed = a->speed > 0.25 ? a->speed / 2 : 0.25;
        break;
    case GUI_ACT_FASTER:
        a->speed = a->speed < 32 ? a->speed * 2 : 32;
        break;
    case GUI_ACT_RESTART:
        a->sim.nacts = 0; /* a fresh start: the user's actions are forgotten */
        if (gui_sim_restart(&a->sim, err, sizeof err))
            gui_say(a, 1, "%s", err);
        break;
    case GUI_ACT_OPEN: gui_picker_toggle(a); break;
    case GUI_ACT_SUSPEND:
        user_action(a, gui_sim_suspend, gui_word_text(GUI_W_SUSPEND, a->lang));
        break;
    case GUI_ACT_RESUME:
        user_action(a, gui_sim_resume, gui_word_text(GUI_W_RESUME, a->lang));
        break;
    case GUI_ACT_KILL: user_action(a, gui_sim_kill, gui_word_text(GUI_W_KILL, a->lang)); break;
    case GUI_ACT_SHOT: gui_screenshot(a); break;
    case GUI_ACT_GANTT: gui_gantt_save(a); break;
    case GUI_ACT_LANG:
        a->lang = a->lang == GUI_KO ? GUI_EN : GUI_KO;
        a->picker.lang = a->sim.lang = gui_ps_lang(a->lang); /* of their next errors */
        gui_set_title(a);
        break;
    case GUI_ACT_HELP: a->show_help = !a->show_help; break;
    case GUI_ACTION_COUNT: break;
    }
}

/* ---- input ------------------------------------------------------------- */

static void click(gui_app *a, float x, float y)
{
    if (a->naming) /* the name box waits for Enter or Esc */
        return;
    if (a->show_picker && gui_picker_click(a, x, y))
        return;
    if (a->show_help) {
        a->show_help = 0;
        return;
    }
    for (int i = 0; i < GUI_ACTION_COUNT; i++)
        if (gui_rect_hit(a->button[i], x, y)) {
            act(a, (gui_action)i);
            return;
        }
    if (gui_rect_hit(a->fold, x, y)) {
        gui_header_toggle(a);
        return;
    }
    if (a->cmp) { /* a token: its process, ringed in every column */
        a->selected = gui_compare_pick(a, x, y);
        return;
    }
    for (int i = 0; i < a->ntable; i++)
        if (gui_rect_hit(a->table_row[i], x, y)) {
            a->selected = a->table_pid[i];
            return;
        }
    if (a->sim.e && gui_rect_hit(a->L.diagram, x, y) && gui_quiz_click(a, x, y))
        return;
    if (a->sim.e && gui_rect_hit(a->L.diagram, x, y)) {
        a->selected = 0;
        for (uint32_t pid = 1; pid <= a->sim.s->nprocs; pid++)
            if (ps_engine_pcb(a->sim.e, pid)->created &&
                gui_circle_hit(a->token_at[pid - 1], a->L.token_r + 2, x, y))
                a->selected = pid;
    }
}

/* Ctrl + / Ctrl - / Ctrl 0 zoom; without Ctrl, + and - are the speed. */
static int zoom_key(gui_app *a, SDL_Keycode k, Uint16 mod)
{
    if (!(mod & KMOD_CTRL))
        return 0;
    if (k == SDLK_PLUS || k == SDLK_EQUALS || k == SDLK_KP_PLUS)
        gui_zoom(a, 1);
    else if (k == SDLK_MINUS || k == SDLK_KP_MINUS)
        gui_zoom(a, -1);
    else if (k == SDLK_0 || k == SDLK_KP_0)
        gui_zoom(a, 0);
    else
        return 0;
    return 1;
}

static void key(gui_app *a, SDL_Keycode k, Uint16 mod)
{
    if (zoom_key(a, k, mod))
        return;
    if (a->show_picker && gui_picker_key(a, k))
        return;
    switch (k) {
    case SDLK_F11: gui_present(a, !a->presentation); break;
    case SDLK_SPACE: act(a, GUI_ACT_PLAY); break;
    case SDLK_RIGHT: act(a, GUI_ACT_STEP); break;
    case SDLK_LEFT: act(a, GUI_ACT_BACK); break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: act(a, GUI_ACT_FASTER); break;
    case SDLK_MINUS: case SDLK_KP_MINUS: act(a, GUI_ACT_SLOWER); break;
    case SDLK_r: act(a, GUI_ACT_RESTART); break;
    case SDLK_o: act(a, GUI_ACT_OPEN); break;
    case SDLK_d: gui_header_toggle(a); break;
    case SDLK_s: act(a, GUI_ACT_SUSPEND); break;
    case SDLK_c: act(a, GUI_ACT_RESUME); break;
    case SDLK_k: act(a, GUI_ACT_KILL); break;
    case SDLK_p: act(a, GUI_ACT_SHOT); break;
    case SDLK_g: act(a, GUI_ACT_GANTT); break;
    case SDLK_l: act(a, GUI_ACT_LANG); break;
    case SDLK_h: case SDLK_F1: act(a, GUI_ACT_HELP); break;
    case SDLK_q:
        if (a->cmp)
            gui_say(a, 1, "%s", gui_word_text(GUI_W_COMPARE_FIXED, a->lang));
        else
            gui_quiz_toggle(a);
        break;
    case SDLK_w: gui_quiz_save(a); break;
    case SDLK_TAB: /* the next process (a trace's: the next one seen) */
        for (uint32_t i = 0, pid = a->selected; a->sim.e && i < a->sim.s->nprocs; i++) {
            pid = pid % a->sim.s->nprocs + 1;
            if (!a->sim.trace_mode || ps_engine_pcb(a->sim.e, pid)->created) {
                a->selected = pid;
                break;
            }
        }
        break;
    case SDLK_ESCAPE:
        if (a->show_help || a->show_picker)
            a->show_help = a->show_picker = 0;
        else
            a->quit = 1;
        break;
    default: break;
    }
}

void gui_input(gui_app *a)
{
    SDL_Event ev;
    float ps = gui_pixel_scale(a);
    while (SDL_PollEvent(&ev)) {
        switch (ev.type) {
        case SDL_QUIT: a->quit = 1; break;
        case SDL_KEYDOWN:
            if (!gui_quiz_name_key(a, ev.key.keysym.sym)) /* the name box first */
                key(a, ev.key.keysym.sym, ev.key.keysym.mod);
            break;
        case SDL_TEXTINPUT: gui_quiz_name_text(a, ev.text.text, 0); break;
        case SDL_TEXTEDITING: gui_quiz_name_text(a, ev.edit.text, 1); break;
        case SDL_MOUSEBUTTONDOWN:
            if (ev.button.button == SDL_BUTTON_LEFT)
                click(a, (float)ev.button.x * ps, (float)ev.button.y * ps);
            a->gantt.dragging = ev.button.button == SDL_BUTTON_LEFT &&
                                gui_rect_hit(a->gantt.drawn.plot, (float)ev.button.x * ps,
                                             (float)ev.button.y * ps);
            break;
        case SDL_MOUSEBUTTONUP: a->gantt.dragging = 0; break;
        case SDL_MOUSEMOTION: /* for tooltips; the Gantt chart dragged in time */
            a->mouse_x = (float)ev.motion.x * ps;
            a->mouse_y = (float)ev.motion.y * ps;
            if (a->gantt.dragging)
                gui_gantt_drag(a, (float)ev.motion.xrel * ps);
            break;
        case SDL_MOUSEWHEEL: { /* the dialog, the table, the description, or
                                  the Gantt chart (zoom; with shift, scroll) */
            int mx, my;
            SDL_GetMouseState(&mx, &my);
            if (a->show_picker)
                gui_picker_wheel(a, -ev.wheel.y);
            else if (gui_rect_hit(a->L.table, (float)mx * ps, (float)my * ps))
                a->table_top -= 3 * ev.wheel.y; /* the table's rows, three a notch */
            else if (!gui_header_wheel(a, (float)mx * ps, (float)my * ps, -ev.wheel.y))
                gui_gantt_wheel(a, (float)mx * ps, (float)my * ps, ev.wheel.preciseY,
                                ev.wheel.preciseX, (SDL_GetModState() & KMOD_SHIFT) != 0);
            break;
        }
        case SDL_DROPFILE: /* as Open (refused in the compare view) */
            if (!a->cmp || !fixed(a, GUI_ACT_OPEN))
                gui_open_file(a, ev.drop.file);
            SDL_free(ev.drop.file);
            break;
        default: break;
        }
    }
}
