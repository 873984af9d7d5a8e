/* scenario_load.c — ps_scenario_load_string: the bytes read (from a
 * stream or from memory: scenario_source.c opens the files), the libyaml
 * event pump, and how every error becomes one message
 * "FILE:LINE:COLUMN: text".  The schema itself is in scenario_schema.c;
 * loader.h gives the map of the loader's files. */
#include "loader.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "procsim/visible.h"
#include "procsim/strerror.h"
#include "scenario_priv.h"

static const ps__mark nowhere = {0, 0};

/* --- messages --- */

/* A message cut short by the buffer ends in "..." at a character
 * boundary, never in half a UTF-8 character. */
static void mark_cut(char *buf, size_t size)
{
    size_t cut = size - 4;
    while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) == 0x80)
        cut--;
    memcpy(buf + cut, "...", 4);
}

/* "NAME:LINE:COL: " then the message, into buf[size). */
static void vformat_into(char *buf, size_t size, const char *name, ps__mark at,
                         const char *fmt, va_list ap)
{
    int n = at.line ? snprintf(buf, size, "%s:%u:%u: ", name, at.line, at.col)
                    : snprintf(buf, size, "%s: ", name);
    if (n >= 0 && (size_t)n < size)
        n += vsnprintf(buf + n, size - (size_t)n, fmt, ap);
    if (n < 0 || (size_t)n >= size)
        mark_cut(buf, size);
}

/* A message quotes the file (a name, a string, the path): what a
 * terminal would act on is made visible here, once for every message. */
static void make_visible(char *msg, size_t size)
{
    char raw[sizeof ((ps_error *)0)->msg_ko];
    snprintf(raw, sizeof raw, "%s", msg);
    ps_visible(raw, PS_VISIBLE_LINE, msg, size);
}

/* Both wordings into err: `en` and `ko` read the same arguments. */
static void vformat2(ps_error *err, const char *name, ps__mark at, const char *en,
                     const char *ko, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    vformat_into(err->msg, sizeof err->msg, name, at, en, ap);
    vformat_into(err->msg_ko, sizeof err->msg_ko, name, at, ko, ap2);
    va_end(ap2);
    make_visible(err->msg, sizeof err->msg);
    make_visible(err->msg_ko, sizeof err->msg_ko);
}

const char *ps_error_in(const ps_error *err, ps_lang lang)
{
    return lang == PS_LANG_KO && err->msg_ko[0] ? err->msg_ko : err->msg;
}

void ps__format_error_(ps_error *err, const char *name, const char *en, const char *ko, ...)
{
    va_list ap;
    va_start(ap, ko);
    vformat2(err, name, nowhere, en, ko, ap);
    va_end(ap);
}

void ps__error_set_(ps_error *err, const char *en, const char *ko, ...)
{
    va_list ap, ap2;
    va_start(ap, ko);
    va_copy(ap2, ap);
    if (vsnprintf(err->msg, sizeof err->msg, en, ap) >= (int)sizeof err->msg)
        mark_cut(err->msg, sizeof err->msg);
    if (vsnprintf(err->msg_ko, sizeof err->msg_ko, ko, ap2) >= (int)sizeof err->msg_ko)
        mark_cut(err->msg_ko, sizeof err->msg_ko);
    make_visible(err->msg, sizeof err->msg);
    make_visible(err->msg_ko, sizeof err->msg_ko);
    va_end(ap2);
    va_end(ap);
}

bool ps__ld_failk_(ps__loader *ld, ps__mark at, const char *en, const char *ko, ...)
{
    if (ld->failed)
        return false;
    ld->failed = true;
    va_list ap;
    va_start(ap, ko);
    vformat2(ld->err, ld->name, at, en, ko, ap);
    va_end(ap);
    return false;
}

bool ps__ld_failt(ps__loader *ld, ps__mark at, ps__text body)
{
    return ps__ld_failk(ld, at, "%s%.0s", "%.0s%s", body.en, body.ko);
}

bool ps__ld_oom(ps__loader *ld)
{
    ld->fatal = true;
    return ps__ld_failk0(ld, nowhere, "out of memory", "메모리가 모자랍니다");
}

void ps__too_big(ps_error *err, const char *name, size_t size, size_t limit)
{
    if (size)
        ps__format_error(err, name, "file too large (%zu bytes); a scenario file may "
                     "have at most %zu bytes", "파일이 너무 큽니다(%zu바이트); 시나리오 "
                     "파일은 %zu바이트까지입니다", size, limit);
    else
        ps__format_error(err, name, "file too large (more than %zu bytes); a scenario "
                     "file may have at most %zu bytes", "파일이 너무 큽니다(%zu바이트 "
                     "초과); 시나리오 파일은 %zu바이트까지입니다", limit, limit);
}

