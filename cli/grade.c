/* grade.c — `procsim grade`: a student's answers against the key. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lab_out.h"
#include "procsim/lab.h"
#include "words.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            char *nb = cap < (1u << 20) ? realloc(buf, (cap = cap ? cap * 2 : 4096) + 1) : NULL;
            if (!nb) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got);
    if (ferror(f)) { /* a directory, say: errno says why */
        int saved = errno;
        free(buf);
        fclose(f);
        errno = saved;
        return NULL;
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

int cmd_grade(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (cli_is_help(argv[i]))
            return cli_help(stdout, "grade");
    if (argc != 3) {
        cli_usage(stderr, "grade");
        return EXIT_USAGE;
    }
    ps_scenario *s;
    int rc = cli_lab_load(argv[1], NULL, &s);
    if (rc)
        return rc;
    if (!s->nquestions) {
        fprintf(stderr, "procsim grade: %s has no questions\n", argv[1]);
        ps_scenario_destroy(s);
        return EXIT_USAGE;
    }
    size_t len;
    char *text = slurp(argv[2], &len);
    ps_lab_key key;
    ps_lab_mark *marks = calloc(s->nquestions, sizeof *marks);
    if (!text) {
        fprintf(stderr, "procsim grade: cannot read %s: %s\n", argv[2], strerror(errno));
        rc = EXIT_USAGE;
    } else if (!marks || (rc = cli_lab_key(s, PS_LANG_EN, &key)) != 0) {
        rc = EXIT_RUNTIME;
    } else {
        ps_error err;
        int right = ps_lab_grade(&key, argv[2], text, len, marks, &err);
        if (right < 0) {
            fprintf(stderr, "%s\n", ps_error_in(&err, cli_lang));
            rc = EXIT_USAGE;
        } else {
            printf("%s\n", s->title);
            for (uint32_t i = 0; i < s->nquestions; i++) {
                const ps_lab_answer *a = &key.answers[i];
                if (marks[i].right) {
                    printf("%3u. right: %s\n", i + 1, marks[i].text);
                    continue;
                }
                if (marks[i].given)
                    printf("%3u. wrong: you answered \"%s\"; the answer is ", i + 1,
                           marks[i].text);
                else
                    printf("%3u. no answer; the answer is ", i + 1);
                cli_lab_answer_line(stdout, a);
                printf("     %s\n", s->questions[i].ask);
                if (a->nwhy)
                    printf("     why:\n");
                cli_lab_because(stdout, &key, a, "       ");
            }
            printf("score %d/%u\n", right, s->nquestions);
            rc = right == (int)s->nquestions ? EXIT_OK : EXIT_RUNTIME;
        }
        ps_lab_key_fini(&key);
    }
    free(marks);
    free(text);
    ps_scenario_destroy(s);
    return rc;
}
