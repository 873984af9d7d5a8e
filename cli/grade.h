/* grade.h — what `procsim grade`'s two files share: grade.c reads the
 * command line, finds the answers files and grades each; grade_out.c
 * writes what came of it (one student's report, a class's table, summary
 * and histogram, the gradebook CSV). */
#ifndef PROCSIM_CLI_GRADE_H
#define PROCSIM_CLI_GRADE_H

#include <stdio.h>

#include "procsim/lab.h"

/* The lab, or one variant of it, with its key (one per variant named in
 * the class's files, computed once). */
typedef struct grade_lab {
    char variant[64];      /* "": the lab as written */
    ps_scenario *s;        /* NULL: the variant could not be loaded */
    ps_lab_key key;        /* valid when s is */
    char error[600];       /* why s is NULL, in cli_lang */
} grade_lab;

/* One answers file and what became of it. */
typedef struct graded {
    char *path;            /* as given, or DIR/NAME (malloc'd) */
    char student[64];      /* its student line, else its name less the extension */
    int named;             /* student came from a student line */
    char variant[64];      /* its variant line, "" without one */
    uint8_t encoding;      /* ps_lab_encoding it was saved in */
    int ok;                /* graded: right and marks are its score */
    int right;
    ps_lab_mark *marks;    /* one per question of the lab (calloc'd) */
    const grade_lab *lab;  /* what it was graded against (ok only) */
    char error[700];       /* why it was not graded, in cli_lang (FILE:LINE:COL: ...) */
} graded;

/* The class: the lab as written (labs[0]) and its variants, the files. */
typedef struct grade_class {
    const char *lab_path;
    char *lab_text;        /* its bytes, read once (a pipe can be read only
                              once; each variant loads from them) */
    size_t lab_len;
    grade_lab *labs;
    size_t nlabs, caplabs;
    graded *files;
    size_t nfiles, capfiles;
    uint32_t nquestions;   /* the lab's; every variant has as many */
} grade_class;

/* One file's report: each answer right or wrong, a wrong one with the
 * right answer, its question and its reasons; then the score. */
void grade_report_one(FILE *out, const grade_class *c, const graded *g);
/* A class's: each student's score, the files not graded and why, each
 * question's share of right answers, the histogram of scores. */
void grade_report_class(FILE *out, const grade_class *c);
/* The gradebook: "file,student,variant,score,max,q1,...,qN,error", a row
 * per file (RFC 4180 quoting).  0, or -1 if writing failed (errno). */
int grade_csv(FILE *out, const grade_class *c);

#endif
