/* picker.h — the Open dialog's model: the rows it lists and the moves
 * through folders, without SDL (picker_view.c draws it and feeds it keys
 * and clicks; tests call it directly).
 *
 * The start page lists, in this order: the scenarios shipped with procsim
 * (their folder's subfolders, then its .yaml files), the working directory
 * (a row to enter it, then its .yaml files), the recent files (newest
 * first).  A folder lists a row back to the start page, "..", its
 * subfolders, then its .yaml and .yml files, each group sorted by name
 * (bytewise); hidden entries are left out.  A file's row carries its
 * scenario's title, read from its `title:` line (gui_picker_title), not by
 * loading it: listing a folder of broken scenarios costs nothing and fails
 * nothing.
 *
 * Recent files: at most GUI_RECENT absolute paths, newest first, one a
 * line in a file (gui_recent_path), rewritten whole through a temporary
 * file and a rename, so a crash leaves the old list or the new one.  A
 * state folder that cannot be created or written is not an error: the
 * list then lasts as long as the window.
 */
#ifndef PROCSIM_GUI_PICKER_H
#define PROCSIM_GUI_PICKER_H

#include <stddef.h>

#include "procsim/state.h"

#define GUI_RECENT 10
#define GUI_PICK_PATH 4096

typedef enum gui_pick_kind {
    GUI_PICK_HEADING,     /* a section's title, not choosable */
    GUI_PICK_HOME,        /* back to the start page */
    GUI_PICK_UP,          /* "..": the folder above */
    GUI_PICK_DIR,         /* a folder: enter it */
    GUI_PICK_FILE,        /* a scenario: open it */
} gui_pick_kind;

/* The start page's sections, for their headings' words (picker_view.c). */
typedef enum gui_pick_section {
    GUI_PICK_SHIPPED,     /* path: the folder, "" when none was found */
    GUI_PICK_CWD,         /* path: the working directory */
    GUI_PICK_RECENT,
    GUI_PICK_NO_SECTION,  /* a folder's own rows */
} gui_pick_section;

typedef struct gui_pick_row {
    gui_pick_kind kind;
    gui_pick_section section;
    char name[260];       /* as listed: "labs/", "tour.yaml", "~/x/a.yaml" (a file
                             name of 255 bytes, and "/") */
    char title[200];      /* a file's scenario title, "" if none found */
    char path[GUI_PICK_PATH]; /* where choosing it leads ("" for headings) */
} gui_pick_row;

typedef struct gui_picker {
    char dir[GUI_PICK_PATH];      /* the folder listed, "": the start page */
    gui_pick_row *row;            /* row[0..nrows) */
    int nrows, caprows;
    int sel;                      /* the row keys act on (never a heading;
                                     -1 when there is none) */
    int top;                      /* the first row shown */
    char shipped[GUI_PICK_PATH];  /* the shipped scenarios, "": not found */
    char cwd[GUI_PICK_PATH];      /* the working directory */
    char recent_file[GUI_PICK_PATH]; /* where the recent list is kept, "": nowhere */
    char recent[GUI_RECENT][GUI_PICK_PATH]; /* newest first */
    int nrecent;
    char err[600];                /* why the last move failed, in lang */
    ps_lang lang;                 /* the window's language (it sets it) */
} gui_picker;

/* Where the recent list lives: $XDG_STATE_HOME/procsim/recent if
 * xdg_state_home is an absolute path, else HOME/.local/state/procsim/
 * recent; -1 with out = "" when neither is known. */
int gui_recent_path(const char *xdg_state_home, const char *home, char *out, size_t size);

/* Set up p (caller-owned) and read the recent list from recent_file (NULL
 * or "": none; a missing file is an empty list).  Lists nothing yet. */
void gui_picker_init(gui_picker *p, const char *shipped, const char *cwd,
                     const char *recent_file);
void gui_picker_fini(gui_picker *p);

/* List the start page.  Returns 0, or -1 when out of memory (then p->err). */
int gui_picker_home(gui_picker *p);
/* List folder `dir`.  Returns 0, or -1 with p->err ("DIR: why") and the
 * listing as it was. */
int gui_picker_enter(gui_picker *p, const char *dir);
/* The folder above the one listed (from "/" and from the start page: the
 * start page).  Returns as gui_picker_enter. */
int gui_picker_up(gui_picker *p);
/* Choose row i (a click, or Enter on p->sel): a folder, "..", or the start
 * page is listed and NULL returned; a file's path is returned (the caller
 * opens it); a heading or a row that is not there does nothing (NULL).
 * A listing that fails leaves p->err set (check it when NULL comes back). */
const char *gui_picker_choose(gui_picker *p, int i);

/* Move p->sel by delta rows (arrows: 1, pages: the rows shown), past
 * headings, stopping at the ends, and scroll so it is among the `shown`
 * rows from p->top. */
void gui_picker_move(gui_picker *p, int delta, int shown);
/* Select the first row that leads to file `path` (the scenario shown, as
 * the dialog opens), scrolled into the `shown` rows; 0, or -1 if no row
 * does (p->sel is then as it was). */
int gui_picker_select(gui_picker *p, const char *path, int shown);
/* Scroll by delta rows (the wheel), p->top kept in 0..nrows - shown. */
void gui_picker_scroll(gui_picker *p, int delta, int shown);

/* Put `path` first in the recent list (made absolute; a copy further down
 * goes; the 11th drops off) and write the list.  Returns 0, or -1 when it
 * could not be written (the list in memory is updated all the same). */
int gui_picker_remember(gui_picker *p, const char *path);

/* The scenario's title from file `path`: its first top-level `title:`
 * line within the first 16 KB, unquoted ("..." with its \" and \\, '...'
 * with its ''), cut to size at a character.  Returns 0, or -1 with out = "". */
int gui_picker_title(const char *path, char *out, size_t size);

#endif
