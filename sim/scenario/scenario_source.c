/* scenario_source.c — where a scenario's bytes come from: a file opened
 * without blocking (procsim/input.h), streamed when it is a regular file,
 * read whole when it is a pipe (which cannot be read twice, and whose
 * reader errors are placed by reading the input again); the public
 * ps_scenario_load_file* entry points. */
#include "loader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "procsim/input.h"
#include "procsim/strerror.h"
#include "scenario_priv.h"

/* "cannot read: WHY" (reading) or "cannot open: WHY" for errno e. */
static void cannot(ps_error *err, const char *path, int e, int reading)
{
    ps__format_error(err, path, reading ? "cannot read: %s%.0s" : "cannot open: %s%.0s",
                     reading ? "%.0s읽을 수 없습니다: %s" : "%.0s열 수 없습니다: %s",
                     ps_strerror(e, PS_LANG_EN), ps_strerror(e, PS_LANG_KO));
}

/* A stream's bytes, all of them (NUL-terminated), or NULL with err set.
 * A pipe cannot be read again, so the loader takes its bytes as text, and
 * a reader error's position is found in them. */
static char *read_whole(FILE *fp, const char *path, size_t *len, ps_error *err)
{
    size_t cap = 0, n = 0, got;
    char *buf = NULL;
    do {
        if (n == cap) { /* at most one byte past the limit, to see it passed */
            size_t want = cap ? 2 * cap : 65536;
            want = want > PS_SCENARIO_MAX_BYTES ? PS_SCENARIO_MAX_BYTES + 1 : want;
            char *nb = n <= PS_SCENARIO_MAX_BYTES ? realloc(buf, want + 1) : NULL;
            if (!nb) {
                if (n > PS_SCENARIO_MAX_BYTES)
                    ps__too_big(err, path, 0, PS_SCENARIO_MAX_BYTES);
                else
                    ps__format_error(err, path, "%s%.0s", "%.0s%s", "out of memory",
                                 "메모리가 모자랍니다");
                free(buf);
                return NULL;
            }
            buf = nb;
            cap = want;
        }
        got = fread(buf + n, 1, cap - n, fp);
        n += got;
    } while (got);
    if (ferror(fp)) {
        cannot(err, path, errno ? errno : EIO, 1);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int ps__source_open(const char *path, ps__file *f, ps_error *err)
{
    ps_input_kind kind;
    *f = (ps__file){0};
    errno = 0;
    FILE *fp = ps_input_open(path, &kind);
    if (!path)
        path = "(null)";
    if (!fp && kind == PS_INPUT_ERROR) {
        int e = errno ? errno : EINVAL;
        cannot(err, path, e, e == EISDIR); /* a folder opens, and fails on the reading */
        return -1;
    }
    if (!fp && kind == PS_INPUT_FIFO) {
        ps__format_error(err, path, "%s%.0s; save the scenario in a file, or pipe one in: "
                     "procsim COMMAND /dev/stdin < FILE",
                     "%.0s%s; 시나리오를 파일로 저장하거나 파이프로 주십시오: procsim "
                     "COMMAND /dev/stdin < FILE",
                     ps_input_refusal(kind, PS_LANG_EN), ps_input_refusal(kind, PS_LANG_KO));
        return -1;
    }
    if (!fp) {
        ps__format_error(err, path, "%s%.0s; save the scenario in a file",
                     "%.0s%s; 시나리오를 파일로 저장하십시오",
                     ps_input_refusal(kind, PS_LANG_EN), ps_input_refusal(kind, PS_LANG_KO));
        return -1;
    }
    struct stat st;
    if (kind == PS_INPUT_FILE && fstat(fileno(fp), &st) == 0 &&
        (uintmax_t)st.st_size > PS_SCENARIO_MAX_BYTES) {
        ps__too_big(err, path, (size_t)st.st_size, PS_SCENARIO_MAX_BYTES);
        fclose(fp);
        return -1;
    }
    if (kind == PS_INPUT_FILE) {
        f->fp = fp;
        return 0;
    }
    f->text = read_whole(fp, path, &f->len, err);
    fclose(fp);
    return f->text ? 0 : -1;
}

char *ps_scenario_file_read(const char *path, size_t *len, ps_error *err)
{
    ps__file f;
    if (ps__source_open(path, &f, err))
        return NULL;
    char *text;
    if (f.fp) {
        text = read_whole(f.fp, path, len, err);
    } else {
        text = f.text;
        *len = f.len;
        f.text = NULL;
    }
    ps__source_close(&f);
    return text;
}

void ps__source_close(ps__file *f)
{
    if (f->fp)
        fclose(f->fp);
    free(f->text);
    *f = (ps__file){0};
}

ps_scenario *ps__source_load(const char *path, ps__file *f, ps__variant *pick, ps_error *err)
{
    if (f->fp && fseek(f->fp, 0, SEEK_SET) != 0) {
        cannot(err, path, errno, 1);
        return NULL;
    }
    return ps__scenario_load_variant(path, f->fp, f->text, f->len, PS_SCENARIO_MAX_BYTES, pick,
                                     err);
}

static ps_scenario *load_file(const char *path, const char *variant, ps_error *err)
{
    ps__variant pick = {.id = variant, .force = -1};
    ps__file f;
    if (ps__source_open(path, &f, err))
        return NULL;
    ps_scenario *s = ps__source_load(path, &f, &pick, err);
    ps__source_close(&f);
    return s;
}

ps_scenario *ps_scenario_load_file(const char *path, ps_error *err)
{
    return load_file(path, NULL, err);
}

ps_scenario *ps_scenario_load_file_variant(const char *path, const char *variant,
                                           ps_error *err)
{
    if (variant && variant[0] && !ps__vary_id_check(path ? path : "(null)", variant, err))
        return NULL;
    return load_file(path, variant, err);
}
