/* grade_out.c — what `procsim grade` writes (grade.h): one student's
 * report with the reasons of each wrong answer, a class's scores and
 * summary, and the gradebook CSV.  Words in cli_lang (words.h); the CSV's
 * header, tokens, names and numbers the same in both languages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "grade.h"
#include "lab_out.h"
#include "words.h"

#define BAR 20 /* columns of a full bar */

static const char *ask_of(const ps_question *q)
{
    return cli_lang == PS_LANG_KO && q->ask_ko && q->ask_ko[0] ? q->ask_ko : q->ask;
}

/* Text from the lab or from a student's file (an answer, a student line,
 * a file name, a message that quotes them) as one line, made visible. */
typedef char shown[CLI_VISIBLE_MAX];
static const char *show(const char *s, shown buf)
{
    return ps_visible(s, PS_VISIBLE_LINE, buf, sizeof(shown));
}

static const char *encoding_note(uint8_t enc, int whole)
{
    if (enc == PS_LAB_CP949)
        return whole ? CLI_W(W_GRADE_READ_CP949) : CLI_W(W_GRADE_CP949_SHORT);
    if (enc == PS_LAB_UTF16)
        return whole ? CLI_W(W_GRADE_READ_UTF16) : CLI_W(W_GRADE_UTF16_SHORT);
    return NULL;
}

void grade_report_one(FILE *out, const grade_class *c, const graded *g)
{
    const grade_lab *l = g->lab;
    const ps_scenario *s = l->s;
    shown a1;
    fprintf(out, "%s\n", show(cli_title(s, cli_lang), a1));
    if (g->named)
        fprintf(out, CLI_W(W_GRADE_STUDENT_LINE), show(g->student, a1));
    if (g->variant[0])
        fprintf(out, CLI_W(W_GRADE_VARIANT_LINE), show(g->variant, a1));
    const char *note = encoding_note(g->encoding, 1);
    if (note)
        fprintf(out, "%s\n", note);
    for (uint32_t i = 0; i < c->nquestions; i++) {
        const ps_lab_answer *a = &l->key.answers[i];
        const ps_lab_mark *m = &g->marks[i];
        if (m->right) {
            fprintf(out, CLI_W(W_GRADE_RIGHT), i + 1, show(m->text, a1));
            continue;
        }
        if (m->given)
            fprintf(out, CLI_W(W_GRADE_WRONG), i + 1, show(m->text, a1));
        else
            fprintf(out, CLI_W(W_GRADE_NO_ANSWER), i + 1);
        cli_lab_answer_line(out, a);
        fputs("     ", out);
        cli_visible(out, ask_of(&s->questions[i]), PS_VISIBLE_LINES);
        fputc('\n', out);
        if (a->nwhy)
            fputs(CLI_W(W_GRADE_WHY), out);
        cli_lab_because(out, &l->key, a, "       ");
    }
    fprintf(out, CLI_W(W_GRADE_SCORE_LINE), g->right, c->nquestions);
}

/* n '#' then spaces up to `width`. */
static void bar(FILE *out, int n, int width)
{
    for (int i = 0; i < width; i++)
        fputc(i < n ? '#' : ' ', out);
}

