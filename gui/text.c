/* text.c — the fonts (found by fonts.h: "DejaVu Sans", and for Hangul
 * "NanumGothic", else "Noto Sans CJK KR") and a bounded cache of rendered
 * strings.
 *
 * Every string drawn is rendered once with TTF_RenderUTF8_Blended into a
 * texture kept in an open-addressed hash table keyed by (string, size,
 * colour).  The table holds at most CACHE_MAX entries; when it is full it
 * is flushed as a whole.  That is the simple choice, not the clever one: a
 * frame that draws more than CACHE_MAX distinct labels re-renders them all
 * every frame.  Failed renders are cached too (as an empty entry), so a bad
 * string costs one attempt, not one per frame.  Measured sizes are kept
 * the same way, keyed by (string, size): the table's columns and the
 * toolbar's rows are measured every frame.
 *
 * Textures belong to the renderer given to gui_text_create: call
 * gui_text_destroy before SDL_DestroyRenderer.
 */
#include "text.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "fonts.h"

enum {
    N_SIZES = 3,        /* GUI_SMALL, GUI_NORMAL, GUI_LARGE */
    CACHE_MAX = 4096,   /* entries kept before the cache is flushed (a
                           thousand tokens' numbers and the panels) */
    CACHE_SLOTS = 8192, /* table size: a power of two, twice CACHE_MAX */
    SIZES_MAX = 2048,   /* measured sizes kept, likewise */
    SIZES_SLOTS = 4096,
};
_Static_assert(CACHE_MAX < CACHE_SLOTS && (CACHE_SLOTS & (CACHE_SLOTS - 1)) == 0,
               "the table needs a free slot and a power-of-two size");

typedef struct cache_entry {
    char *s;           /* owned copy of the key string; NULL: slot free */
    uint32_t hash;     /* of (s, size, rgba) */
    uint32_t rgba;     /* colour, packed 0xRRGGBBAA */
    int size;          /* gui_font_size */
    SDL_Texture *tex;  /* NULL if the render failed (w = h = 0) */
    int w, h;          /* texture size in pixels */
} cache_entry;

enum {
    CUTS_MAX = 256, /* texts cut by gui_text_fit in one frame */
    TIPS_MAX = 256, /* of them, drawn: what the mouse may hover */
};

typedef struct cut {
    char cut[GUI_TEXT_MAX / 2]; /* what gui_text_fit made of it */
    char full[GUI_TEXT_MAX];    /* what it was */
} cut;

typedef struct tip {
    SDL_Rect box;     /* where the cut text was drawn, inside the clip */
    int cut;          /* index in cuts */
} tip;

struct gui_text {
    SDL_Renderer *r;              /* owner of every cached texture */
    TTF_Font *latin[N_SIZES];     /* always open */
    TTF_Font *hangul[N_SIZES];    /* all NULL if no Hangul font */
    char *latin_path;             /* file of the Latin font */
    char *hangul_path;            /* file of the Hangul font, or NULL */
    int latin_index, hangul_index; /* faces in those files */
    int px[N_SIZES];              /* the sizes open */
    int ttf_inited;               /* this object holds one TTF_Init */
    cache_entry slot[CACHE_SLOTS]; /* the string cache */
    int count;                    /* used slots, <= CACHE_MAX */
    struct measured {             /* gui_text_measure's answers (the */
        char *s;                  /* layout measures every frame): */
        uint32_t hash;            /* s, NULL: free */
        int size, w, h;
    } measured[SIZES_SLOTS];
    int nmeasured;                /* <= SIZES_MAX */
    /* this frame's (gui_text_begin_frame empties them) */
    cut cuts[CUTS_MAX];           /* texts cut, with their whole text */
    int ncuts;
    tip tips[TIPS_MAX];           /* cut texts drawn */
    int ntips;
    int recording;                /* gui_text_record: keep marks */
    gui_text_mark *marks;         /* texts drawn and covers, in order */
    int nmarks, marks_cap;
};

#define T(en, ko) (lang == GUI_KO ? (ko) : (en))

static void set_err(char *err, size_t errsize, const char *msg, const char *detail)
{
    if (err && errsize > 0)
        snprintf(err, errsize, "%s%s%s", msg, detail ? ": " : "", detail ? detail : "");
}

static char *copy_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}

/* Open `path` (face `index`) at the three sizes; on failure closes what it
 * opened and returns -1. */
static int open_sizes(TTF_Font *f[N_SIZES], const char *path, int index, const int px[N_SIZES])
{
    for (int i = 0; i < N_SIZES; i++) {
        f[i] = TTF_OpenFontIndex(path, px[i], index);
        if (!f[i]) {
            while (i-- > 0) {
                TTF_CloseFont(f[i]);
                f[i] = NULL;
            }
            return -1;
        }
    }
    return 0;
}

