/* files.c — the PCB's open files (engine.h, docs/engine.md "Open files"):
 * the channel ends and devices a live process holds, read off its program
 * once, when the engine is made. */
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

static const struct {
    const char *token;
    const char *text[PS_LANG_COUNT];
} kinds[PS_FILE_KIND_COUNT] = {
#define PS_X_(e, tok, en, ko) [PS_FILE_##e] = {tok, {en, ko}},
    PS_FILE_KINDS(PS_X_)
#undef PS_X_
};

const char *ps_file_kind_token(ps_file_kind k)
{
    return (unsigned)k < PS_FILE_KIND_COUNT ? kinds[k].token : "?";
}

/* The file an op uses, as a sort key (channels before devices, by index,
 * read end before write end); 0 for an op that uses none. */
static uint64_t file_key(const ps_op *op)
{
    switch ((ps_op_kind)op->kind) {
    case PS_OP_RECV:
    case PS_OP_FOR_IN: /* a loop receiving from channel obj */
        return 1 + ((uint64_t)op->obj << 1);
    case PS_OP_SEND: return 2 + ((uint64_t)op->obj << 1);
    case PS_OP_IO: return ((uint64_t)1 << 40) + op->obj;
    case PS_OP_CPU:
    case PS_OP_SLEEP:
    case PS_OP_SPAWN:
    case PS_OP_WAIT:
    case PS_OP_LOCK:
    case PS_OP_UNLOCK:
    case PS_OP_ADD:
    case PS_OP_EXIT:
    case PS_OP_KILL:
    case PS_OP_IS_ALIVE:
    case PS_OP_LOOP:
    case PS_OP_END:
    case PS_OP_COUNT:
        break;
    }
    return 0;
}

static ps_open_file file_of(uint64_t key)
{
    if (key >= (uint64_t)1 << 40)
        return (ps_open_file){PS_FILE_DEVICE, (uint32_t)(key - ((uint64_t)1 << 40))};
    key--;
    return (ps_open_file){key & 1 ? PS_FILE_CHANNEL_WRITE : PS_FILE_CHANNEL_READ,
                          (uint32_t)(key >> 1)};
}

static int by_key(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int ps__files_init(ps_engine *e)
{
    const ps_scenario *s = e->s;
    size_t total = 1; /* copies share one program: count each process's */
    for (uint32_t p = 0; p < e->n; p++)
        total += s->procs[p].op_count;
    e->file_keys = malloc(total * sizeof *e->file_keys);
    e->file_first = malloc(((size_t)e->n + 1) * sizeof *e->file_first);
    if (!e->file_keys || !e->file_first)
        return -1;
    uint32_t n = 0;
    for (uint32_t p = 0; p < e->n; p++) {
        const ps_proc_spec *spec = &s->procs[p];
        uint32_t first = e->file_first[p] = n;
        for (uint32_t i = 0; i < spec->op_count; i++) {
            uint64_t k = file_key(&s->ops[spec->op_first + i]);
            if (k)
                e->file_keys[n++] = k;
        }
        qsort(e->file_keys + first, n - first, sizeof *e->file_keys, by_key);
        uint32_t u = first; /* each file once */
        for (uint32_t i = first; i < n; i++)
            if (u == first || e->file_keys[u - 1] != e->file_keys[i])
                e->file_keys[u++] = e->file_keys[i];
        n = u;
    }
    e->file_first[e->n] = n;
    return 0;
}

uint32_t ps_engine_open_files(const ps_engine *e, uint32_t pid, ps_open_file *out, uint32_t max)
{
    if (pid < 1 || pid > e->n)
        return 0;
    const ps_pcb *p = &e->pcb[pid - 1];
    if (!p->created || p->state == PS_EXIT)
        return 0;
    uint32_t first = e->file_first[pid - 1], n = e->file_first[pid] - first;
    for (uint32_t i = 0; i < n && i < max; i++)
        out[i] = file_of(e->file_keys[first + i]);
    return n;
}

char *ps_open_file_format(const ps_engine *e, const ps_open_file *f, ps_lang lang, char *buf,
                          size_t size)
{
    if (!size)
        return buf;
    bool cut = false;
    const char *t = f->kind < PS_FILE_KIND_COUNT
                        ? kinds[f->kind].text[(unsigned)lang < PS_LANG_COUNT ? lang : PS_LANG_EN]
                        : "";
    char *end = ps__template_put(e, t, f->object, 0, buf, buf + size - 1, &cut);
    *end = 0;
    if (cut && size > 4)
        memcpy(ps__whole_characters(buf, buf + size - 4), "...", 4);
    else if (cut)
        *ps__whole_characters(buf, end) = 0;
    return buf;
}
