/* picker.c — see picker.h.  Listings are built into a fresh array and
 * swapped in only when complete, so a folder that cannot be read leaves
 * the dialog as it was. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "picker.h"
#include "i18n.h"
#include "procsim/strerror.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- small path helpers ------------------------------------------------ */

/* A plain file: not a FIFO, a device or a socket, whose open or read
 * would wait for a writer that never comes. */
static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_scenario_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

/* dir + "/" + name into out; -1 if it does not fit. */
static int join(char *out, size_t size, const char *dir, const char *name)
{
    size_t n = strlen(dir);
    const char *sep = n && dir[n - 1] == '/' ? "" : "/";
    int w = snprintf(out, size, "%s%s%s", dir, sep, name);
    return w >= 0 && (size_t)w < size ? 0 : -1;
}

/* An absolute, resolved form of path (the file need not exist: then the
 * working directory is put before a relative one).  -1 if it does not fit. */
static int absolute(const char *path, char *out, size_t size)
{
    char buf[PATH_MAX], cwd[PATH_MAX];
    if (realpath(path, buf))
        return snprintf(out, size, "%s", buf) < (int)size ? 0 : -1;
    if (path[0] == '/')
        return snprintf(out, size, "%s", path) < (int)size ? 0 : -1;
    if (!getcwd(cwd, sizeof cwd))
        return -1;
    return join(out, size, cwd, path);
}

int gui_recent_path(const char *xdg_state_home, const char *home, char *out, size_t size)
{
    int w = -1;
    if (xdg_state_home && xdg_state_home[0] == '/')
        w = snprintf(out, size, "%s/procsim/recent", xdg_state_home);
    else if (home && home[0])
        w = snprintf(out, size, "%s/.local/state/procsim/recent", home);
    if (w < 0 || (size_t)w >= size) {
        out[0] = 0;
        return -1;
    }
    return 0;
}

/* ---- titles -------------------------------------------------------------- */

/* The scalar after "title:" in line s (up to its end), unquoted into out. */
static void unquote(const char *s, const char *end, char *out, size_t size)
{
    size_t n = 0;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    char q = s < end && (*s == '"' || *s == '\'') ? *s++ : 0;
    for (; s < end && n + 1 < size; s++) {
        if (q == '"' && *s == '\\' && s + 1 < end)
            s++; /* \" and \\ (the titles' only escapes) */
        else if (q == '\'' && *s == '\'' && s + 1 < end && s[1] == '\'')
            s++;
        else if (*s == q)
            break;
        else if (!q && *s == '#' && n && out[n - 1] == ' ')
            break; /* a comment after a plain scalar */
        out[n++] = *s;
    }
    while (!q && n && (out[n - 1] == ' ' || out[n - 1] == '\t' || out[n - 1] == '\r'))
        n--;
    out[n] = 0;
}

int gui_picker_title(const char *path, char *out, size_t size)
{
    char buf[16384];
    out[0] = 0;
    /* O_NONBLOCK: opening a FIFO does not wait; fstat then refuses it */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return -1;
    FILE *f = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "rb") : NULL;
    if (!f) {
        close(fd);
        return -1;
    }
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = 0;
    for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, "title:", 6))
            continue;
        char *end = strchr(line, '\n');
        unquote(line + 6, end ? end : buf + len, out, size);
        gui_utf8_trim(out); /* a title longer than out: cut at a character */
        return out[0] ? 0 : -1;
    }
    return -1;
}

/* ---- listings ------------------------------------------------------------ */

typedef struct rows {
    gui_pick_row *row;
    int n, cap;
} rows;

static gui_pick_row *add(rows *r, gui_pick_kind kind, gui_pick_section section, const char *name,
                         const char *path)
{
    if (r->n == r->cap) {
        int cap = r->cap ? r->cap * 2 : 32;
        gui_pick_row *grown = realloc(r->row, (size_t)cap * sizeof *grown);
        if (!grown)
            return NULL;
        r->row = grown;
        r->cap = cap;
    }
    gui_pick_row *w = &r->row[r->n++];
    memset(w, 0, offsetof(gui_pick_row, path));
    w->kind = kind;
    w->section = section;
    snprintf(w->name, sizeof w->name, "%s", name);
    snprintf(w->path, sizeof w->path, "%s", path ? path : "");
    return w;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(((const gui_pick_row *)x)->name, ((const gui_pick_row *)y)->name);
}