static void close_sizes(TTF_Font *f[N_SIZES])
{
    for (int i = 0; i < N_SIZES; i++) {
        if (f[i])
            TTF_CloseFont(f[i]);
        f[i] = NULL;
    }
}

/* ---- lifetime ----------------------------------------------------------- */

/* SDL_ttf >= 2.0.18 counts TTF_Init calls, so holding one of our own keeps
 * FreeType alive until our fonts are closed, whoever else uses SDL_ttf;
 * older versions do not count, so there we only init (and later quit) if
 * nobody had.  Returns 1 if we hold an init to quit, 0 if not, -1 on error. */
#if defined(SDL_TTF_VERSION_ATLEAST)
#if SDL_TTF_VERSION_ATLEAST(2, 0, 18)
#define TTF_INIT_COUNTED 1
#endif
#endif
static int ttf_acquire(void)
{
#ifndef TTF_INIT_COUNTED
    if (TTF_WasInit())
        return 0;
#endif
    return TTF_Init() < 0 ? -1 : 1;
}

gui_text *gui_text_create(SDL_Renderer *r, int small_px, int normal_px, int large_px,
                          gui_lang lang,
                          char *err, size_t errsize)
{
    static const char *const hangul_families[] = {"NanumGothic", "Noto Sans CJK KR"};
    const int px[N_SIZES] = {small_px, normal_px, large_px};
    int index = 0;
    gui_fonts *fc = NULL;
    gui_text *t;

    if (!r || small_px <= 0 || normal_px <= 0 || large_px <= 0) {
        set_err(err, errsize, T("gui_text_create: no renderer or a font size <= 0",
                                "gui_text_create: 렌더러가 없거나 글꼴 크기가 0 이하입니다"), NULL);
        return NULL;
    }
    t = calloc(1, sizeof *t);
    if (!t) {
        set_err(err, errsize, gui_word_text(GUI_W_NO_MEMORY, lang), NULL);
        return NULL;
    }
    t->r = r;

    fc = gui_fonts_open(lang, err, errsize);
    if (!fc)
        goto fail;
    t->latin_path = gui_fonts_find(fc, "DejaVu Sans", 0, &index);
    if (!t->latin_path) {
        set_err(err, errsize, T("no Latin font found: install fonts-dejavu-core",
                                "라틴 글꼴을 찾을 수 없습니다: fonts-dejavu-core를 설치하십시오"),
                NULL);
        goto fail;
    }
    t->ttf_inited = ttf_acquire();
    if (t->ttf_inited < 0) {
        t->ttf_inited = 0;
        set_err(err, errsize, T("TTF_Init failed", "TTF_Init 실패"), TTF_GetError());
        goto fail;
    }
    t->latin_index = index;
    memcpy(t->px, px, sizeof t->px);
    if (open_sizes(t->latin, t->latin_path, index, px) < 0) {
        set_err(err, errsize, t->latin_path, TTF_GetError());
        goto fail;
    }

    for (size_t i = 0; i < SDL_arraysize(hangul_families) && !t->hangul_path; i++) {
        t->hangul_path = gui_fonts_find(fc, hangul_families[i], 0xD55C /* 한 */, &index);
        if (t->hangul_path && open_sizes(t->hangul, t->hangul_path, index, px) < 0) {
            free(t->hangul_path);
            t->hangul_path = NULL;
        }
        t->hangul_index = index;
    }
    gui_fonts_close(fc);
    return t;

fail:
    gui_fonts_close(fc);
    gui_text_destroy(t);
    return NULL;
}

static void measured_flush(gui_text *t)
{
    for (int i = 0; i < SIZES_SLOTS; i++) {
        free(t->measured[i].s);
        t->measured[i].s = NULL;
    }
    t->nmeasured = 0;
}

static void cache_flush(gui_text *t)
{
    measured_flush(t);
    for (int i = 0; i < CACHE_SLOTS; i++) {
        cache_entry *e = &t->slot[i];
        if (!e->s)
            continue;
        if (e->tex)
            SDL_DestroyTexture(e->tex);
        free(e->s);
        memset(e, 0, sizeof *e);
    }
    t->count = 0;
}

