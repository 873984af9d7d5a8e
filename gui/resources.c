/* resources.c — see resources.h. */
#include "resources.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The panel's words: English, or Korean. */
#define T(en, ko) (L->lang == GUI_KO ? (ko) : (en))

typedef struct lay {
    gui_res *R;
    gui_measure_fn measure;
    void *ctx;
    gui_lang lang;
    float sc, lh, gap, right; /* right: where a row's content ends */
    float chip_h, row;        /* a chip's (and a token's) height, a row's */
    float more_w;             /* room kept at a row's end for "+k" */
} lay;

#define QMAX 64 /* queue entries looked at per object (more: "+k") */

static float text_w(const lay *L, const char *s, int normal)
{
    int w = 0, h = 0;
    L->measure(L->ctx, s, normal, &w, &h);
    return (float)w;
}

/* `s` cut at a character boundary, with "...", to be at most w wide. */
static void fit(const lay *L, char *s, size_t size, float w, int normal)
{
    size_t n = strlen(s);
    if (text_w(L, s, normal) <= w)
        return;
    while (n > 0) {
        do
            n--;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80);
        if (n + 4 > size)
            continue;
        memcpy(s + n, "...", 4);
        if (text_w(L, s, normal) <= w)
            return;
    }
    s[0] = 0;
}

static gui_res_item *add(lay *L, gui_res_style st, gui_rect r, uint32_t pid, const char *text)
{
    gui_res *R = L->R;
    if (R->n == GUI_RES_MAX)
        return NULL;
    gui_res_item *it = &R->item[R->n++];
    memset(it, 0, sizeof *it);
    it->r = r;
    it->style = (uint8_t)st;
    it->pid = pid;
    snprintf(it->text, sizeof it->text, "%s", text ? text : "");
    gui_utf8_trim(it->text);
    return it;
}