/* --- positions --- */

ps__mark ps__ld_mark(yaml_mark_t m)
{
    ps__mark at = {UINT32_MAX, UINT32_MAX};
    if (m.line < UINT32_MAX)
        at.line = (uint32_t)m.line + 1;
    if (m.column < UINT32_MAX)
        at.col = (uint32_t)m.column + 1;
    return at;
}

ps__mark ps__ld_here(const ps__loader *ld)
{
    return ps__ld_mark(ld->ev.start_mark);
}

/* Line and column of a byte offset of the input, counted like libyaml:
 * columns in characters, "\r\n" one line break. */
typedef struct linecount {
    ps__mark at;
    bool after_cr;
    yaml_encoding_t enc;        /* UTF-8 or UTF-16, as libyaml found */
} linecount;

static void count_units(linecount *lc, const unsigned char *p, size_t n)
{
    size_t w = lc->enc == YAML_UTF8_ENCODING ? 1 : 2;
    for (size_t i = 0; i + w <= n; i += w) {
        unsigned c = w == 1 ? p[i]
                     : lc->enc == YAML_UTF16LE_ENCODING ? p[i] | (unsigned)p[i + 1] << 8
                                                         : (unsigned)p[i] << 8 | p[i + 1];
        if (c == '\n' && lc->after_cr) {
            lc->after_cr = false;
        } else if (c == '\n' || c == '\r') {
            lc->at.line++;
            lc->at.col = 1;
            lc->after_cr = c == '\r';
        } else {
            lc->after_cr = false;
            if (w == 1 ? (c & 0xC0) != 0x80 : (c & 0xFC00) != 0xDC00)
                lc->at.col++; /* not a continuation byte / low surrogate */
        }
    }
}