int gui_text_set_sizes(gui_text *t, int small_px, int normal_px, int large_px)
{
    const int px[N_SIZES] = {small_px, normal_px, large_px};
    TTF_Font *latin[N_SIZES] = {0}, *hangul[N_SIZES] = {0};
    if (!t || small_px <= 0 || normal_px <= 0 || large_px <= 0)
        return -1;
    if (!memcmp(px, t->px, sizeof px))
        return 0;
    /* the new sizes opened first: on failure the old ones stay */
    if (open_sizes(latin, t->latin_path, t->latin_index, px) < 0)
        return -1;
    if (t->hangul_path && open_sizes(hangul, t->hangul_path, t->hangul_index, px) < 0) {
        close_sizes(latin);
        return -1;
    }
    cache_flush(t); /* its textures are of the old sizes */
    close_sizes(t->latin);
    close_sizes(t->hangul);
    memcpy(t->latin, latin, sizeof latin);
    memcpy(t->hangul, hangul, sizeof hangul);
    memcpy(t->px, px, sizeof px);
    return 0;
}

void gui_text_destroy(gui_text *t)
{
    if (!t)
        return;
    free(t->marks);
    cache_flush(t);
    close_sizes(t->latin);
    close_sizes(t->hangul);
    if (t->ttf_inited)
        TTF_Quit();
    free(t->latin_path);
    free(t->hangul_path);
    free(t);
}

/* ---- choosing the font -------------------------------------------------- */

/* Does `s` contain a Hangul jamo or syllable (U+1100–U+11FF, U+3130–U+318F,
 * U+AC00–U+D7A3)?  All of them are three-byte sequences; anything else,
 * valid or not, is skipped a byte at a time. */
static int has_hangul_text(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    for (; *s; s++) {
        if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            continue; /* && stops at a NUL: never reads past the end */
        uint32_t c = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
            (c >= 0xAC00 && c <= 0xD7A3))
            return 1;
        s += 2;
    }
    return 0;
}

static TTF_Font *font_for(const gui_text *t, const char *s, gui_font_size size)
{
    if (t->hangul[size] && has_hangul_text(s))
        return t->hangul[size];
    return t->latin[size];
}

/* ---- the cache ---------------------------------------------------------- */

static uint32_t key_hash(const char *s, int size, uint32_t rgba)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 16777619u;
    h = (h ^ (uint32_t)size) * 16777619u;
    for (int i = 0; i < 4; i++)
        h = (h ^ ((rgba >> (8 * i)) & 0xFF)) * 16777619u;
    return h;
}

/* The entry for (s, size, color), rendering it on a miss.  Returns NULL
 * only if memory for the entry itself runs out; a failed render gives an
 * entry with no texture. */
static cache_entry *lookup(gui_text *t, const char *s, gui_font_size size, SDL_Color color)
{
    uint32_t rgba = (uint32_t)color.r << 24 | (uint32_t)color.g << 16 |
                    (uint32_t)color.b << 8 | color.a;
    uint32_t h = key_hash(s, (int)size, rgba);
    unsigned i = h & (CACHE_SLOTS - 1);
    cache_entry *e;

    for (e = &t->slot[i]; e->s; i = (i + 1) & (CACHE_SLOTS - 1), e = &t->slot[i])
        if (e->hash == h && e->rgba == rgba && e->size == (int)size && strcmp(e->s, s) == 0)
            return e;

    if (t->count >= CACHE_MAX) {
        cache_flush(t);
        i = h & (CACHE_SLOTS - 1);
        e = &t->slot[i];
    }
    char *copy = copy_str(s);
    if (!copy)
        return NULL;
    *e = (cache_entry){.s = copy, .hash = h, .rgba = rgba, .size = (int)size};
    t->count++;

    SDL_Surface *surf = TTF_RenderUTF8_Blended(font_for(t, s, size), s, color);
    if (surf) {
        e->tex = SDL_CreateTextureFromSurface(t->r, surf);
        if (e->tex) {
            e->w = surf->w;
            e->h = surf->h;
        }
        SDL_FreeSurface(surf);
    }
    return e;
}

static int usable(const gui_text *t, const char *s, gui_font_size size)
{
    return t && s && *s && (unsigned)size < N_SIZES;
}

/* ---- drawing and measuring ---------------------------------------------- */

/* The part of `box` inside the renderer's clip (empty: w or h <= 0). */
static SDL_Rect visible(gui_text *t, SDL_Rect box)
{
    SDL_Rect clip, out;
    if (!SDL_RenderIsClipEnabled(t->r))
        return box;
    SDL_RenderGetClipRect(t->r, &clip);
    if (!SDL_IntersectRect(&box, &clip, &out))
        out = (SDL_Rect){box.x, box.y, 0, 0};
    return out;
}