/* Words at *x on the row at y, if they fit before `limit`; *x moves on. */
static gui_res_item *words(lay *L, float *x, float y, float limit, gui_res_style st, int normal,
                           const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static gui_res_item *words(lay *L, float *x, float y, float limit, gui_res_style st, int normal,
                           const char *fmt, ...)
{
    char buf[sizeof L->R->item[0].text];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    gui_utf8_trim(buf);
    int w = 0, h = 0;
    L->measure(L->ctx, buf, normal, &w, &h);
    if (*x + (float)w > limit)
        return NULL;
    gui_res_item *it = add(L, st, (gui_rect){*x, y + (L->lh - (float)h) / 2, (float)w, (float)h}, 0, buf);
    if (it)
        it->normal = (uint8_t)normal;
    *x += (float)w + L->gap;
    return it;
}

/* A chip (a value, a register copy) or a token (a process) at *x. */
static gui_res_item *chip(lay *L, float *x, float y, gui_res_style st, uint32_t pid, const char *text)
{
    float w = st == GUI_RES_TOKEN || st == GUI_RES_OUT ? L->chip_h : text_w(L, text, 0) + 8 * L->sc;
    if (*x + w > L->right - L->more_w)
        return NULL;
    gui_res_item *it = add(L, st, (gui_rect){*x, y + (L->lh - L->chip_h) / 2, w, L->chip_h}, pid, text);
    *x += w + 3 * L->sc;
    return it;
}

/* "+k" for k more, short enough for the room a row keeps for it (more_w):
 * +999, +12k, +3M. */
static void more_count(char *buf, size_t size, uint32_t k)
{
    if (k < 1000)
        snprintf(buf, size, "+%u", k);
    else if (k < 1000000)
        snprintf(buf, size, "+%uk", k / 1000);
    else
        snprintf(buf, size, "+%uM", k / 1000000);
}

static gui_res_item *token(lay *L, float *x, float y, uint32_t pid, ps_wait_kind wait, uint32_t obj)
{
    char id[16];
    snprintf(id, sizeof id, "%u", pid);
    gui_res_item *it = chip(L, x, y, GUI_RES_TOKEN, pid, id);
    if (it) {
        it->wait = (uint8_t)wait;
        it->obj = obj;
    }
    return it;
}

/* Tokens for pids[0..n), then "+k" for those that do not fit. */
static void tokens(lay *L, float *x, float y, const uint32_t *pids, uint32_t n, ps_wait_kind wait,
                   uint32_t obj)
{
    char more[24];
    uint32_t i = 0;
    while (i < n && i < QMAX && token(L, x, y, pids[i], wait, obj))
        i++;
    if (i < n) {
        more_count(more, sizeof more, n - i);
        words(L, x, y, L->right, GUI_RES_TEXT, 0, "%s", more);
    }
}

/* The row's label, the object's name cut to the label column. */
static void label(lay *L, float x, float y, float w, const char *name, gui_res_style st)
{
    char buf[80];
    snprintf(buf, sizeof buf, "%s", name);
    fit(L, buf, sizeof buf, w, 0);
    float cx = x;
    words(L, &cx, y, x + w, st, 0, "%s", buf);
}

/* ---- the objects ------------------------------------------------------ */

typedef struct rows {
    float x, y, top, bottom, label_w, content_x;
    float panel_x, col_w;    /* the panel's left, a column's width */
    int col, ncols;          /* the column rows go to now, of how many */
    int skipped;             /* rows that did not fit */
} rows;

/* Start column w->col: its rows' x, labels and right end. */
static void column(lay *L, rows *w, float scale)
{
    w->x = w->panel_x + 8 * scale + (float)w->col * w->col_w;
    w->y = w->top;
    w->label_w = w->col_w * 0.16f < 100 * scale ? w->col_w * 0.16f : 100 * scale;
    w->content_x = w->x + w->label_w + L->gap;
    L->right = w->x + w->col_w - (w->ncols > 1 ? 16 : 14) * scale;
}

/* Room for k more rows (in this column or the next)?  Counts the row as
 * skipped when not. */
static int room(lay *L, rows *w, int k)
{
    if (w->y + (float)k * L->row <= w->bottom)
        return 1;
    if (w->col + 1 < w->ncols) {
        w->col++;
        column(L, w, L->sc);
        if (w->y + (float)k * L->row <= w->bottom)
            return 1;
    }
    w->skipped++;
    return 0;
}

static void next_row(const lay *L, rows *w)
{
    w->y += L->row;
}

static const char *proc_name(const ps_engine *e, uint32_t pid)
{
    const ps_pcb *p = pid ? ps_engine_pcb(e, pid) : NULL;
    return p ? p->name : "?";
}

/* A private variable: no value of its own, a copy in every process (made
 * at spawn, rule P1), so its rows show each process's copy and, at the
 * end, that pid 1 never saw the others' increments. */
static void private_variable(lay *L, rows *w, const gui_sim *g, uint32_t v)
{
    const ps_engine *e = g->e;
    label(L, w->x, w->y, w->label_w, ps_engine_scenario(e)->variables.names[v], GUI_RES_LABEL);
    float x = w->content_x;
    uint32_t np = ps_engine_nprocs(e), created = 0;
    if (words(L, &x, w->y, L->right - L->more_w, GUI_RES_TEXT, 0, "%s",
              T("private, each process's own copy:", "비공유, 프로세스마다 자기 사본:")))
        for (uint32_t pid = 1; pid <= np; pid++) {
            const ps_pcb *p = ps_engine_pcb(e, pid);
            if (!p->created)
                continue;
            char copy[GUI_NAME_BUF + 24];
            snprintf(copy, sizeof copy, "%s %lld", p->name, (long long)ps_engine_private(e, pid, v));
            if (!chip(L, &x, w->y, GUI_RES_COPY, pid, copy)) {
                for (uint32_t q = pid; q <= np; q++)
                    created += ps_engine_pcb(e, q)->created;
                char more[24];
                more_count(more, sizeof more, created);
                words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "%s", more);
                break;
            }
        }
    next_row(L, w);
    x = w->content_x;
    int64_t others = 0;
    for (uint32_t pid = 2; pid <= np; pid++)
        if (ps_engine_pcb(e, pid)->created)
            others += ps_engine_private(e, pid, v);
    const char *first = proc_name(e, 1);
    long long mine = (long long)ps_engine_private(e, 1, v);
    if (g->status == PS_STEP_DONE)
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0,
              T("final: %s sees %lld; the others' copies add up to %lld, never shared",
                "최종: %s에게는 %lld; 다른 프로세스의 사본 합 %lld은 공유되지 않음"),
              first, mine, (long long)others);
    else
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0,
              T("copied at spawn: an add changes only the adder's own copy",
                "생성할 때 복사됨: add는 더하는 프로세스 자신의 사본만 바꿈"));
    next_row(L, w);
}

