/* layout.c — see layout.h.  All positions are fractions of the panels they
 * live in, so the picture keeps its shape at any window size. */
#include "layout.h"

#include <math.h>
#include <string.h>

static gui_rect rect(float x, float y, float w, float h)
{
    return (gui_rect){x, y, w, h};
}

static float cx(gui_rect r) { return r.x + r.w / 2; }
static float cy(gui_rect r) { return r.y + r.h / 2; }
static float right(gui_rect r) { return r.x + r.w; }
static float bottom(gui_rect r) { return r.y + r.h; }

/* Font sizes: 12, 14 and 19 px at 1280x800, in proportion to the window
 * (the smaller of its two ratios), never below what a 1024x768 projector
 * shows legibly (11 px, or as many points on a HiDPI screen); then the
 * zoom (0.7 to 2.5) and presentation mode (x1.4). */
static void fonts(gui_layout *L)
{
    float zoom = L->in.zoom > 0 ? L->in.zoom : 1;
    zoom = fminf(fmaxf(zoom, GUI_ZOOM_MIN), GUI_ZOOM_MAX);
    float k = fminf(L->w / 1280.0f, L->h / 800.0f);
    k = fmaxf(k, 11.0f / 12 * L->scale) * zoom * (L->in.presentation ? 1.4f : 1);
    L->font_px[0] = (int)lroundf(12 * k);
    L->font_px[1] = (int)lroundf(14 * k);
    L->font_px[2] = (int)lroundf(19 * k);
    L->unit = (float)L->font_px[1] / 14;
}

/* A line of the small font, with its leading (the fonts' line skip is
 * about 1.2 em; a little more is kept so that estimates stay on the safe
 * side of SDL_ttf's). */
static float small_line(const gui_layout *L)
{
    return (float)L->font_px[0] * 1.3f;
}

/* The toolbar's rows (the toolbar wraps its buttons) above the header
 * strip and the open description; the left column: the diagram, under
 * it the shared objects (close to the Blocked nodes, whose tokens are
 * tied to what they wait for) as tall as their rows want, then the
 * timeline with the rest; the right column: the PCB table as tall as its
 * rows want (within bounds), the selected PCB, the log. */
static void panels(gui_layout *L)
{
    float u = L->unit, pad = 6 * L->scale, sl = small_line(L);
    int rows = L->in.toolbar_rows > 0 ? L->in.toolbar_rows : 1;
    L->button_h = roundf((float)L->font_px[0] * 2.1f);
    float top = (float)rows * (L->button_h + 6 * u) + 6 * u;
    float line = (float)L->font_px[1] * 1.5f;
    L->toolbar = rect(0, 0, L->w, top);
    L->header = rect(pad, top, L->w - 2 * pad, line);
    top += line;
    if (L->in.describe == 2) {
        float dh = sl * (float)(L->in.describe_lines + 1);
        L->describe = rect(pad, top, L->w - 2 * pad, fminf(dh, L->h * 0.25f));
        top += L->describe.h + pad;
    }
    /* presentation mode: the diagram, what the class watches, larger */
    float left_w = L->w * (L->in.presentation ? 0.66f : 0.62f), right_x = left_w + pad;
    float body = L->h - top, dia = body * (L->in.presentation ? 0.60f : 0.56f);
    /* shared objects: a title and a row each (resources.c's rows: a line
     * of either font, Hangul's the taller, and 8 px), a thin strip when
     * there are none */
    float res_row = (float)L->font_px[0] * 1.5f + 8 * u;
    float res = (float)(L->in.res_rows + 1) * res_row + pad;
    res = fminf(fmaxf(res, 2 * sl + 2 * pad), body * 0.24f);
    /* the timeline keeps its title, axis, legend and a few lanes: the
     * shared objects, then the diagram, give way (large type) */
    float gantt_min = 8 * sl;
    res = fmaxf(fminf(res, body - dia - gantt_min), 2 * sl + 2 * pad);
    if (body - dia - res < gantt_min)
        dia = fmaxf(body * 0.45f, body - res - gantt_min);
    L->diagram = rect(pad, top + pad, left_w - 2 * pad, dia - 2 * pad);
    L->resources = rect(pad, top + dia, left_w - 2 * pad, res - pad);
    L->gantt = rect(pad, top + dia + res, left_w - 2 * pad, body - dia - res - pad);
    /* the table: its title, the headings and a row per process */
    float rw = L->w - right_x - pad;
    float table = sl * (float)(L->in.nprocs + 2) + 10 * u;
    table = fminf(fmaxf(table, body * 0.22f), body * 0.40f);
    float detail = fmaxf(body * 0.34f, sl * 12);
    detail = fminf(detail, body - table - body * 0.18f);
    L->table = rect(right_x, top + pad, rw, table - pad);
    L->detail = rect(right_x, top + table + pad, rw, detail - pad);
    L->log = rect(right_x, top + table + detail + pad, rw, body - table - detail - 2 * pad);
}

