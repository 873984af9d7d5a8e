/* pcb_text.h — the PCB panel's text: the lines of its two columns for one
 * process of a model run, in either language, with no SDL (panels.c
 * detail() draws them, tests read them).
 *
 *   left: who it is, its children, its state, PC and registers, the
 *         scheduling lines (pcb_sched.h), its memory, its real process
 *         (live runs), its open files
 *   right: its times, its waits, its locks, how it ended, its last signal
 *
 * Nothing is a placeholder: a time not known yet is "—", a process not yet
 * created or already gone says so instead of "swapped out", a kernel
 * letter is shown only while a real process stands behind the pid, and
 * signals are named (SIGTERM), never numbered. */
#ifndef PROCSIM_GUI_PCB_TEXT_H
#define PROCSIM_GUI_PCB_TEXT_H

#include <stdint.h>

#include "pcb_sched.h"

#define GUI_PCB_TEXT_MAX 48   /* lines a column holds at most */
#define GUI_PCB_NONE "—"      /* what a value not known (yet) shows */

typedef struct gui_pcb_line {
    char text[GUI_PCB_LINE];
    uint8_t indent;           /* 1: an item of the list the line above opens */
} gui_pcb_line;

typedef struct gui_pcb_text {
    gui_pcb_line left[GUI_PCB_TEXT_MAX], right[GUI_PCB_TEXT_MAX];
    int nleft, nright;
} gui_pcb_text;

/* The lines of process `pid` of model engine `e` in `lang`.  `live`: the
 * run drives real processes, and `os_pid` is the real pid behind `pid`
 * now (0: none, not started yet or gone), whose kernel letter and RSS the
 * PCB then shows.  Lines too long are cut at a character's end (the
 * drawer cuts them again to its column). */
void gui_pcb_text_make(gui_pcb_text *t, const ps_engine *e, uint32_t pid, gui_lang lang,
                       int live, int os_pid);

/* The kernel's letter for process p to show (its kstate), or 0 when no
 * real process is behind it now: a model run (!live), a child not
 * started or already reaped (os_pid <= 0), none read yet.  The PCB and
 * the table both show it so. */
char gui_kernel_letter(const ps_pcb *p, int live, int os_pid);

/* A signal's name ("SIGTERM"), else "signal N" ("시그널 N") in buf.
 * Returns the text. */
const char *gui_signal_text(int sig, gui_lang lang, char *buf, size_t size);

#endif