static void variable(lay *L, rows *w, const gui_sim *g, uint32_t v)
{
    const ps_engine *e = g->e;
    const ps_scenario *s = ps_engine_scenario(e);
    if (!room(L, w, 2))
        return;
    if (s->var_private && s->var_private[v]) {
        private_variable(L, w, g, v);
        return;
    }
    int64_t value = ps_engine_variable(e, v), lost = g->lost ? g->lost[v] : 0;
    const gui_op *flash = gui_sim_lost_update(g, v, GUI_RES_FLASH_SECONDS);
    if (flash) { /* first: drawn behind the rows */
        gui_res_item *f = add(L, GUI_RES_FLASH,
                              (gui_rect){w->x - 4 * L->sc, w->y - 2 * L->sc,
                                         L->right - w->x + 6 * L->sc, 2 * L->row},
                              flash->ev.pid, "");
        if (f)
            f->alpha = (float)(1 - (g->clock - flash->at) / GUI_RES_FLASH_SECONDS);
    }
    label(L, w->x, w->y, w->label_w, s->variables.names[v], GUI_RES_LABEL);
    float x = w->content_x;
    words(L, &x, w->y, L->right, GUI_RES_VALUE, 1, "%lld", (long long)value);
    /* the copies read by increments not yet written back */
    int shown = 0;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        ps_regs r = ps_engine_regs(e, pid);
        const ps_proc_spec *spec = &s->procs[pid - 1];
        if (!p->created || p->state == PS_EXIT || r.pc >= spec->op_count || r.cnt % 2 == 0)
            continue;
        const ps_op *op = &s->ops[spec->op_first + r.pc];
        if (op->kind != PS_OP_ADD || op->obj != v)
            continue;
        if (!shown++ && !words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "%s",
                               T("read, not yet written:", "읽고 아직 안 씀:")))
            break;
        char copy[GUI_NAME_BUF + 24];
        snprintf(copy, sizeof copy, "%s %lld", p->name, (long long)r.tmp);
        /* stale once another process has written since the read, as the
         * engine flags a lost update (the value may have come back) */
        int stale = g->read_at && g->writes ? g->read_at[pid - 1] != g->writes[v] : r.tmp != value;
        if (!chip(L, &x, w->y, stale ? GUI_RES_STALE : GUI_RES_FRESH, pid, copy)) {
            words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "+");
            break;
        }
    }
    next_row(L, w);
    x = w->content_x;
    if (g->status == PS_STEP_DONE)
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0,
              T("final %lld, %lld expected (%lld lost)", "최종 %lld, 기대값 %lld (%lld개 손실)"),
              (long long)value, (long long)(value + lost), (long long)lost);
    else if (lost)
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0,
              T("%lld expected, %lld lost so far", "기대값 %lld, 지금까지 %lld개 손실"),
              (long long)(value + lost), (long long)lost);
    else
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "%s",
              T("no update lost yet", "아직 손실된 갱신 없음"));
    if (flash) {
        const ps_op_event *ev = &flash->ev;
        const char *who = proc_name(e, ev->pid), *over = proc_name(e, ev->other);
        if (ev->other && L->lang == GUI_KO) /* the words come in another order */
            words(L, &x, w->y, L->right, GUI_RES_LOST, 0,
                  " — 갱신 손실: %s가 %s의 갱신 위에 %lld를 씀, %lld개 덮어씀", who, over,
                  (long long)ev->value, (long long)ev->detail);
        else if (ev->other)
            words(L, &x, w->y, L->right, GUI_RES_LOST, 0,
                  " — lost update: %s wrote %lld over %s's, %lld overwritten", who,
                  (long long)ev->value,
                  over, (long long)ev->detail);
        else
            words(L, &x, w->y, L->right, GUI_RES_LOST, 0,
                  T(" — lost update: %s wrote %lld, %lld overwritten",
                    " — 갱신 손실: %s가 %lld를 씀, %lld개 덮어씀"),
                  who, (long long)ev->value, (long long)ev->detail);
    }
    next_row(L, w);
}


