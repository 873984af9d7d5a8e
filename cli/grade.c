/* grade.c — `procsim grade LAB FILE... | DIR`: students' answers files
 * against the lab's key, one file or a class.  Reads the command line,
 * collects the files (a folder's regular files, by name), grades each
 * against the key of the variant it names (each variant's key computed
 * once), and hands the results to grade_out.c.  A file that cannot be
 * read or graded is reported and the class goes on. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "grade.h"
#include "lab_out.h"
#include "shipped.h"
#include "words.h"
#include "procsim/input.h"

#define ANSWERS_MAX (64u << 20) /* bytes of an answers file, at most (what it keeps:
                                  PS_LAB_SHEET_MAX) */

/* errno in the language; EFBIG with the answers file's limit */
_Static_assert(ANSWERS_MAX == 67108864, "the words below give the limit");
static const char *errno_text(int e)
{
    if (e == EFBIG)
        return cli_lang == PS_LANG_KO ? "파일이 너무 큽니다(답안 파일은 67108864바이트까지)"
                                      : "File too large (an answers file is at most 67108864 bytes)";
    return cli_strerror(e);
}

/* The answers file at path read into sh in pieces (its comments dropped
 * as they come, so memory follows what is kept): 0; 1 with the sheet's
 * error in err; or -1 with errno (it cannot be read: EFBIG past
 * ANSWERS_MAX bytes in all), or with *kind what was refused (a FIFO, a
 * device: procsim/input.h). */
static int read_sheet(const char *path, ps_lab_sheet *sh, ps_error *err, ps_input_kind *kind)
{
    ps_lab_sheet_begin(sh);
    FILE *f = ps_input_open(path, kind);
    if (!f)
        return -1;
    char piece[1 << 16];
    size_t got, total = 0;
    int rc = 0;
    while (!rc && (got = fread(piece, 1, sizeof piece, f)) > 0) {
        if ((total += got) > ANSWERS_MAX) {
            errno = EFBIG;
            rc = -1;
        } else if (ps_lab_sheet_feed(sh, path, piece, got, err)) {
            rc = 1;
        }
    }
    if (!rc && ferror(f)) /* a directory, say: errno says why */
        rc = -1;
    int saved = errno;
    fclose(f);
    errno = saved;
    if (!rc && ps_lab_sheet_end(sh, path, err))
        rc = 1;
    return rc;
}