/* A node's border (view.c draws it 2 points wide, inside the node), the
 * room kept between its titles and its first row of tokens, and the
 * selected token's ring, which stays off both. */
static float border(const gui_layout *L) { return 2 * L->scale; }
static float token_pad(const gui_layout *L) { return 1 * L->scale; }
static float ring(const gui_layout *L) { return GUI_TOKEN_RING * L->scale; }

static void nodes(gui_layout *L)
{
    gui_rect d = L->diagram;
    float nw = d.w * 0.155f, nh = d.h * 0.19f;
    /* the titles: the state in the window's language (normal font) and
     * in the other (small), then the tokens under them */
    L->title_h = (float)L->font_px[1] * 1.25f + small_line(L) + 2 * L->unit;
    /* room for the pid inside: two digits of the small font */
    float r = fminf(fminf(nw / 9, nh / 5), fmaxf(11 * L->scale, (float)L->font_px[0] * 0.95f));
    /* large type in a small diagram: the nodes grow (a little) to keep a
     * row of tokens under their titles, then the discs shrink to what the
     * row leaves, down to what the pid's digits need; under that none
     * rests in a node, which shows "+k" (gui_node_slot) */
    float under = token_pad(L) + border(L);
    nh = fmaxf(nh, fminf(L->title_h + under + 2 * r, d.h * 0.24f));
    /* the selection's ring fits by a smaller disc, not a taller node (the
     * arrows' labels need the room between the nodes) */
    float room = fminf(nh - L->title_h - under - 2 * ring(L), nw - 2 * (border(L) + ring(L))) / 2;
    L->token_r = fmaxf(fminf(r, room), (float)L->font_px[0] * 0.6f);
    static const struct {
        ps_state s;
        float fx, fy;
    } at[] = {
        {PS_NEW, 0.30f, 0.13f},
        {PS_READY_SUSPENDED, 0.10f, 0.48f},
        {PS_READY, 0.42f, 0.48f},
        {PS_RUNNING, 0.68f, 0.48f},
        {PS_EXIT, 0.915f, 0.48f},
        {PS_BLOCKED_SUSPENDED, 0.10f, 0.80f},
        {PS_BLOCKED, 0.42f, 0.80f},
    };
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
        L->node[at[i].s] = rect(d.x + d.w * at[i].fx - nw / 2, d.y + d.h * at[i].fy - nh / 2, nw, nh);
    /* New stays under the diagram's title, whatever the type */
    L->node[PS_NEW].y = fmaxf(L->node[PS_NEW].y, d.y + small_line(L) + 6 * L->unit);
}

/* Label placement: none, or by the longest segment at fraction `at` of
 * its length, on one side of it. */
enum { NO, ABOVE, BELOW, LEFT, RIGHT };