static void channel(lay *L, rows *w, const ps_engine *e, uint32_t c)
{
    if (!room(L, w, 1))
        return;
    label(L, w->x, w->y, w->label_w, ps_engine_scenario(e)->channels.names[c], GUI_RES_LABEL);
    float x = w->content_x;
    int64_t items[QMAX];
    uint32_t pids[QMAX];
    uint32_t n = ps_engine_channel_items(e, c, items, QMAX), shown = n < QMAX ? n : QMAX;
    if (!n)
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "%s", T("empty", "비어 있음"));
    uint32_t drawn = 0;
    for (; drawn < shown; drawn++) {
        char v[32];
        if (items[drawn] == PS_VALUE_NONE)
            snprintf(v, sizeof v, "None");
        else
            snprintf(v, sizeof v, "%lld", (long long)items[drawn]);
        if (!chip(L, &x, w->y, items[drawn] == PS_VALUE_NONE ? GUI_RES_NONE : GUI_RES_ITEM, 0,
                  v))
            break;
    }
    if (drawn < n) { /* one count of the rest, in the room chips leave for it */
        char more[24];
        more_count(more, sizeof more, n - drawn);
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "%s", more);
    }
    uint32_t k = ps_engine_channel_receivers(e, c, pids, QMAX);
    if (k && words(L, &x, w->y, L->right - L->more_w, GUI_RES_TEXT, 0, "%s",
                   T("waiting to receive:", "받기 대기:")))
        tokens(L, &x, w->y, pids, k, PS_WAIT_CHANNEL, c); /* k may pass QMAX: counted */
    next_row(L, w);
}

static void mutex(lay *L, rows *w, const ps_engine *e, uint32_t m)
{
    if (!room(L, w, 1))
        return;
    label(L, w->x, w->y, w->label_w, ps_engine_scenario(e)->mutexes.names[m], GUI_RES_LABEL);
    float x = w->content_x;
    uint32_t owner = ps_engine_mutex_owner(e, m), pids[QMAX];
    if (!owner)
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "%s", T("free", "풀려 있음"));
    else if (words(L, &x, w->y, L->right - L->more_w, GUI_RES_TEXT, 0, "%s", T("held by", "보유:")))
        token(L, &x, w->y, owner, PS_WAIT_NOTHING, m);
    uint32_t k = ps_engine_mutex_waiters(e, m, pids, QMAX);
    if (k && words(L, &x, w->y, L->right - L->more_w, GUI_RES_TEXT, 0, "%s",
                   T("waiting (first in line first):", "대기 (먼저 온 순서):")))
        tokens(L, &x, w->y, pids, k, PS_WAIT_MUTEX, m); /* k may pass QMAX: counted */
    next_row(L, w);
}

/* A device is shown when a program uses it, or it has work. */
static int device_used(const ps_engine *e, uint32_t d)
{
    const ps_scenario *s = ps_engine_scenario(e);
    for (uint32_t i = 0; i < s->nops; i++)
        if (s->ops[i].kind == PS_OP_IO && s->ops[i].obj == d)
            return 1;
    return ps_engine_device_serving(e, d) != 0;
}

static void device(lay *L, rows *w, const ps_engine *e, uint32_t d)
{
    if (!device_used(e, d) || !room(L, w, 1))
        return;
    label(L, w->x, w->y, w->label_w, ps_engine_scenario(e)->devices.names[d], GUI_RES_LABEL);
    float x = w->content_x;
    uint32_t serving = ps_engine_device_serving(e, d), pids[QMAX];
    if (!serving)
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "%s", T("idle", "쉬는 중"));
    else if (words(L, &x, w->y, L->right - L->more_w, GUI_RES_TEXT, 0, "%s", T("serving", "처리 중:")))
        token(L, &x, w->y, serving, PS_WAIT_DEVICE, d);
    uint32_t k = ps_engine_device_queue(e, d, pids, QMAX);
    if (k && words(L, &x, w->y, L->right - L->more_w, GUI_RES_TEXT, 0, "%s", T("queue:", "대기열:")))
        tokens(L, &x, w->y, pids, k, PS_WAIT_DEVICE, d); /* k may pass QMAX: counted */
    next_row(L, w);
}

/* Memory is shown when it is limited, or some process needs any. */
static int memory_shown(const ps_scenario *s)
{
    int any = s->memory != PS_UNLIMITED;
    for (uint32_t i = 0; i < s->nprocs; i++)
        any |= s->procs[i].memory > 0;
    return any;
}