static void add_mark(gui_text *t, SDL_Rect box, int cover, const char *s, int w,
                     const char *whole)
{
    if (t->nmarks == t->marks_cap) {
        int cap = t->marks_cap ? 2 * t->marks_cap : 256;
        gui_text_mark *m = realloc(t->marks, (size_t)cap * sizeof *m);
        if (!m)
            return; /* a test then misses a mark: it cannot pass by it */
        t->marks = m;
        t->marks_cap = cap;
    }
    gui_text_mark *m = &t->marks[t->nmarks++];
    m->box = box;
    m->cover = cover;
    m->w = w;
    m->fitted = whole != NULL;
    m->valid = gui_utf8_valid(s, strlen(s));
    gui_utf8_trim((snprintf(m->s, sizeof m->s, "%s", s), m->s));
    gui_utf8_trim((snprintf(m->whole, sizeof m->whole, "%s", whole ? whole : ""), m->whole));
}

/* A string gui_text_fit cut this frame: its index in cuts, or -1.  Only
 * strings with ".." are looked for. */
static int cut_of(const gui_text *t, const char *s)
{
    if (!t->ncuts || !strstr(s, ".."))
        return -1;
    for (int i = t->ncuts; i-- > 0;)
        if (!strcmp(t->cuts[i].cut, s))
            return i;
    return -1;
}

static void blit(gui_text *t, const cache_entry *e, const char *s, int x, int y)
{
    SDL_Rect dst = {x, y, e->w, e->h};
    SDL_RenderCopy(t->r, e->tex, NULL, &dst);
    int c = cut_of(t, s);
    if (!t->recording && c < 0)
        return;
    SDL_Rect seen = visible(t, dst);
    if (t->recording && seen.w > 0 && seen.h > 0)
        add_mark(t, seen, 0, s, e->w, c >= 0 ? t->cuts[c].full : NULL);
    if (c >= 0 && t->ntips < TIPS_MAX && seen.w > 0 && seen.h > 0)
        t->tips[t->ntips++] = (tip){seen, c};
}

int gui_text_draw(gui_text *t, const char *s, gui_font_size size, SDL_Color color, int x, int y)
{
    if (!usable(t, s, size))
        return 0;
    cache_entry *e = lookup(t, s, size, color);
    if (!e || !e->tex)
        return 0;
    blit(t, e, s, x, y);
    return e->w;
}

void gui_text_draw_centered(gui_text *t, const char *s, gui_font_size size, SDL_Color color,
                            int cx, int cy)
{
    if (!usable(t, s, size))
        return;
    cache_entry *e = lookup(t, s, size, color);
    if (e && e->tex)
        blit(t, e, s, cx - e->w / 2, cy - e->h / 2);
}

/* The size of s in `size`, from the table of sizes measured, or measured
 * now with TTF_SizeUTF8 (shaping with HarfBuzz: about as costly as
 * drawing) and kept; *w = *h = 0 when it cannot be measured. */
static void measure(gui_text *t, const char *s, gui_font_size size, int *w, int *h)
{
    uint32_t hash = key_hash(s, (int)size, 0);
    unsigned i = hash & (SIZES_SLOTS - 1);
    struct measured *m;
    for (m = &t->measured[i]; m->s; i = (i + 1) & (SIZES_SLOTS - 1), m = &t->measured[i])
        if (m->hash == hash && m->size == (int)size && !strcmp(m->s, s)) {
            *w = m->w;
            *h = m->h;
            return;
        }
    if (TTF_SizeUTF8(font_for(t, s, size), s, w, h) < 0)
        *w = *h = 0;
    if (t->nmeasured >= SIZES_MAX) {
        measured_flush(t);
        i = hash & (SIZES_SLOTS - 1);
        m = &t->measured[i];
    }
    if ((m->s = copy_str(s))) {
        m->hash = hash;
        m->size = (int)size;
        m->w = *w;
        m->h = *h;
        t->nmeasured++;
    }
}

void gui_text_measure(gui_text *t, const char *s, gui_font_size size, int *w, int *h)
{
    int mw = 0, mh = 0;
    if (usable(t, s, size))
        measure(t, s, size, &mw, &mh);
    if (w)
        *w = mw;
    if (h)
        *h = mh;
}

static float width_of(gui_text *t, const char *s, gui_font_size fs)
{
    int w;
    gui_text_measure(t, s, fs, &w, NULL);
    return (float)w;
}

/* s[0..tail) cut from the end, at character boundaries, with ".." and
 * `end` after it, until it is at most w wide; 0 if it never is. */