/* Folder dir's subfolders (unless files_only) then its scenario files,
 * each group sorted, appended to r.  -1 with err if it cannot be read or
 * memory runs out. */
static int add_folder(rows *r, const char *dir, gui_pick_section section, int files_only,
                      ps_lang lang, char *err, size_t errsize)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errsize, "%s: %s", dir, ps_strerror(errno, lang));
        return -1;
    }
    int first = r->n, rc = 0;
    struct dirent *de;
    char path[GUI_PICK_PATH], name[260];
    for (int pass = files_only; pass < 2 && !rc; pass++) {
        int from = r->n;
        rewinddir(d);
        while (!rc && (de = readdir(d))) {
            if (de->d_name[0] == '.' || join(path, sizeof path, dir, de->d_name))
                continue;
            struct stat st; /* a FIFO named x.yaml is no scenario (its open would wait) */
            if (stat(path, &st))
                continue;
            int folder = S_ISDIR(st.st_mode);
            if (pass == 0 ? !folder : !S_ISREG(st.st_mode) || !is_scenario_name(de->d_name))
                continue;
            snprintf(name, sizeof name, "%s%s", de->d_name, folder ? "/" : "");
            gui_pick_row *w = add(r, folder ? GUI_PICK_DIR : GUI_PICK_FILE, section, name, path);
            if (!w)
                rc = -1;
            else if (!folder)
                gui_picker_title(path, w->title, sizeof w->title);
        }
        qsort(r->row + from, (size_t)(r->n - from), sizeof *r->row, by_name);
    }
    closedir(d);
    if (rc) {
        r->n = first;
        snprintf(err, errsize, "%s: %s", dir, gui_word_text(GUI_W_NO_MEMORY, gui_lang_of(lang)));
    }
    return rc;
}

/* The row keys start on: the first that is not a heading. */
static int first_choosable(const gui_picker *p)
{
    for (int i = 0; i < p->nrows; i++)
        if (p->row[i].kind != GUI_PICK_HEADING)
            return i;
    return -1;
}

static void take(gui_picker *p, rows *r, const char *dir)
{
    free(p->row);
    p->row = r->row;
    p->nrows = r->n;
    p->caprows = r->cap;
    snprintf(p->dir, sizeof p->dir, "%s", dir);
    p->top = 0;
    p->sel = first_choosable(p);
    p->err[0] = 0;
}

/* "~/x" for a path under $HOME, else the path. */
static void shown_path(const char *path, char *out, size_t size)
{
    const char *home = getenv("HOME");
    size_t n = home ? strlen(home) : 0;
    if (n > 1 && !strncmp(path, home, n) && path[n] == '/')
        snprintf(out, size, "~%s", path + n);
    else
        snprintf(out, size, "%s", path);
}

int gui_picker_home(gui_picker *p)
{
    rows r = {0};
    char err[600], name[256];
    int ok = add(&r, GUI_PICK_HEADING, GUI_PICK_SHIPPED, "", p->shipped) != NULL;
    if (ok && p->shipped[0]) /* a shipped folder gone since: just its heading */
        add_folder(&r, p->shipped, GUI_PICK_SHIPPED, 0, p->lang, err, sizeof err);
    ok = ok && add(&r, GUI_PICK_HEADING, GUI_PICK_CWD, "", p->cwd);
    ok = ok && add(&r, GUI_PICK_DIR, GUI_PICK_CWD, "./", p->cwd);
    if (ok)
        add_folder(&r, p->cwd, GUI_PICK_CWD, 1, p->lang, err, sizeof err);
    ok = ok && add(&r, GUI_PICK_HEADING, GUI_PICK_RECENT, "", NULL);
    for (int i = 0; ok && i < p->nrecent; i++) {
        if (!is_file(p->recent[i])) /* gone: not shown, still remembered */
            continue;
        shown_path(p->recent[i], name, sizeof name);
        gui_pick_row *w = add(&r, GUI_PICK_FILE, GUI_PICK_RECENT, name, p->recent[i]);
        ok = w != NULL;
        if (w)
            gui_picker_title(w->path, w->title, sizeof w->title);
    }
    if (!ok) {
        free(r.row);
        snprintf(p->err, sizeof p->err, "%s", gui_word_text(GUI_W_NO_MEMORY, gui_lang_of(p->lang)));
        return -1;
    }
    take(p, &r, "");
    return 0;
}