/* Add an arrow through n points and place its label. */
static void add(gui_layout *L, ps_transition_kind k, ps_state from, ps_state to, int side,
                float at, int n, const gui_point *p)
{
    gui_arrow *a = &L->arrow[L->narrow++];
    memset(a, 0, sizeof *a);
    a->kind = k;
    a->from = from;
    a->to = to;
    a->np = n;
    memcpy(a->p, p, (size_t)n * sizeof *p);
    if (side == NO)
        return;
    int best = 0;
    float bestlen = -1;
    for (int i = 0; i + 1 < n; i++) {
        float len = hypotf(p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
        if (len > bestlen) {
            bestlen = len;
            best = i;
        }
    }
    gui_point m = {p[best].x + (p[best + 1].x - p[best].x) * at,
                   p[best].y + (p[best + 1].y - p[best].y) * at};
    /* room for the label at the small font (11-12 px): the longer of its
     * English and Korean texts, i18n.c */
    static const float width[PS_TRANSITION_COUNT] = {
        [PS_TR_ADMIT] = 46, [PS_TR_ADMIT_SUSPENDED] = 46, [PS_TR_DISPATCH] = 62,
        [PS_TR_TIMEOUT] = 62, [PS_TR_BLOCK] = 76, [PS_TR_RELEASE] = 54, [PS_TR_WAKE] = 84,
        [PS_TR_SUSPEND_READY] = 58, [PS_TR_SUSPEND_BLOCKED] = 58, [PS_TR_SUSPEND_RUNNING] = 58,
        [PS_TR_WAKE_SUSPENDED] = 84, [PS_TR_ACTIVATE_READY] = 60,
        [PS_TR_ACTIVATE_BLOCKED] = 60, [PS_TR_KILL] = 104,
    };
    float f = (float)L->font_px[0] / 12, lw = width[k] * f, lh = small_line(L) + 1, gap = 3 * f;
    /* a slanted segment runs on under the label's corner: stand clear of it */
    float dx = fabsf(p[best + 1].x - p[best].x), dy = fabsf(p[best + 1].y - p[best].y);
    if ((side == ABOVE || side == BELOW) && dy < 1) /* between two nodes: no wider than */
        lw = fminf(lw, dx - 2 * gap);               /* the room (view.c cuts the text) */
    float clear_x = dy > 0 ? dx / dy * lh / 2 : 0, clear_y = dx > 0 ? dy / dx * lw / 2 : 0;
    switch (side) {
    case ABOVE: a->label = rect(m.x - lw / 2, m.y - lh - gap - clear_y, lw, lh); break;
    case BELOW: a->label = rect(m.x - lw / 2, m.y + gap + clear_y, lw, lh); break;
    case LEFT: a->label = rect(m.x - lw - gap - clear_x, m.y - lh / 2, lw, lh); break;
    default: a->label = rect(m.x + gap + clear_x, m.y - lh / 2, lw, lh); break;
    }
}

#define P(x_, y_) ((gui_point){(x_), (y_)})
#define ARROW(k, f, t, side, at, ...)                                                  \
    do {                                                                               \
        const gui_point pts_[] = {__VA_ARGS__};                                        \
        add(L, PS_TR_##k, PS_##f, PS_##t, side, at, (int)(sizeof pts_ / sizeof pts_[0]), pts_); \
    } while (0)

static void arrows(gui_layout *L)
{
    const gui_rect N = L->node[PS_NEW], R = L->node[PS_READY], U = L->node[PS_RUNNING],
                   B = L->node[PS_BLOCKED], X = L->node[PS_EXIT],
                   RS = L->node[PS_READY_SUSPENDED], BS = L->node[PS_BLOCKED_SUSPENDED];
    const gui_rect d = L->diagram;
    float dy = R.h * 0.22f, s = L->scale;
    float lane_top = N.y + N.h * 0.5f;           /* New -> kill lane */
    float lane_mid = (bottom(N) + R.y) / 2;      /* Running -> Ready/Suspend */
    float bus = bottom(B) + (bottom(d) - bottom(B)) * 0.55f; /* kill bus */
    L->narrow = 0;

    ARROW(CREATE, NONE, NEW, NO, 0.5f, P(N.x - 34 * s, cy(N)), P(N.x, cy(N)));
    ARROW(ADMIT, NEW, READY, RIGHT, 0.3f, P(cx(N) + N.w * 0.3f, bottom(N)), P(cx(R) - R.w * 0.2f, R.y));
    ARROW(ADMIT_SUSPENDED, NEW, READY_SUSPENDED, LEFT, 0.3f, P(cx(N) - N.w * 0.3f, bottom(N)),
          P(cx(RS) + RS.w * 0.25f, RS.y));
    ARROW(DISPATCH, READY, RUNNING, ABOVE, 0.5f, P(right(R), cy(R) - dy), P(U.x, cy(U) - dy));
    ARROW(TIMEOUT, RUNNING, READY, BELOW, 0.5f, P(U.x, cy(U) + dy), P(right(R), cy(R) + dy));
    ARROW(BLOCK, RUNNING, BLOCKED, BELOW, 0.5f, P(cx(U) - U.w * 0.15f, bottom(U)),
          P(cx(U) - U.w * 0.15f, cy(B)), P(right(B), cy(B)));
    ARROW(RELEASE, RUNNING, EXIT, ABOVE, 0.5f, P(right(U), cy(U)), P(X.x, cy(X)));
    ARROW(WAKE, BLOCKED, READY, RIGHT, 0.5f, P(cx(B) + B.w * 0.2f, B.y), P(cx(R) + R.w * 0.2f, bottom(R)));
    ARROW(SUSPEND_READY, READY, READY_SUSPENDED, ABOVE, 0.5f, P(R.x, cy(R) - dy), P(right(RS), cy(RS) - dy));
    ARROW(ACTIVATE_READY, READY_SUSPENDED, READY, BELOW, 0.5f, P(right(RS), cy(RS) + dy), P(R.x, cy(R) + dy));
    ARROW(SUSPEND_BLOCKED, BLOCKED, BLOCKED_SUSPENDED, ABOVE, 0.5f, P(B.x, cy(B) - dy),
          P(right(BS), cy(BS) - dy));
    ARROW(ACTIVATE_BLOCKED, BLOCKED_SUSPENDED, BLOCKED, BELOW, 0.5f, P(right(BS), cy(BS) + dy),
          P(B.x, cy(B) + dy));
    ARROW(SUSPEND_RUNNING, RUNNING, READY_SUSPENDED, ABOVE, 0.18f, P(cx(U) - U.w * 0.2f, U.y),
          P(cx(U) - U.w * 0.2f, lane_mid), P(cx(RS) - RS.w * 0.2f, lane_mid),
          P(cx(RS) - RS.w * 0.2f, RS.y));
    ARROW(WAKE_SUSPENDED, BLOCKED_SUSPENDED, READY_SUSPENDED, RIGHT, 0.5f, P(cx(BS), BS.y),
          P(cx(RS), bottom(RS)));

    /* kill: from every live state into Exit, along two lanes; one label */
    ARROW(KILL, NEW, EXIT, ABOVE, 0.5f, P(right(N), lane_top), P(cx(X), lane_top), P(cx(X), X.y));
    ARROW(KILL, READY, EXIT, NO, 0.5f, P(cx(R) + R.w * 0.35f, R.y),
          P(cx(R) + R.w * 0.35f, lane_top + (lane_mid - lane_top) * 0.5f),
          P(cx(X) - X.w * 0.25f, lane_top + (lane_mid - lane_top) * 0.5f),
          P(cx(X) - X.w * 0.25f, X.y));
    ARROW(KILL, RUNNING, EXIT, NO, 0.5f, P(right(U), cy(U) + dy), P(X.x, cy(X) + dy));
    ARROW(KILL, BLOCKED, EXIT, NO, 0.5f, P(cx(B) - B.w * 0.3f, bottom(B)), P(cx(B) - B.w * 0.3f, bus),
          P(cx(X), bus), P(cx(X), bottom(X)));
    ARROW(KILL, BLOCKED_SUSPENDED, EXIT, NO, 0.5f, P(cx(BS), bottom(BS)), P(cx(BS), bus), P(cx(X), bus),
          P(cx(X), bottom(X)));
    ARROW(KILL, READY_SUSPENDED, EXIT, NO, 0.5f, P(RS.x, cy(RS)), P(d.x + 4 * s, cy(RS)),
          P(d.x + 4 * s, bus), P(cx(X), bus), P(cx(X), bottom(X)));
}

/* Does the segment a-b pass through r (Liang-Barsky clipping)? */
static int segment_hits(gui_point a, gui_point b, gui_rect r)
{
    float t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {a.x - r.x, right(r) - a.x, a.y - r.y, bottom(r) - a.y};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
            continue;
        }
        float t = q[i] / p[i];
        if (p[i] < 0)
            t0 = fmaxf(t0, t);
        else
            t1 = fminf(t1, t);
        if (t0 > t1)
            return 0;
    }
    return 1;
}

