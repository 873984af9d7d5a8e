/* lab.h — course labs: answer keys computed by the engine, and grading.
 *
 * A lab is a scenario with questions (scenario.h, ps_question; the format
 * is docs/labs/README.md).  The key is computed by running the scenario in
 * the model, so an answer can never go stale when the scenario changes.
 * Each answer comes with its reasons, which grading prints beside a wrong
 * answer: every transition and op event of the run that makes it up (each
 * stay in Ready of a waiting time, the reads and writes of a lost update)
 * and the sums they add up to.  Answers files are read here too: one
 * answer per line, in order or numbered ("3: blocked").
 *
 * Nothing here prints: text goes into the structs below.
 */
#ifndef PROCSIM_LAB_H
#define PROCSIM_LAB_H

#include <stddef.h>
#include <stdint.h>

#include "procsim/engine.h"
#include "procsim/scenario.h"

/* How an answer is compared. */
typedef enum ps_lab_type {
    PS_LAB_STATE,        /* a state token; display names in English or Korean too */
    PS_LAB_NAMES,        /* words in order: process names ("none" for
                            none), a channel's items, "mutex m" */
    PS_LAB_SET,          /* process names in any order ("idle" for none);
                            policies (best: those that tie) */
    PS_LAB_INT,          /* whole ticks or counts */
    PS_LAB_NUMBER,       /* two decimals; within 0.01, a fraction such as
                            8/3 too */
    PS_LAB_LETTER,       /* a kernel state letter */
    PS_LAB_BOOL          /* true or false (yes/no, 1/0 too), or none */
} ps_lab_type;

#define PS_LAB_CHOICES 8 /* options of a multiple-choice question, at most */

typedef struct ps_lab_answer {
    uint8_t type;        /* ps_lab_type */
    char text[256];      /* the answer as the key prints it */
    char detail[320];    /* more, after the answer ("Ready -> Running (dispatch: ...)"), or "" */
    double number;       /* PS_LAB_INT, PS_LAB_NUMBER: its value */
    struct ps__lab_reason *why; /* the reasons, as many as it takes (read
                                   them through ps_lab_why_line: how a
                                   reason is kept is the library's; freed
                                   by ps_lab_key_fini, so an answer is not
                                   to be copied out of its key as a struct:
                                   copy its text) */
    uint32_t nwhy;       /* reasons: lines of ps_lab_why_line */
    uint32_t why_cap;    /* the library's: reasons allocated */
    uint8_t why_nomem;   /* the library's: a reason could not be kept */
    /* A multiple-choice question: the options as the handout lists them,
     * a) b) c)..., and which one is right; nchoices 0: not one. */
    char choices[PS_LAB_CHOICES][96];
    uint32_t nchoices;
    uint32_t right_choice;
} ps_lab_answer;

typedef struct ps_lab_key {
    const ps_scenario *s;
    ps_engine *e;        /* the finished run (for causes and statistics) */
    ps_trace_event *trace; /* every transition, in order */
    size_t ntrace;
    ps_op_event *ops;    /* every op event, in order */
    size_t *ops_after;   /* per op event: the transitions before it */
    size_t nops;
    ps_step_status status; /* how the run ended (DONE, or STUCK...) */
    ps_lab_answer *answers; /* one per question */
    uint8_t lang;        /* ps_lang of the details and trace lines */
} ps_lab_key;

/* The transitions and op events one key keeps, at most (each is kept to
 * explain the answers; docs/labs/README.md, "How long a lab may run").  A
 * run that goes past it is stopped there: a key's memory follows the run
 * it explains, and a small file (two bursts of a billion ticks under
 * quantum 1) cannot make it keep billions. */
#define PS_LAB_MAX_EVENTS 1000000
#define PS_LAB_MAX_EVENTS_TEXT PS__XSTR_(PS_LAB_MAX_EVENTS)

/* What ps_lab_key_compute returns besides 0. */
#define PS_LAB_NOMEM (-1)    /* memory ran out */
#define PS_LAB_TOO_LONG (-2) /* the run (or the run of a computed option)
                                went past PS_LAB_MAX_EVENTS */

/* Runs `s` (which must outlive the key) to the end and answers its
 * questions, explaining them in `lang` (the answers themselves are tokens,
 * names and numbers in any language).  Returns 0, PS_LAB_NOMEM or
 * PS_LAB_TOO_LONG (the key is then empty; the run is stopped as soon as
 * it passes the limit, so refusing takes no longer than a key of that
 * size). */
int ps_lab_key_compute(const ps_scenario *s, ps_lang lang, ps_lab_key *key);
void ps_lab_key_fini(ps_lab_key *key);

/* Trace line `i` of the key for people, in the key's language: "tick 6:
 * editor Running -> Blocked (wait: io disk 3)".  Returns buf. */
char *ps_lab_trace_line(const ps_lab_key *key, uint32_t i, char *buf, size_t size);