int gui_picker_enter(gui_picker *p, const char *dir)
{
    char abs[GUI_PICK_PATH], up[GUI_PICK_PATH];
    rows r = {0};
    if (absolute(dir, abs, sizeof abs)) {
        snprintf(p->err, sizeof p->err, "%s: %s", dir,
                 p->lang == PS_LANG_KO ? "경로가 너무 깁니다" : "the path is too long");
        return -1;
    }
    snprintf(up, sizeof up, "%s", abs);
    char *slash = strrchr(up, '/');
    if (slash)
        slash[slash == up] = 0; /* "/a/b" -> "/a", "/a" -> "/" */
    int ok = add(&r, GUI_PICK_HOME, GUI_PICK_NO_SECTION, "", "") &&
             (!strcmp(abs, "/") || add(&r, GUI_PICK_UP, GUI_PICK_NO_SECTION, "..", up));
    if (!ok || add_folder(&r, abs, GUI_PICK_NO_SECTION, 0, p->lang, p->err, sizeof p->err)) {
        if (!ok)
            snprintf(p->err, sizeof p->err, "%s", gui_word_text(GUI_W_NO_MEMORY, gui_lang_of(p->lang)));
        free(r.row);
        return -1;
    }
    take(p, &r, abs);
    return 0;
}

int gui_picker_up(gui_picker *p)
{
    if (!p->dir[0] || !strcmp(p->dir, "/"))
        return gui_picker_home(p);
    for (int i = 0; i < p->nrows; i++)
        if (p->row[i].kind == GUI_PICK_UP) {
            char up[GUI_PICK_PATH];
            snprintf(up, sizeof up, "%s", p->row[i].path);
            return gui_picker_enter(p, up);
        }
    return gui_picker_home(p);
}

const char *gui_picker_choose(gui_picker *p, int i)
{
    char to[GUI_PICK_PATH];
    p->err[0] = 0;
    if (i < 0 || i >= p->nrows)
        return NULL;
    switch (p->row[i].kind) {
    case GUI_PICK_HEADING: return NULL;
    case GUI_PICK_HOME: gui_picker_home(p); return NULL;
    case GUI_PICK_UP:
    case GUI_PICK_DIR:
        snprintf(to, sizeof to, "%s", p->row[i].path); /* the rows go away */
        gui_picker_enter(p, to);
        return NULL;
    case GUI_PICK_FILE: return p->row[i].path;
    }
    return NULL;
}

/* ---- moving ---------------------------------------------------------------- */

static void keep_in_view(gui_picker *p, int shown)
{
    if (shown < 1)
        shown = 1;
    if (p->sel >= 0 && p->sel < p->top)
        p->top = p->sel;
    if (p->sel >= p->top + shown)
        p->top = p->sel - shown + 1;
    if (p->sel > 0 && p->sel - 1 < p->top && p->row[p->sel - 1].kind == GUI_PICK_HEADING)
        p->top = p->sel - 1; /* a section's first row shows its heading */
    gui_picker_scroll(p, 0, shown);
}

void gui_picker_move(gui_picker *p, int delta, int shown)
{
    if (p->sel < 0)
        return;
    int step = delta < 0 ? -1 : 1, left = delta < 0 ? -delta : delta, at = p->sel;
    for (int i = p->sel + step; left > 0 && i >= 0 && i < p->nrows; i += step)
        if (p->row[i].kind != GUI_PICK_HEADING) {
            at = i;
            left--;
        }
    p->sel = at;
    keep_in_view(p, shown);
}