static void *grow(void *p, size_t *cap, size_t n, size_t each)
{
    if (n < *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 16;
    void *q = realloc(p, c * each);
    if (q)
        *cap = c;
    return q;
}

/* A file to grade: 0, or -1 out of memory. */
static int add_file(grade_class *c, const char *path)
{
    graded *f = grow(c->files, &c->capfiles, c->nfiles, sizeof *f);
    if (!f)
        return -1;
    c->files = f;
    f += c->nfiles;
    memset(f, 0, sizeof *f);
    f->path = strdup(path);
    f->marks = calloc(c->nquestions, sizeof *f->marks);
    if (!f->path || !f->marks) {
        free(f->path);
        free(f->marks);
        return -1;
    }
    c->nfiles++;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files of folder `dir` by name, hidden ones left out, and
 * not `skip` (the gradebook being written there, st_ino 0: none): 0, or
 * -1 having said why (it cannot be read, or out of memory). */
static int add_folder(grade_class *c, const char *dir, const struct stat *skip)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, CLI_W(W_GRADE_CANNOT_READ), dir, errno_text(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (struct dirent *de; !rc && (de = readdir(d));) {
        if (de->d_name[0] == '.')
            continue;
        char **nn = grow(names, &cap, n, sizeof *names);
        if (!nn || !(nn[n] = strdup(de->d_name)))
            rc = -1;
        else
            n++;
        if (nn)
            names = nn;
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    size_t before = c->nfiles, dl = strlen(dir);
    for (size_t i = 0; i < n; i++) {
        char *path = malloc(dl + strlen(names[i]) + 2);
        struct stat st;
        if (!path) {
            rc = -1;
        } else {
            sprintf(path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
            if (!rc && !stat(path, &st) && S_ISREG(st.st_mode) &&
                !(skip->st_ino && st.st_dev == skip->st_dev && st.st_ino == skip->st_ino) &&
                add_file(c, path))
                rc = -1;
        }
        free(path);
        free(names[i]);
    }
    free(names);
    if (rc)
        fprintf(stderr, "procsim grade: %s\n", CLI_W(W_ANY_OUT_OF_MEMORY));
    else if (c->nfiles == before) {
        fprintf(stderr, CLI_W(W_GRADE_EMPTY_FOLDER), dir);
        rc = -1;
    }
    return rc;
}

/* The lab of `variant` ("": as written), loaded and its key computed the
 * first time it is asked for; NULL only when out of memory. */
static const grade_lab *lab_of(grade_class *c, const char *variant)
{
    for (size_t i = 0; i < c->nlabs; i++)
        if (!strcmp(c->labs[i].variant, variant))
            return &c->labs[i];
    grade_lab *l = grow(c->labs, &c->caplabs, c->nlabs, sizeof *l);
    if (!l)
        return NULL;
    c->labs = l;
    l += c->nlabs;
    memset(l, 0, sizeof *l);
    snprintf(l->variant, sizeof l->variant, "%s", variant);
    ps_error err;
    l->s = ps_scenario_load_string_variant(c->lab_path, c->lab_text, c->lab_len,
                                           variant[0] ? variant : NULL, &err);
    if (!l->s) {
        snprintf(l->error, sizeof l->error, "%s", ps_error_in(&err, cli_lang));
    } else if (c->nlabs && l->s->nquestions != c->nquestions) {
        snprintf(l->error, sizeof l->error, CLI_W(W_GRADE_VARIANT_QUESTIONS), l->s->nquestions,
                 c->nquestions);
        ps_scenario_destroy(l->s);
        l->s = NULL;
    } else if (cli_lab_key(l->s, cli_lang, &l->key)) { /* it has said why */
        snprintf(l->error, sizeof l->error, "%s", CLI_W(W_GRADE_NO_KEY));
        ps_scenario_destroy(l->s);
        l->s = NULL;
    }
    c->nlabs++;
    return l;
}

/* The name of path less its folder and its extension ("class/kim.txt":
 * "kim"). */
static void stem(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    int n = dot && dot > base ? (int)(dot - base) : (int)strlen(base);
    snprintf(out, size, "%.*s", n, base);
}

/* Grades file f: f->ok, or f->error says why not; -1 only when out of
 * memory. */
static int grade_file(grade_class *c, graded *f)
{
    stem(f->path, f->student, sizeof f->student);
    ps_lab_sheet sh;
    ps_error err;
    ps_input_kind kind;
    int rc = read_sheet(f->path, &sh, &err, &kind);
    if (rc < 0 && kind >= PS_INPUT_FIFO && kind <= PS_INPUT_SOCKET) {
        ps_lab_sheet_fini(&sh);
        snprintf(f->error, sizeof f->error, CLI_W(W_GRADE_NOT_REGULAR), f->path,
                 ps_input_refusal(kind, cli_lang));
        return 0;
    }
    if (rc < 0) {
        int e = errno;
        ps_lab_sheet_fini(&sh);
        snprintf(f->error, sizeof f->error, CLI_W(W_GRADE_CANNOT_READ_FILE), f->path,
                 errno_text(e));
        return e == ENOMEM ? -1 : 0;
    }
    if (rc) {
        rc = 0;
        snprintf(f->error, sizeof f->error, "%s", ps_error_in(&err, cli_lang));
    } else {
        f->encoding = sh.encoding;
        if (sh.student[0]) {
            snprintf(f->student, sizeof f->student, "%s", sh.student);
            f->named = 1;
        }
        snprintf(f->variant, sizeof f->variant, "%s", sh.variant);
        const grade_lab *l = lab_of(c, sh.variant);
        if (!l) {
            rc = -1;
        } else if (!l->s) {
            snprintf(f->error, sizeof f->error, CLI_W(W_GRADE_VARIANT_FAILED), f->path,
                     (unsigned)sh.variant_line, (unsigned)sh.variant_col, sh.variant, l->error);
        } else {
            int right = ps_lab_grade_sheet(&l->key, &sh, f->path, f->marks, &err);
            if (right < 0) {
                snprintf(f->error, sizeof f->error, "%s", ps_error_in(&err, cli_lang));
            } else {
                f->ok = 1;
                f->right = right;
                f->lab = l;
            }
        }
    }
    ps_lab_sheet_fini(&sh);
    return rc;
}

/* The name of path less its folder. */
static const char *base_of(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

/* --feedback DIR: made if it is not there; never a folder of the class
 * (the feedback would write over the answers), and no two answers files
 * of one name (their feedback would be one file).  0, or EXIT_USAGE
 * having said why. */
static int feedback_check(const grade_class *c, const char *dir)
{
    struct stat d, st;
    if (mkdir(dir, 0777) && errno != EEXIST) {
        fprintf(stderr, CLI_W(W_GRADE_CANNOT_WRITE), dir, errno_text(errno));
        return EXIT_USAGE;
    }
    if (stat(dir, &d) || !S_ISDIR(d.st_mode)) {
        fprintf(stderr, CLI_W(W_GRADE_CANNOT_WRITE), dir, errno_text(ENOTDIR));
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < c->nfiles; i++) {
        const char *path = c->files[i].path, *base = base_of(path);
        char folder[4096];
        snprintf(folder, sizeof folder, "%.*s", base > path ? (int)(base - path) : 1,
                 base > path ? path : ".");
        if (!stat(folder, &st) && st.st_dev == d.st_dev && st.st_ino == d.st_ino) {
            fprintf(stderr, CLI_W(W_GRADE_FEEDBACK_IN_CLASS), dir);
            return EXIT_USAGE;
        }
        for (size_t j = 0; j < i; j++)
            if (!strcmp(base, base_of(c->files[j].path))) {
                fprintf(stderr, CLI_W(W_GRADE_FEEDBACK_SAME_NAME), c->files[j].path, path);
                return EXIT_USAGE;
            }
    }
    return EXIT_OK;
}

/* Each student's report into DIR/NAME (NAME: the answers file's), or why
 * the file could not be graded: 0, or -1 having said what could not be
 * written. */
static int write_feedback(const grade_class *c, const char *dir)
{
    int rc = 0;
    for (size_t i = 0; i < c->nfiles; i++) {
        const graded *g = &c->files[i];
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, base_of(g->path));
        FILE *f = fopen(path, "w");
        if (f) {
            if (g->ok)
                grade_report_one(f, c, g);
            else {
                cli_visible(f, g->error, PS_VISIBLE_LINE);
                fputc('\n', f);
            }
        }
        if (!f || ferror(f) | fclose(f)) {
            fprintf(stderr, CLI_W(W_GRADE_CANNOT_WRITE), path, errno_text(errno));
            rc = -1;
        }
    }
    return rc;
}

static void class_fini(grade_class *c)
{
    for (size_t i = 0; i < c->nlabs; i++)
        if (c->labs[i].s) {
            ps_lab_key_fini(&c->labs[i].key);
            ps_scenario_destroy(c->labs[i].s);
        }
    for (size_t i = 0; i < c->nfiles; i++) {
        free(c->files[i].path);
        free(c->files[i].marks);
    }
    free(c->labs);
    free(c->files);
    free(c->lab_text);
}

/* The command line: the lab, the answers files and folders (in place in
 * argv, *n of them), --csv's file and --feedback's folder (NULL: none).
 * 0, or the exit status of a usage error (said). */
static int options(int argc, char **argv, const char **lab, char **inputs, size_t *n,
                   const char **csv, const char **feedback)
{
    *lab = NULL;
    *csv = NULL;
    *feedback = NULL;
    *n = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--lang")) {
            if (cli_lang_option("grade", i + 1 < argc ? argv[++i] : NULL))
                return EXIT_USAGE;
        } else if (!strcmp(a, "--csv") || !strcmp(a, "--feedback")) {
            if (i + 1 >= argc) {
                fprintf(stderr, CLI_W(W_GRADE_WANTS_FILE), a);
                return EXIT_USAGE;
            }
            *(a[2] == 'c' ? csv : feedback) = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, CLI_W(W_GRADE_UNKNOWN_OPTION), a);
            cli_usage(stderr, "grade");
            return EXIT_USAGE;
        } else if (!*lab) {
            *lab = a;
        } else {
            inputs[(*n)++] = argv[i];
        }
    }
    if (!*lab || !*n) {
        cli_usage(stderr, "grade");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* Every answers file of the inputs into c (a folder's in order of name);
 * *many: more than one file, or a folder (a class).  0, or the exit
 * status. */
static int collect(grade_class *c, char **inputs, size_t n, const struct stat *skip, int *many)
{
    *many = n > 1;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (!stat(inputs[i], &st) && S_ISDIR(st.st_mode)) {
            *many = 1;
            if (add_folder(c, inputs[i], skip))
                return EXIT_USAGE;
        } else if (add_file(c, inputs[i])) {
            fprintf(stderr, "procsim grade: %s\n", CLI_W(W_ANY_OUT_OF_MEMORY));
            return EXIT_RUNTIME;
        }
    }
    return EXIT_OK;
}

int cmd_grade(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (cli_is_help(argv[i]))
            return cli_help(stdout, "grade");
    const char *lab_path, *csv_path, *feedback;
    char **inputs = malloc((size_t)argc * sizeof *inputs);
    size_t ninputs;
    if (!inputs)
        return EXIT_RUNTIME;
    int rc = options(argc, argv, &lab_path, inputs, &ninputs, &csv_path, &feedback);
    char where[CLI_PATH_MAX]; /* a shipped NAME's file */
    if (!rc)
        lab_path = cli_scenario_path(lab_path, where, sizeof where);
    grade_class c = {.lab_path = lab_path};
    FILE *csv = NULL;
    if (rc)
        goto done;
    ps_error err;
    ps_scenario *first = (c.lab_text = ps_scenario_file_read(lab_path, &c.lab_len, &err))
                             ? ps_scenario_load_string(lab_path, c.lab_text, c.lab_len, &err)
                             : NULL;
    if (!first) {
        fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
        cli_scenario_hint(stderr, lab_path);
        rc = EXIT_USAGE;
        goto done;
    }
    c.nquestions = first->nquestions;
    ps_scenario_destroy(first); /* lab_of loads it again, with its key */
    if (!c.nquestions) {
        fprintf(stderr, CLI_W(W_GRADE_NO_QUESTIONS), lab_path);
        rc = EXIT_USAGE;
        goto done;
    }
    const grade_lab *base = lab_of(&c, "");
    if (!base || !base->s) { /* cli_lab_key has said why */
        rc = EXIT_RUNTIME;
        goto done;
    }
    struct stat skip = {0};
    if (csv_path && strcmp(csv_path, "-") && !stat(csv_path, &skip))
        for (size_t i = 0; i < ninputs; i++) { /* never write over an answers file */
            struct stat st;
            if (!stat(inputs[i], &st) && st.st_dev == skip.st_dev && st.st_ino == skip.st_ino) {
                fprintf(stderr, CLI_W(W_GRADE_CSV_IS_ANSWERS), csv_path);
                rc = EXIT_USAGE;
                goto done;
            }
        }
    if (csv_path && strcmp(csv_path, "-")) {
        if (!(csv = fopen(csv_path, "w"))) {
            fprintf(stderr, CLI_W(W_GRADE_CANNOT_WRITE), csv_path, errno_text(errno));
            rc = EXIT_USAGE;
            goto done;
        }
        fstat(fileno(csv), &skip);
    } else if (csv_path) {
        csv = stdout;
    }
    int many;
    if ((rc = collect(&c, inputs, ninputs, &skip, &many)) != 0 ||
        (feedback && (rc = feedback_check(&c, feedback)) != 0))
        goto done;
    for (size_t i = 0; i < c.nfiles; i++)
        if (grade_file(&c, &c.files[i])) {
            fprintf(stderr, "procsim grade: %s\n", CLI_W(W_ANY_OUT_OF_MEMORY));
            rc = EXIT_RUNTIME;
            goto done;
        }
    FILE *report = csv == stdout ? stderr : stdout; /* --csv -: the gradebook alone on stdout */
    size_t graded_n = 0;
    for (size_t i = 0; i < c.nfiles; i++)
        graded_n += (size_t)c.files[i].ok;
    if (many) {
        grade_report_class(report, &c);
        rc = graded_n == c.nfiles ? EXIT_OK : EXIT_RUNTIME;
    } else if (!c.files[0].ok) {
        cli_visible(stderr, c.files[0].error, PS_VISIBLE_LINE);
        fputc('\n', stderr);
        rc = EXIT_USAGE;
    } else {
        grade_report_one(report, &c, &c.files[0]);
        rc = c.files[0].right == (int)c.nquestions ? EXIT_OK : EXIT_RUNTIME;
    }
    if (feedback && write_feedback(&c, feedback))
        rc = EXIT_RUNTIME;
    if (csv) {
        int bad = grade_csv(csv, &c) != 0 || fflush(csv) != 0 || ferror(csv);
        int e = errno;
        if (csv != stdout && fclose(csv) && !bad) { /* a full disk may show only here */
            bad = 1;
            e = errno;
        }
        if (bad && csv != stdout) /* stdout: main's check at the end says it */
            fprintf(stderr, CLI_W(W_GRADE_CANNOT_WRITE), csv_path, errno_text(e));
        if (bad)
            rc = EXIT_RUNTIME;
        csv = NULL;
    }
done:
    if (csv && csv != stdout)
        fclose(csv);
    class_fini(&c);
    free(inputs);
    return rc;
}