static int cut_to(gui_text *t, char *s, size_t size, size_t tail, const char *end,
                  gui_font_size fs, float w)
{
    for (size_t head = tail; head > 0;) {
        do
            head--;
        while (head > 0 && ((unsigned char)s[head] & 0xc0) == 0x80);
        if (head + 2 + strlen(end) + 1 <= size) {
            snprintf(s + head, size - head, "..%s", end);
            if (width_of(t, s, fs) <= w)
                return 1;
        }
    }
    return 0;
}

/* Remember that `whole` was cut to `s` this frame (for its tooltip). */
static void note_cut(gui_text *t, const char *whole, const char *s)
{
    if (t->ncuts < CUTS_MAX && strcmp(whole, s) && cut_of(t, s) < 0) {
        snprintf(t->cuts[t->ncuts].cut, sizeof t->cuts[0].cut, "%s", s);
        snprintf(t->cuts[t->ncuts].full, sizeof t->cuts[0].full, "%s", whole);
        t->ncuts++;
    }
}

/* gui_text_fit's cut (s is wider than w). */
static void fit(gui_text *t, char *s, size_t size, gui_font_size fs, float w)
{
    size_t n = strlen(s);
    char whole[GUI_TEXT_MAX];
    if (n >= sizeof whole) { /* no copy to go back to: a plain cut */
        cut_to(t, s, size, n, "", fs, w);
        return;
    }
    snprintf(whole, sizeof whole, "%s", s);
    size_t tail = n; /* the number at the end, and its separator */
    while (tail > 0 && s[tail - 1] >= '0' && s[tail - 1] <= '9')
        tail--;
    if (tail < n && tail > 0 && strchr("-_.", s[tail - 1]))
        tail--;
    if (tail == 0 || n - tail > 10)
        tail = n;
    char end[16];
    snprintf(end, sizeof end, "%s", s + tail);
    if (tail < n && cut_to(t, s, size, tail, end, fs, w))
        return;
    snprintf(s, size, "%s", whole); /* no room for the number: a plain cut */
    if (!cut_to(t, s, size, n, "", fs, w))
        snprintf(s, size, ".."); /* not even a character fits */
}

void gui_text_fit(gui_text *t, char *s, size_t size, gui_font_size fs, float w)
{
    size_t n = strlen(s);
    if (n == 0 || n + 1 > size || width_of(t, s, fs) <= w)
        return;
    char whole[GUI_TEXT_MAX];
    snprintf(whole, sizeof whole, "%s", s);
    fit(t, s, size, fs, w);
    if (t && n < sizeof whole)
        note_cut(t, whole, s);
}

int gui_text_line_height(gui_text *t, gui_font_size size)
{
    if (!t || (unsigned)size >= N_SIZES)
        return 0;
    int skip = TTF_FontLineSkip(t->latin[size]);
    if (t->hangul[size] && TTF_FontLineSkip(t->hangul[size]) > skip)
        skip = TTF_FontLineSkip(t->hangul[size]); /* lines may mix both fonts */
    return skip;
}

int gui_text_has_hangul(const gui_text *t)
{
    return t && t->hangul_path;
}

const char *gui_text_latin_path(const gui_text *t)
{
    return t ? t->latin_path : NULL;
}

const char *gui_text_hangul_path(const gui_text *t)
{
    return t ? t->hangul_path : NULL;
}

/* ---- per frame: tooltips of cut texts, and the recorder --------------- */

void gui_text_begin_frame(gui_text *t)
{
    if (!t)
        return;
    t->ncuts = t->ntips = 0;
    t->nmarks = 0;
}

const char *gui_text_tip_at(const gui_text *t, int x, int y, SDL_Rect *box)
{
    for (int i = t ? t->ntips : 0; i-- > 0;) { /* the last drawn is on top */
        const SDL_Rect *b = &t->tips[i].box;
        if (x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h) {
            if (box)
                *box = *b;
            return t->cuts[t->tips[i].cut].full;
        }
    }
    return NULL;
}

void gui_text_record(gui_text *t, int on)
{
    if (t) {
        t->recording = on;
        t->nmarks = 0;
    }
}

void gui_text_cover(gui_text *t, float x, float y, float w, float h)
{
    if (!t || !t->recording)
        return;
    SDL_Rect seen = visible(t, (SDL_Rect){(int)x, (int)y, (int)(x + w) - (int)x, (int)(y + h) - (int)y});
    if (seen.w > 0 && seen.h > 0)
        add_mark(t, seen, 1, "", seen.w, NULL);
}

const gui_text_mark *gui_text_marks(const gui_text *t, int *n)
{
    *n = t ? t->nmarks : 0;
    return t ? t->marks : NULL;
}