/* Memory: a bar of who holds how much, then the processes swapped out. */
static void memory(lay *L, rows *w, const ps_engine *e)
{
    const ps_scenario *s = ps_engine_scenario(e);
    if (!memory_shown(s) || !room(L, w, 1))
        return;
    label(L, w->x, w->y, w->label_w, T("memory", "메모리"), GUI_RES_LABEL);
    int64_t used = ps_engine_memory_used(e);
    int64_t total = s->memory != PS_UNLIMITED ? s->memory : used;
    float x = w->content_x, bw = (L->right - x) * 0.5f;
    for (uint32_t pid = 1; total > 0 && pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (!p->created || !ps_state_resident((ps_state)p->state) || p->memory <= 0)
            continue;
        float pw = bw * (float)p->memory / (float)total;
        char long_[GUI_NAME_BUF + 24], id[16];
        snprintf(long_, sizeof long_, "%s %lld", p->name, (long long)p->memory);
        snprintf(id, sizeof id, "%u", pid);
        add(L, GUI_RES_BAR, (gui_rect){x, w->y + (L->lh - L->chip_h) / 2, pw, L->chip_h}, pid,
            text_w(L, long_, 0) + 6 * L->sc <= pw ? long_ : text_w(L, id, 0) + 4 * L->sc <= pw ? id : "");
        x += pw;
    }
    float end = w->content_x + bw;
    if (x < end - 0.5f)
        add(L, GUI_RES_FREE, (gui_rect){x, w->y + (L->lh - L->chip_h) / 2, end - x, L->chip_h}, 0, "");
    x = end + L->gap;
    if (s->memory != PS_UNLIMITED)
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, T("%lld of %lld used", "%lld / %lld 사용"),
              (long long)used, (long long)s->memory);
    else
        words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, T("%lld used, no limit", "%lld 사용, 제한 없음"),
              (long long)used);
    int out = 0;
    for (uint32_t pid = 1; pid <= ps_engine_nprocs(e); pid++) {
        const ps_pcb *p = ps_engine_pcb(e, pid);
        if (!p->created || p->memory <= 0 ||
            (p->state != PS_READY_SUSPENDED && p->state != PS_BLOCKED_SUSPENDED))
            continue;
        if (!out++ && !words(L, &x, w->y, L->right - L->more_w, GUI_RES_TEXT, 0, "%s",
                             T("swapped out:", "스왑 아웃:")))
            break;
        char id[16];
        snprintf(id, sizeof id, "%u", pid);
        if (!chip(L, &x, w->y, GUI_RES_OUT, pid, id)) {
            words(L, &x, w->y, L->right, GUI_RES_TEXT, 0, "+");
            break;
        }
    }
    next_row(L, w);
}

/* ---- the deadlock: a cycle in the wait-for graph ------------------------ */

/* Whether process q's program sends on channel c. */
static int sends_on(const ps_scenario *s, uint32_t q, uint32_t c)
{
    const ps_proc_spec *spec = &s->procs[q - 1];
    for (uint32_t i = 0; i < spec->op_count; i++)
        if (s->ops[spec->op_first + i].kind == PS_OP_SEND && s->ops[spec->op_first + i].obj == c)
            return 1;
    return 0;
}

/* The processes p waits for (the edges out of p): a mutex's holder, the
 * child it joins (any: each live child), or every live process that could
 * send on the empty channel it waits on. */
static uint32_t waits_for(const ps_engine *e, const ps_pcb *p, uint32_t *out, uint32_t max)
{
    uint32_t n = 0, np = ps_engine_nprocs(e);
    if (p->state != PS_BLOCKED && p->state != PS_BLOCKED_SUSPENDED)
        return 0;
    switch ((ps_wait_kind)p->wait_kind) {
    case PS_WAIT_MUTEX:
        if ((out[0] = ps_engine_mutex_owner(e, p->wait_obj)) != 0)
            n = 1;
        break;
    case PS_WAIT_CHILD:
        for (uint32_t k = p->first_child; k && n < max; k = ps_engine_pcb(e, k)->next_sibling)
            if ((p->wait_obj == PS_WAIT_ANY || p->wait_obj == k) &&
                ps_engine_pcb(e, k)->state != PS_EXIT)
                out[n++] = k;
        break;
    case PS_WAIT_CHANNEL:
        for (uint32_t q = 1; q <= np && n < max; q++)
            if (q != p->pid && ps_engine_pcb(e, q)->state != PS_EXIT &&
                sends_on(ps_engine_scenario(e), q, p->wait_obj))
                out[n++] = q;
        break;
    case PS_WAIT_CHILD_UNTIL: /* its timeout ends it: no deadlock */
    case PS_WAIT_NOTHING:
    case PS_WAIT_DEVICE:
    case PS_WAIT_SLEEP:
        break;
    }
    return n;
}