int gui_picker_select(gui_picker *p, const char *path, int shown)
{
    char abs[GUI_PICK_PATH];
    if (!path || !path[0] || absolute(path, abs, sizeof abs))
        return -1;
    for (int i = 0; i < p->nrows; i++)
        if (p->row[i].kind == GUI_PICK_FILE && !strcmp(p->row[i].path, abs)) {
            p->sel = i;
            keep_in_view(p, shown);
            return 0;
        }
    return -1;
}

void gui_picker_scroll(gui_picker *p, int delta, int shown)
{
    int last = p->nrows - (shown > 0 ? shown : 1);
    p->top += delta;
    if (p->top > last)
        p->top = last;
    if (p->top < 0)
        p->top = 0;
}

/* ---- recent files ------------------------------------------------------------ */

/* The list as the file has it; when it cannot be read, the one in memory
 * stays (an unwritable state folder keeps the window's own list). */
static void recent_load(gui_picker *p)
{
    char line[GUI_PICK_PATH + 2];
    FILE *f = p->recent_file[0] ? fopen(p->recent_file, "r") : NULL;
    if (!f)
        return;
    p->nrecent = 0;
    while (p->nrecent < GUI_RECENT && fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        if (line[0] == '/' && n < sizeof p->recent[0]) { /* a longer one: not a path here */
            memcpy(p->recent[p->nrecent], line, n);
            p->recent[p->nrecent++][n] = 0;
        }
    }
    fclose(f);
}

/* mkdir -p of the folder `file` is in. */
static int make_parents(const char *file)
{
    char dir[GUI_PICK_PATH];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return 0;
    *slash = 0;
    for (char *c = dir + 1; *c; c++)
        if (*c == '/') {
            *c = 0;
            if (mkdir(dir, 0700) && errno != EEXIST)
                return -1;
            *c = '/';
        }
    return mkdir(dir, 0700) && errno != EEXIST ? -1 : 0;
}

/* The list written to a temporary file beside recent_file, then renamed
 * over it. */
static int recent_save(const gui_picker *p)
{
    char tmp[GUI_PICK_PATH + 32];
    if (!p->recent_file[0] || make_parents(p->recent_file))
        return -1;
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", p->recent_file, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    for (int i = 0; i < p->nrecent; i++)
        fprintf(f, "%s\n", p->recent[i]);
    int bad = ferror(f) | fclose(f);
    if (bad || rename(tmp, p->recent_file)) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

int gui_picker_remember(gui_picker *p, const char *path)
{
    char abs[GUI_PICK_PATH];
    if (absolute(path, abs, sizeof abs))
        return -1;
    recent_load(p); /* another window may have opened files since */
    int n = 0;
    char keep[GUI_RECENT][GUI_PICK_PATH];
    for (int i = 0; i < p->nrecent && n < GUI_RECENT - 1; i++)
        if (strcmp(p->recent[i], abs))
            memcpy(keep[n++], p->recent[i], sizeof keep[0]);
    snprintf(p->recent[0], sizeof p->recent[0], "%s", abs);
    memcpy(p->recent[1], keep, (size_t)n * sizeof keep[0]);
    p->nrecent = n + 1;
    return recent_save(p);
}

void gui_picker_init(gui_picker *p, const char *shipped, const char *cwd, const char *recent_file)
{
    memset(p, 0, sizeof *p);
    p->sel = -1;
    snprintf(p->shipped, sizeof p->shipped, "%s", shipped ? shipped : "");
    snprintf(p->cwd, sizeof p->cwd, "%s", cwd ? cwd : ".");
    snprintf(p->recent_file, sizeof p->recent_file, "%s", recent_file ? recent_file : "");
    recent_load(p);
}

void gui_picker_fini(gui_picker *p)
{
    free(p->row);
    p->row = NULL;
    p->nrows = p->caprows = 0;
}