/* Bytes of byte-order mark at the start of the input (no character). */
static size_t bom_size(yaml_encoding_t enc, const unsigned char *p, size_t n)
{
    if (enc != YAML_UTF8_ENCODING)
        return 2; /* libyaml detects UTF-16 by its mark only */
    return n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Where a reader error happened: libyaml reports only a byte offset, so
 * read the input again up to there. */
static ps__mark offset_mark(ps__loader *ld, size_t offset)
{
    ps__source *src = &ld->src;
    linecount lc = {{1, 1}, false, ld->parser.encoding};
    if (!src->fp) {
        size_t n = offset < src->len ? offset : src->len;
        size_t skip = bom_size(lc.enc, src->text, n);
        if (skip <= n)
            count_units(&lc, src->text + skip, n - skip);
        return lc.at;
    }
    if (fseek(src->fp, 0, SEEK_SET) != 0)
        return ps__ld_mark(ld->parser.mark);
    unsigned char buf[4096];
    for (size_t done = 0; done < offset;) {
        size_t want = offset - done < sizeof buf ? offset - done : sizeof buf;
        size_t got = fread(buf, 1, want, src->fp);
        size_t skip = done == 0 ? bom_size(lc.enc, buf, got) : 0;
        if (got == 0)
            break;
        if (skip <= got)
            count_units(&lc, buf + skip, got - skip);
        done += got;
    }
    return lc.at;
}

/* The offset of the byte that starts the UTF-8 sequence holding the byte
 * at `offset` (libyaml points at a bad trailing byte; the character starts
 * up to three bytes before).  `offset` itself if none does. */
static size_t sequence_start(ps__loader *ld, size_t offset)
{
    unsigned char back[3];
    size_t n = offset < 3 ? offset : 3, got = 0;
    if (!ld->src.fp) {
        if (offset <= ld->src.len) {
            memcpy(back, ld->src.text + offset - n, n);
            got = n;
        }
    } else if (fseek(ld->src.fp, (long)(offset - n), SEEK_SET) == 0) {
        got = fread(back, 1, n, ld->src.fp);
    }
    for (size_t k = got; k > 0; k--)
        if (back[k - 1] >= 0xC0)
            return offset - (got - k + 1);
        else if ((back[k - 1] & 0xC0) != 0x80)
            break;
    return offset;
}

/* --- the event pump --- */

static int read_input(void *data, unsigned char *buf, size_t size, size_t *got)
{
    ps__source *src = data;
    size_t n;
    if (src->fp) {
        errno = 0;
        n = fread(buf, 1, size, src->fp);
        if (n < size && ferror(src->fp)) {
            src->read_errno = errno ? errno : EIO;
            return 0;
        }
    } else {
        n = src->len - src->pos < size ? src->len - src->pos : size;
        if (n)
            memcpy(buf, src->text + src->pos, n);
        src->pos += n;
    }
    src->total += n;
    if (src->total > src->limit) {
        src->too_big = true;
        return 0;
    }
    *got = n;
    return 1;
}

static bool yaml_failure(ps__loader *ld)
{
    const yaml_parser_t *p = &ld->parser;
    char text[128], text_ko[160];
    ld->fatal = true;
    if (ld->failed)
        return false;
    if (ld->src.too_big) {
        ld->failed = true;
        ps__too_big(ld->err, ld->name, 0, ld->src.limit);
        return false;
    }
    if (ld->src.read_errno)
        return ps__ld_failk(ld, nowhere, "cannot read: %s%.0s", "%.0s읽을 수 없습니다: %s",
                            ps_strerror(ld->src.read_errno, PS_LANG_EN),
                            ps_strerror(ld->src.read_errno, PS_LANG_KO));
    switch (p->error) {
    case YAML_MEMORY_ERROR:
        return ps__ld_oom(ld);
    case YAML_READER_ERROR: {
        size_t offset = p->problem_offset;
        if (!strcmp(p->problem, "invalid trailing UTF-8 octet"))
            offset = sequence_start(ld, offset); /* where the character starts */
        ps__mark at = offset_mark(ld, offset);
        if (p->encoding == YAML_UTF8_ENCODING && strstr(p->problem, "UTF-8") &&
            ps__ld_is_cp949(ld))
            return ps__ld_failk0(ld, at, "the file is not UTF-8; it looks like CP949/EUC-KR "
                                 "(as a Korean Windows editor saves it): save it as UTF-8",
                                 "파일이 UTF-8이 아닙니다. CP949/EUC-KR(한국어 윈도우 편집기가 "
                                 "저장하는 방식)로 보입니다: UTF-8로 저장하세요");
        if (p->problem_value >= 0)
            snprintf(text, sizeof text, " (0x%02X)", (unsigned)p->problem_value);
        else
            text[0] = '\0';
        return ps__ld_failk(ld, at, "%s%.0s%s; a scenario file must be UTF-8 text with no "
                            "control characters", "%.0s%s%s; 시나리오 파일은 제어 문자가 없는 "
                            "UTF-8 텍스트여야 합니다", p->problem, ps__yaml_ko(p->problem), text);
    }
    case YAML_NO_ERROR: /* a failure without a reason: report it as syntax */
    case YAML_SCANNER_ERROR:
    case YAML_PARSER_ERROR:
    case YAML_COMPOSER_ERROR:
    case YAML_WRITER_ERROR:
    case YAML_EMITTER_ERROR:
        break;
    }
    const char *problem = p->problem ? p->problem : "syntax error";
    if (p->context) {
        ps__mark c = ps__ld_mark(p->context_mark);
        snprintf(text, sizeof text, " (%s at line %u, column %u)", p->context, c.line, c.col);
        snprintf(text_ko, sizeof text_ko, " (%u행 %u열에서 %s)", c.line, c.col,
                 ps__yaml_ko(p->context));
    } else {
        text[0] = text_ko[0] = '\0';
    }
    return ps__ld_failk(ld, ps__ld_mark(p->problem_mark), "invalid YAML: %s%.0s%s%.0s",
                        "%.0s잘못된 YAML: %s%.0s%s", problem, ps__yaml_ko(problem), text, text_ko);
}

static void track_depth(ps__loader *ld)
{
    switch (ld->ev.type) {
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        ld->depth++;
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (--ld->depth == 1)
            ld->top_nodes++;
        break;
    case YAML_SCALAR_EVENT:
    case YAML_ALIAS_EVENT:
        if (ld->depth == 1)
            ld->top_nodes++;
        break;
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
        break;
    }
}

bool ps__ld_next(ps__loader *ld)
{
    if (ld->have_ev) {
        yaml_event_delete(&ld->ev);
        ld->have_ev = false;
    }
    if (!yaml_parser_parse(&ld->parser, &ld->ev))
        return yaml_failure(ld);
    ld->have_ev = true;
    track_depth(ld);
    if (ld->skipping)
        return true;

    const yaml_event_t *ev = &ld->ev;
    const yaml_char_t *anchor = NULL, *tag = NULL;
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        anchor = ev->data.alias.anchor;
        break;
    case YAML_SCALAR_EVENT:
        anchor = ev->data.scalar.anchor;
        tag = ev->data.scalar.tag;
        break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = ev->data.sequence_start.anchor;
        tag = ev->data.sequence_start.tag;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = ev->data.mapping_start.anchor;
        tag = ev->data.mapping_start.tag;
        break;
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
    case YAML_DOCUMENT_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        break;
    }
    if (anchor)
        return ps__ld_failk0(ld, ps__ld_here(ld), "anchors and aliases are not "
                             "supported in scenario files; write the value out in full",
                             "시나리오 파일에는 앵커(&)와 별칭(*)을 쓸 수 없습니다; 값을 "
                             "모두 그대로 쓰세요");
    if (tag)
        return ps__ld_failk0(ld, ps__ld_here(ld), "tags such as !!str are not "
                             "supported in scenario files; write the value without one",
                             "시나리오 파일에는 !!str 같은 태그를 쓸 수 없습니다; 태그 없이 "
                             "값만 쓰세요");
    return ev->type != YAML_SCALAR_EVENT || ps__ld_vary_scalar(ld); /* $name */
}

