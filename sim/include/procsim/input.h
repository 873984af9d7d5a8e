/* input.h — opening a file that procsim reads (a scenario, a lab, an
 * answers file) without ever blocking on the opening.
 *
 * open(2) of a named FIFO waits for a writer, forever if none comes; a
 * device may never end.  So a file is opened with O_NONBLOCK and looked
 * at (fstat) before it is read:
 *
 *   - a regular file is read as any file (O_NONBLOCK cleared);
 *   - an anonymous pipe (/dev/stdin under `... |`, /dev/fd/N, `<(...)`:
 *     /proc/self/fd/N reads "pipe:[...]") is read to its end, as any tool
 *     reads a pipe; its writer decides when that is;
 *   - a named FIFO, a character or block device, a socket are refused at
 *     once (ps_input_refusal says why, in both languages).
 *
 * Without /proc (not Linux) a FIFO cannot be told from a pipe and is read
 * as a pipe. */
#ifndef PROCSIM_INPUT_H
#define PROCSIM_INPUT_H

#include <stdio.h>

#include "procsim/state.h"

typedef enum {
    PS_INPUT_FILE,   /* a regular file */
    PS_INPUT_PIPE,   /* an anonymous pipe: no size, no seeking */
    PS_INPUT_FIFO,   /* refused: a named FIFO */
    PS_INPUT_DEVICE, /* refused: a character or block device */
    PS_INPUT_SOCKET, /* refused: a socket */
    PS_INPUT_ERROR,  /* not opened: errno says why (EISDIR for a folder) */
} ps_input_kind;

/* Opens path to read ("rb"), never blocking: the stream and *kind
 * PS_INPUT_FILE or PS_INPUT_PIPE; or NULL and *kind what was refused, or
 * PS_INPUT_ERROR with errno. */
FILE *ps_input_open(const char *path, ps_input_kind *kind);

/* Why a kind is refused, without the file's name, in lang: "is a FIFO,
 * not a regular file".  "" for the kinds that are read. */
const char *ps_input_refusal(ps_input_kind kind, ps_lang lang);

#endif