/* Where large type (zoom, presentation mode) in a small diagram puts a
 * label on a node, another label or an arrow, the label goes: the arrow
 * stays, its words are in the help and the log. */
static void drop_crowded_labels(gui_layout *L)
{
    for (int i = 0; i < L->narrow; i++) {
        gui_rect b = L->arrow[i].label;
        int clear = b.w > 0;
        for (int s = 0; clear && s < PS_STATE_COUNT; s++)
            clear = !gui_rect_overlap(b, L->node[s]);
        for (int j = 0; clear && j < L->narrow; j++) {
            const gui_arrow *o = &L->arrow[j];
            clear = j >= i || o->label.w <= 0 || !gui_rect_overlap(b, o->label);
            for (int k = 0; clear && k + 1 < o->np; k++)
                clear = !segment_hits(o->p[k], o->p[k + 1], b);
        }
        clear = clear && b.x >= L->diagram.x && b.y >= L->diagram.y &&
                right(b) <= right(L->diagram) && bottom(b) <= bottom(L->diagram);
        if (!clear)
            L->arrow[i].label = rect(0, 0, 0, 0);
    }
}

void gui_layout_compute_in(gui_layout *L, const gui_layout_in *in)
{
    memset(L, 0, sizeof *L);
    L->in = *in;
    L->w = in->w;
    L->h = in->h;
    L->scale = in->scale > 0 ? in->scale : 1;
    fonts(L);
    panels(L);
    gui_layout_place_diagram(L, L->diagram);
}