/* --- the format version --- */

/* The current event as a format version: the number, 0 for anything that
 * is not a plain decimal number, and INT64_MAX for a very big one. */
static int64_t version_of(const ps__loader *ld)
{
    const yaml_event_t *ev = &ld->ev;
    if (ev->type != YAML_SCALAR_EVENT || ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return 0;
    const char *t = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    int64_t v = 0;
    if (n == 0 || t[0] == '0')
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] < '0' || t[i] > '9')
            return 0;
        v = v > INT64_MAX / 100 ? INT64_MAX : v * 10 + (t[i] - '0');
    }
    return v;
}

static bool newer_version(ps__loader *ld)
{
    const yaml_event_t *ev = &ld->ev;
    int len = ev->data.scalar.length > 20 ? 20 : (int)ev->data.scalar.length;
    return ps__ld_failk(ld, ps__ld_here(ld), "procsim: format version %.*s%s is newer "
                        "than this procsim understands (it reads version %d); "
                        "upgrade procsim", "procsim: 형식 버전 %.*s%s: 이 procsim이 읽는 "
                        "버전(%d)보다 새로운 버전입니다; procsim을 업그레이드하세요", len, (const char *)ev->data.scalar.value,
                        ev->data.scalar.length > 20 ? "..." : "", PS_SCENARIO_VERSION);
}

bool ps__ld_version(ps__loader *ld)
{
#if PS_SCENARIO_VERSION != 1
#error "update the message below"
#endif
    int64_t v = version_of(ld);
    if (v == PS_SCENARIO_VERSION)
        return true;
    if (v > PS_SCENARIO_VERSION)
        return newer_version(ld);
    return ps__ld_expected(ld, "procsim", PS__T("the format version 1", "형식 버전 1"));
}

/* After an error inside the root mapping, before the `procsim` key was
 * read: a file from a newer procsim fails on whatever is new in it, so
 * read on to find its version, and if it is newer, say that instead.
 * libyaml's time per token grows with the nesting depth, so the search
 * gives up past SKIP_DEPTH levels (a scenario needs four) rather than
 * take quadratic time over a hostile file. */
#define SKIP_DEPTH 64

static void look_for_newer_version(ps__loader *ld)
{
    if (ld->fatal || ld->version_seen || !ld->in_root)
        return;
    ld->skipping = true;
    for (;;) {
        bool at_key = ld->depth == 1 && ld->top_nodes % 2 == 0;
        if (!ps__ld_next(ld) || ld->depth == 0 || ld->depth > SKIP_DEPTH)
            return;
        const yaml_event_t *ev = &ld->ev;
        if (at_key && ev->type == YAML_SCALAR_EVENT && ev->data.scalar.length == 7 &&
            memcmp(ev->data.scalar.value, "procsim", 7) == 0) {
            if (ps__ld_next(ld) && version_of(ld) > PS_SCENARIO_VERSION) {
                ld->failed = false;
                newer_version(ld);
            }
            return;
        }
    }
}

/* --- entry points --- */