/* Reason w (0 <= w < a->nwhy) of answer a, for people in the key's
 * language: a transition or an op event of the run, with its tick ("tick
 * 4: P1 Running -> Ready (timeout: quantum of 4 expired)", "tick 3: r1
 * reads raced = 0"), a process's stay in a state between two of them
 * ("ticks 4-11: P1 Ready, 7 ticks (in: timeout: ...; out: dispatch:
 * ...)"), or the sum they make ("P1 waiting = Ready 7 + 3 = 10 ticks").
 * Cut to fit and always terminated when size > 0.  Returns buf. */
char *ps_lab_why_line(const ps_lab_key *key, const ps_lab_answer *a, uint32_t w, char *buf,
                      size_t size);

/* Is `given` (what a student wrote) the answer?  The forms accepted are
 * docs/labs/README.md's "The answers file": case, spacing, full-width
 * characters, trailing punctuation, units after numbers, a state in any
 * textbook's words or in Korean; for a multiple-choice question the
 * right option's letter or its text. */
int ps_lab_check(const ps_lab_answer *a, const char *given);

typedef struct ps_lab_mark {
    int given;           /* an answer was found for the question */
    int right;
    char text[256];      /* what was given */
} ps_lab_mark;

/* An answers file, whole, text[0..len) named `name`: read as
 * ps_lab_sheet_read reads it, then graded as ps_lab_grade_sheet grades.
 * Returns the number right, or -1 with the error of either in err. */
int ps_lab_grade(const ps_lab_key *key, const char *name, const char *text, size_t len,
                 ps_lab_mark *marks, ps_error *err);

/* How an answers file was saved. */
typedef enum ps_lab_encoding {
    PS_LAB_UTF8,         /* with or without a byte-order mark */
    PS_LAB_CP949,        /* a Korean Windows editor's default (EUC-KR is part of it) */
    PS_LAB_UTF16         /* with a byte-order mark (Notepad's "Unicode") */
} ps_lab_encoding;

/* An answers file as read, before grading: its text as UTF-8 and what its
 * header lines say.  Header lines come before any answer:
 * "student: ID" ("학생: ID") and "variant: ID" ("변형: ID"). */
typedef struct ps_lab_sheet {
    char *text;          /* the lines kept, in UTF-8, each ending in LF, no
                            byte-order mark (malloc'd) */
    size_t len;
    uint8_t encoding;    /* ps_lab_encoding: as the file was saved */
    char student[64];    /* the student line's ID, "" without one */
    char variant[64];    /* the variant line's ID, "" without one (the lab
                            as written) */
    uint32_t variant_line, variant_col; /* where that ID is in the file */
    uint32_t *line_of;   /* per line of text: its line in the file (blank
                            and comment lines are not kept in text) */
    size_t nlines;
    struct ps__lab_feed *feed_; /* the library's: a file being read */
} ps_lab_sheet;

/* What an answers file may keep: bytes of its answers and header lines,
 * line ends included (comment and blank lines are not kept, and do not
 * count). */
#define PS_LAB_SHEET_MAX (1u << 20)

/* Reads the bytes of the answers file `name` into *sh: 0, or -1 with
 * "NAME:LINE:COL: ..." in err, in both languages (a NUL or another
 * control character: not text; not UTF-8 nor CP949 nor UTF-16: "save it
 * as UTF-8"; more than PS_LAB_SHEET_MAX bytes kept; a header line empty,
 * too long or given twice; out of memory).  A line ends at LF, CRLF or a
 * CR alone (classic Mac OS).  ps_lab_sheet_fini frees it, after either.
 *
 * The same in pieces, memory following what is kept, not the file:
 * ps_lab_sheet_begin, then ps_lab_sheet_feed for each piece in order (a
 * piece may end anywhere, inside a character too), then ps_lab_sheet_end;
 * each returns 0 or -1 as above (after -1, only fini).  Comment and blank
 * lines are dropped as they come. */
int ps_lab_sheet_read(ps_lab_sheet *sh, const char *name, const char *bytes, size_t len,
                      ps_error *err);
void ps_lab_sheet_begin(ps_lab_sheet *sh);
int ps_lab_sheet_feed(ps_lab_sheet *sh, const char *name, const char *bytes, size_t n,
                      ps_error *err);
int ps_lab_sheet_end(ps_lab_sheet *sh, const char *name, ps_error *err);
void ps_lab_sheet_fini(ps_lab_sheet *sh);

/* Grades sheet sh (read) of the file `name` for the key's questions into
 * marks[0..nquestions); its header lines are skipped.  Returns the number
 * right, or -1 with "NAME:LINE:COL: ..." (the file's line) in err, in
 * both languages (a number out of range, a question answered twice, more
 * answers than questions, a line too long, a header line after an
 * answer). */
int ps_lab_grade_sheet(const ps_lab_key *key, const ps_lab_sheet *sh, const char *name,
                       ps_lab_mark *marks, ps_error *err);

/* A new lab, reproducible from `seed`: a scenario of `nprocs` processes
 * (0: 3 to 5) under `policy` (NULL: one chosen by the seed), with
 * questions, as YAML text (malloc'd).  Returns NULL with a message in err
 * for an unknown policy or a count outside 1..12, or when out of memory. */
char *ps_lab_random(uint64_t seed, const char *policy, int nprocs, ps_error *err);

#endif