void gui_layout_compute(gui_layout *L, float w, float h, float scale)
{
    gui_layout_compute_in(L, &(gui_layout_in){.w = w, .h = h, .scale = scale, .zoom = 1});
}

void gui_layout_place_diagram(gui_layout *L, gui_rect d)
{
    L->diagram = d;
    nodes(L);
    arrows(L);
    drop_crowded_labels(L);
}

const gui_arrow *gui_layout_arrow(const gui_layout *L, ps_transition_kind k, ps_state from)
{
    for (int i = 0; i < L->narrow; i++)
        if (L->arrow[i].kind == k && L->arrow[i].from == from)
            return &L->arrow[i];
    return NULL;
}

float gui_arrow_length(const gui_arrow *a)
{
    float len = 0;
    for (int i = 0; i + 1 < a->np; i++)
        len += hypotf(a->p[i + 1].x - a->p[i].x, a->p[i + 1].y - a->p[i].y);
    return len;
}

gui_point gui_arrow_point(const gui_arrow *a, float t)
{
    if (t <= 0 || a->np < 2)
        return a->p[0];
    float want = gui_arrow_length(a) * (t >= 1 ? 1 : t);
    for (int i = 0; i + 1 < a->np; i++) {
        float seg = hypotf(a->p[i + 1].x - a->p[i].x, a->p[i + 1].y - a->p[i].y);
        if (want <= seg && seg > 0) {
            float f = want / seg;
            return (gui_point){a->p[i].x + (a->p[i + 1].x - a->p[i].x) * f,
                               a->p[i].y + (a->p[i + 1].y - a->p[i].y) * f};
        }
        want -= seg;
    }
    return a->p[a->np - 1];
}

float gui_ease(float t)
{
    if (t <= 0)
        return 0;
    if (t >= 1)
        return 1;
    return t * t * (3 - 2 * t);
}

float gui_token_pitch(const gui_layout *L)
{
    return 2 * L->token_r + fmaxf(GUI_TOKEN_GAP * L->scale, 0.3f * L->token_r);
}

/* How many discs of radius r at pitch d fit along a length (with a
 * thousandth of a pixel for rounding: nodes() sizes a node to the pixel). */
static int along(float len, float r, float d)
{
    len += 1e-3f;
    return len < 2 * r ? 0 : 1 + (int)((len - 2 * r) / d);
}

gui_point gui_node_slot(const gui_layout *L, ps_state s, int i, int n, int *fits)
{
    gui_rect b = L->node[s];
    /* below the node's two titles (the state in both languages), inside
     * its border, with room for the selection's ring (e: all a disc keeps
     * off the sides and the bottom) */
    float r = L->token_r, d = gui_token_pitch(L), e = border(L) + ring(L);
    float top = b.y + L->title_h + token_pad(L) + ring(L);
    int cols = along(b.w - 2 * e, r, d), rows = along(bottom(b) - e - top, r, d);
    int cap = cols * rows;
    if (fits)
        *fits = n < cap ? n : cap;
    if (cap == 0) /* not even one: the node shows "+k" */
        return (gui_point){cx(b), cy(b)};
    if (i >= cap)
        i = cap - 1;
    int per_row = n < cols ? (n > 0 ? n : 1) : cols;
    float x0 = cx(b) - (float)(per_row - 1) * d / 2;
    return (gui_point){x0 + (float)(i % cols) * d, top + r + (float)(i / cols) * d};
}

int gui_rect_hit(gui_rect r, float x, float y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

int gui_circle_hit(gui_point c, float r, float x, float y)
{
    return (x - c.x) * (x - c.x) + (y - c.y) * (y - c.y) <= r * r;
}

int gui_rect_overlap(gui_rect a, gui_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