/* Depth-first from pid along the path path[0..depth): on meeting a
 * process on the path, the cycle from it is R's.  mark: 0 new, 1 on the
 * path, 2 done. */
static int find_cycle(gui_res *R, const ps_engine *e, uint8_t *mark, uint32_t *path, int depth,
                      uint32_t pid)
{
    if (mark[pid] == 2 || depth == GUI_RES_CYCLE)
        return 0;
    if (mark[pid] == 1) {
        int from = depth;
        while (from > 0 && path[from - 1] != pid)
            from--;
        if (from == 0)
            return 0; /* marked on the path, so never: but say so to the compiler */
        R->ncycle = 0;
        for (int i = from - 1; i < depth; i++)
            R->cycle[R->ncycle++] = path[i];
        return 1;
    }
    mark[pid] = 1;
    path[depth] = pid;
    uint32_t next[QMAX];
    uint32_t n = waits_for(e, ps_engine_pcb(e, pid), next, QMAX);
    for (uint32_t i = 0; i < n; i++)
        if (find_cycle(R, e, mark, path, depth + 1, next[i]))
            return 1;
    mark[pid] = 2;
    return 0;
}

/* What process p waits on, in a word: the object's name. */
static const char *via(const ps_engine *e, const ps_pcb *p, const lay *L)
{
    const ps_scenario *s = ps_engine_scenario(e);
    switch ((ps_wait_kind)p->wait_kind) {
    case PS_WAIT_MUTEX: return s->mutexes.names[p->wait_obj];
    case PS_WAIT_CHANNEL: return s->channels.names[p->wait_obj];
    case PS_WAIT_CHILD:
    case PS_WAIT_CHILD_UNTIL: return T("join", "자식 대기");
    case PS_WAIT_NOTHING:
    case PS_WAIT_DEVICE:
    case PS_WAIT_SLEEP: break;
    }
    return "?";
}

/* The stuck run's row: its cycle as tokens and the objects between them,
 * or (no cycle: a wait nothing will ever end) the deadlock report. */
static void deadlock(lay *L, rows *w, const gui_sim *g)
{
    const ps_engine *e = g->e;
    uint32_t np = ps_engine_nprocs(e), path[GUI_RES_CYCLE];
    uint8_t *mark = calloc(np + 1, 1);
    for (uint32_t pid = 1; mark && pid <= np && !L->R->ncycle; pid++)
        find_cycle(L->R, e, mark, path, 0, pid);
    free(mark);
    if (!room(L, w, 1))
        return;
    label(L, w->x, w->y, w->label_w, gui_word_text(GUI_W_DEADLOCK, L->lang), GUI_RES_DEADLOCK);
    float x = w->content_x;
    const gui_res *R = L->R;
    for (int i = 0; i < R->ncycle; i++) {
        const ps_pcb *p = ps_engine_pcb(e, R->cycle[i]);
        gui_res_item *t = token(L, &x, w->y, p->pid, PS_WAIT_NOTHING, 0);
        if (!t || !words(L, &x, w->y, L->right - L->more_w, GUI_RES_DEADLOCK, 0, "-%s->", via(e, p, L)))
            break;
        t->cycle = 1;
    }
    if (R->ncycle) {
        gui_res_item *t = token(L, &x, w->y, R->cycle[0], PS_WAIT_NOTHING, 0);
        if (t)
            t->cycle = 1;
    } else {
        char report[512];
        snprintf(report, sizeof report, "%s", g->stuck[gui_ps_lang(L->lang)]);
        fit(L, report, sizeof report, L->right - x, 0);
        words(L, &x, w->y, L->right, GUI_RES_DEADLOCK, 0, "%s", report);
    }
    next_row(L, w);
}

/* ---- the panel -------------------------------------------------------- */