static void loader_fini(ps__loader *ld)
{
    if (ld->have_ev)
        yaml_event_delete(&ld->ev);
    if (ld->parser_ready)
        yaml_parser_delete(&ld->parser);
    ps__vec *vecs[] = {&ld->procs, &ld->ops, &ld->events, &ld->op_refs,
                       &ld->parent_refs, &ld->event_marks, &ld->mem_peaks, &ld->questions,
                       &ld->loops, &ld->exprs, &ld->var_private, &ld->groups,
                       &ld->entry_first, &ld->queue_marks};
    for (size_t i = 0; i < sizeof vecs / sizeof vecs[0]; i++)
        ps__vec_fini(vecs[i]);
    ps__intern *tables[] = {&ld->proc_names, &ld->devices, &ld->channels,
                            &ld->mutexes, &ld->variables, &ld->dev_refs,
                            &ld->proc_refs, &ld->entry_names};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        ps__intern_fini(tables[i]);
}

ps_scenario *ps__scenario_load(const char *name, FILE *fp, const char *text,
                               size_t len, size_t limit, ps_error *err)
{
    return ps__scenario_load_variant(name, fp, text, len, limit, NULL, err);
}

ps_scenario *ps__scenario_load_variant(const char *name, FILE *fp, const char *text,
                                       size_t len, size_t limit, ps__variant *pick,
                                       ps_error *err)
{
    ps__loader ld = {.name = name ? name : "<string>", .err = err, .vary.pick = pick};
    ps__vec_init(&ld.procs, sizeof(ps_proc_spec));
    ps__vec_init(&ld.ops, sizeof(ps_op));
    ps__vec_init(&ld.events, sizeof(ps_event_spec));
    ps__vec_init(&ld.op_refs, sizeof(ps__op_ref));
    ps__vec_init(&ld.parent_refs, sizeof(ps__parent_ref));
    ps__vec_init(&ld.event_marks, sizeof(ps__mark));
    ps__vec_init(&ld.mem_peaks, sizeof(ps__mem_peak));
    ps__vec_init(&ld.questions, sizeof(ps__question_ref));
    ps__vec_init(&ld.loops, sizeof(ps_loop));
    ps__vec_init(&ld.exprs, sizeof(ps_expr));
    ps__vec_init(&ld.var_private, sizeof(uint8_t));
    ps__vec_init(&ld.groups, sizeof(ps__group_ref));
    ps__vec_init(&ld.entry_first, sizeof(uint32_t));
    ps__vec_init(&ld.queue_marks, sizeof(ps__parent_ref));
    ps__intern *tables[] = {&ld.proc_names, &ld.devices, &ld.channels, &ld.mutexes,
                            &ld.variables, &ld.dev_refs, &ld.proc_refs, &ld.entry_names};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        ps__intern_init(tables[i]);
    ld.src = (ps__source){.fp = fp, .text = (const unsigned char *)text,
                          .len = fp ? 0 : len, .limit = limit};
    err->msg[0] = err->msg_ko[0] = '\0';

    bool ok = false;
    if (!fp && len > limit) {
        ps__too_big(err, ld.name, len, limit);
        goto done;
    }
    ld.arena = ps__arena_create();
    ld.s = ld.arena ? ps__arena_alloc(ld.arena, sizeof *ld.s) : NULL;
    if (!ld.s || !yaml_parser_initialize(&ld.parser)) {
        ps__ld_oom(&ld);
        goto done;
    }
    *ld.s = (ps_scenario){0};
    ld.parser_ready = true;
    yaml_parser_set_input(&ld.parser, read_input, &ld.src);
    ok = ps__ld_document(&ld) && ps__ld_finish(&ld);
    if (!ok)
        look_for_newer_version(&ld);
done:
    loader_fini(&ld);
    if (!ok) {
        ps__arena_destroy(ld.arena);
        return NULL;
    }
    return ld.s;
}

ps_scenario *ps_scenario_load_string(const char *name, const char *text,
                                     size_t len, ps_error *err)
{
    return ps__scenario_load(name, NULL, text, len, PS_SCENARIO_MAX_BYTES, err);
}

ps_scenario *ps_scenario_load_tour(ps_error *err)
{
    return ps_scenario_load_string("<built-in tour>", (const char *)ps_tour_yaml,
                                   ps_tour_yaml_len, err);
}

ps_scenario *ps_scenario_load_string_variant(const char *name, const char *text, size_t len,
                                             const char *variant, ps_error *err)
{
    if (variant && variant[0] && !ps__vary_id_check(name ? name : "<string>", variant, err))
        return NULL;
    ps__variant pick = {.id = variant, .force = -1};
    return ps__scenario_load_variant(name, NULL, text, len, PS_SCENARIO_MAX_BYTES, &pick, err);
}