static int by_score(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static void students(FILE *out, const grade_class *c)
{
    int w = cli_width(CLI_W(W_GRADE_COL_STUDENT));
    shown a1, a2;
    for (size_t i = 0; i < c->nfiles; i++)
        if (c->files[i].ok && cli_width(show(c->files[i].student, a1)) > w)
            w = cli_width(a1);
    if (w > 32)
        w = 32;
    fprintf(out, "%s\n  ", CLI_W(W_GRADE_STUDENTS));
    cli_pad(out, CLI_W(W_GRADE_COL_STUDENT), w);
    fprintf(out, "  %*s%s  %s\n", 7 - cli_width(CLI_W(W_GRADE_COL_SCORE)), "",
            CLI_W(W_GRADE_COL_SCORE), CLI_W(W_GRADE_COL_FILE));
    for (size_t i = 0; i < c->nfiles; i++) {
        const graded *g = &c->files[i];
        if (!g->ok)
            continue;
        char score[32];
        snprintf(score, sizeof score, "%d/%u", g->right, c->nquestions);
        fputs("  ", out);
        cli_cell(out, show(g->student, a1), w, 1);
        fprintf(out, "  %7s  %s", score, show(g->path, a1));
        if (g->variant[0]) {
            fputs("  ", out);
            fprintf(out, CLI_W(W_GRADE_VARIANT_WORD), show(g->variant, a1));
        }
        const char *note = encoding_note(g->encoding, 0);
        if (note)
            fprintf(out, "  (%s)", note);
        fputc('\n', out);
    }
    /* two files that say they are the same student: one of them is wrong */
    for (size_t i = 0; i < c->nfiles; i++)
        for (size_t j = i + 1; j < c->nfiles; j++)
            if (c->files[i].ok && c->files[j].ok &&
                !strcmp(c->files[i].student, c->files[j].student)) {
                shown a3;
                fprintf(out, CLI_W(W_GRADE_SAME_STUDENT), show(c->files[i].student, a1),
                        show(c->files[i].path, a2), show(c->files[j].path, a3));
                break;
            }
}

static void questions(FILE *out, const grade_class *c, size_t ngraded)
{
    const ps_scenario *s = c->labs[0].s;
    fprintf(out, CLI_W(W_GRADE_QUESTIONS), ngraded);
    for (uint32_t q = 0; q < c->nquestions; q++) {
        size_t right = 0;
        for (size_t i = 0; i < c->nfiles; i++)
            right += c->files[i].ok && c->files[i].marks[q].right;
        double share = (double)right / (double)ngraded;
        char of[48], all[24];
        snprintf(all, sizeof all, "%zu", ngraded);
        snprintf(of, sizeof of, "%zu/%zu", right, ngraded);
        fprintf(out, "  %3u. %3.0f%%  %*s  ", q + 1, 100 * share, 2 * (int)strlen(all) + 1, of);
        bar(out, (int)(share * BAR + 0.5), BAR);
        fputs("  ", out);
        shown a1;
        cli_cell(out, show(ask_of(&s->questions[q]), a1), 48, 0);
        fputc('\n', out);
    }
}

static void scores(FILE *out, const grade_class *c, size_t ngraded)
{
    int *sc = malloc(ngraded * sizeof *sc);
    if (!sc)
        return;
    size_t n = 0;
    for (size_t i = 0; i < c->nfiles; i++)
        if (c->files[i].ok)
            sc[n++] = c->files[i].right;
    qsort(sc, n, sizeof *sc, by_score);
    size_t most = 0;
    for (int v = sc[0]; v <= sc[n - 1]; v++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            k += sc[i] == v;
        if (k > most)
            most = k;
    }
    fputs(CLI_W(W_GRADE_SCORES), out);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += sc[i];
    for (int v = (int)c->nquestions; v >= sc[0]; v--) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            k += sc[i] == v;
        char score[32];
        snprintf(score, sizeof score, "%d/%u", v, c->nquestions);
        fprintf(out, "  %7s  ", score);
        /* one '#' a student, fewer when that would pass 40 columns */
        int width = most > 40 ? (int)((k * 40 + most - 1) / most) : (int)k;
        bar(out, width, most > 40 ? 40 : (int)most);
        fprintf(out, "  %zu\n", k);
    }
    double median = n % 2 ? sc[n / 2] : (sc[n / 2 - 1] + sc[n / 2]) / 2.0;
    fprintf(out, CLI_W(W_GRADE_AVERAGE), sum / (double)n, c->nquestions, median);
    free(sc);
}

void grade_report_class(FILE *out, const grade_class *c)
{
    size_t ngraded = 0;
    for (size_t i = 0; i < c->nfiles; i++)
        ngraded += (size_t)c->files[i].ok;
    shown a1;
    fprintf(out, "%s\n", show(cli_title(c->labs[0].s, cli_lang), a1));
    fprintf(out, CLI_W(W_GRADE_FILES), c->nfiles, ngraded, c->nfiles - ngraded);
    if (ngraded) {
        fputc('\n', out);
        students(out, c);
    }
    if (ngraded < c->nfiles) {
        fprintf(out, "\n%s\n", CLI_W(W_GRADE_NOT_GRADED));
        for (size_t i = 0; i < c->nfiles; i++)
            if (!c->files[i].ok)
                fprintf(out, "  %s\n", show(c->files[i].error, a1));
    }
    if (!ngraded) {
        fputs(CLI_W(W_GRADE_NONE_GRADED), out);
        return;
    }
    fputc('\n', out);
    questions(out, c, ngraded);
    fputc('\n', out);
    scores(out, c, ngraded);
}

/* A CSV field, made visible: as it is, or in double quotes (doubled
 * inside) when it holds a comma, a quote or blanks at its ends. */
static void field(FILE *out, const char *s)
{
    shown a1;
    s = show(s, a1);
    size_t n = strlen(s);
    if (!strpbrk(s, ",\"\r\n") && !(n && (s[0] == ' ' || s[n - 1] == ' '))) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

int grade_csv(FILE *out, const grade_class *c)
{
    fputs("file,student,variant,score,max", out);
    for (uint32_t q = 0; q < c->nquestions; q++)
        fprintf(out, ",q%u", q + 1);
    fputs(",error\r\n", out);
    for (size_t i = 0; i < c->nfiles; i++) {
        const graded *g = &c->files[i];
        field(out, g->path);
        fputc(',', out);
        field(out, g->student);
        fputc(',', out);
        field(out, g->variant);
        if (g->ok)
            fprintf(out, ",%d,%u", g->right, c->nquestions);
        else
            fputs(",,", out);
        for (uint32_t q = 0; q < c->nquestions; q++)
            fputs(!g->ok ? "," : g->marks[q].right ? ",1" : ",0", out);
        fputc(',', out);
        field(out, g->ok ? "" : g->error);
        fputs("\r\n", out);
    }
    return ferror(out) ? -1 : 0;
}