static void measure_lh(lay *L)
{
    int w = 0, h = 0;
    L->measure(L->ctx, "Ag한", 0, &w, &h);
    L->lh = (float)h;
}

int gui_res_rows_wanted(const gui_sim *g)
{
    const ps_engine *e = g ? g->e : NULL;
    if (!e)
        return 0;
    const ps_scenario *s = ps_engine_scenario(e);
    int need = g->status == PS_STEP_STUCK;
    for (uint32_t d = 0; d < s->devices.count; d++)
        need += device_used(e, d);
    return need + (int)(2 * s->variables.count + s->channels.count + s->mutexes.count) +
           memory_shown(s);
}

void gui_res_compute(gui_res *R, const gui_sim *g, gui_lang lang, gui_rect panel, float scale,
                     gui_measure_fn measure, void *ctx)
{
    R->n = 0;
    R->ncycle = 0;
    R->skipped = 0;
    lay L0 = {.R = R, .measure = measure, .ctx = ctx, .lang = lang, .sc = scale}, *L = &L0;
    measure_lh(L);
    L->gap = 6 * scale;
    L->chip_h = L->lh + 3 * scale;
    L->row = L->lh + 8 * scale;
    L->right = panel.x + panel.w - 6 * scale;
    L->more_w = text_w(L, "+999k", 0) + L->gap;
    float tx = panel.x + 6 * scale;
    gui_res_item *title = words(L, &tx, panel.y + 3 * scale, L->right, GUI_RES_TEXT, 0, "%s",
                                gui_word_text(GUI_W_RESOURCES, lang));
    const ps_engine *e = g ? g->e : NULL;
    rows w = {.top = panel.y + L->lh + 8 * scale, .bottom = panel.y + panel.h - 3 * scale,
              .ncols = 1, .panel_x = panel.x};
    /* two columns when one would not hold every row and the panel is wide */
    int need = gui_res_rows_wanted(g);
    const ps_scenario *s = e ? ps_engine_scenario(e) : NULL;
    if ((float)need * L->row > w.bottom - w.top && panel.w >= 720 * scale)
        w.ncols = 2;
    w.col_w = (panel.w - 8 * scale) / (float)w.ncols;
    column(L, &w, scale);
    if (!e)
        return;
    if (g->status == PS_STEP_STUCK)
        deadlock(L, &w, g);
    for (uint32_t v = 0; v < s->variables.count; v++)
        variable(L, &w, g, v);
    for (uint32_t c = 0; c < s->channels.count; c++)
        channel(L, &w, e, c);
    for (uint32_t m = 0; m < s->mutexes.count; m++)
        mutex(L, &w, e, m);
    for (uint32_t d = 0; d < s->devices.count; d++)
        device(L, &w, e, d);
    memory(L, &w, e);
    R->skipped = w.skipped;
    if (title && w.skipped) /* what did not fit, said beside the title */
        words(L, &tx, panel.y + 3 * scale, L->right, GUI_RES_TEXT, 0,
              T("(+%d more not shown: a larger window shows them)", "(+%d개 더: 창을 키우면 보임)"),
              w.skipped);
    if (title && w.y == panel.y + L->lh + 8 * scale && !w.skipped)
        words(L, &tx, panel.y + 3 * scale, L->right, GUI_RES_TEXT, 0, "%s",
              T("- nothing shared: no variables, channels, locks, devices or memory limit",
                "- 공유하는 것 없음: 변수, 채널, 락, 장치, 메모리 제한이 없음"));
}

const gui_res_item *gui_res_tie(const gui_res *R, const ps_pcb *p)
{
    if (p->state != PS_BLOCKED && p->state != PS_BLOCKED_SUSPENDED)
        return NULL;
    if (p->wait_kind != PS_WAIT_DEVICE && p->wait_kind != PS_WAIT_CHANNEL &&
        p->wait_kind != PS_WAIT_MUTEX)
        return NULL;
    for (int i = 0; i < R->n; i++) {
        const gui_res_item *it = &R->item[i];
        if (it->style == GUI_RES_TOKEN && it->pid == p->pid && it->wait == p->wait_kind &&
            it->obj == p->wait_obj)
            return it;
    }
    return NULL;
}

int gui_res_in_cycle(const gui_res *R, uint32_t pid)
{
    for (int i = 0; i < R->ncycle; i++)
        if (R->cycle[i] == pid)
            return 1;
    return 0;
}
