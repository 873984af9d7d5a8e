/* trace_util.h — small helpers the evidence readers share (trace_proc.c
 * defines them): /proc paths and numbers without stdio, short files,
 * directory listings, text cut at a character.  Internal to sim/trace. */
#ifndef PROCSIM_TRACE_UTIL_H
#define PROCSIM_TRACE_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "trace_evidence.h"

/* "/proc/PID[/task/TID][/LEAF]" in buf (tid <= 0: none; leaf NULL or "":
 * none), cut to fit. */
char *ps__proc_path(char *buf, size_t size, pid_t pid, pid_t tid, const char *leaf);
/* Append s at p, never past end; returns the new end (no NUL). */
char *ps__put_str(char *p, char *end, const char *s);
/* Numbers at *s (leading blanks skipped, *s moved past them). */
int64_t ps__parse_dec(const char **s);
uint64_t ps__parse_hex(const char **s);
/* The file at path read into buf (NUL-terminated); its length, -1. */
ssize_t ps__read_small(const char *path, char *buf, size_t size);
/* len bytes of src into buf as a string, cut to size - 1 bytes at a
 * character boundary (UTF-8). */
void ps__copy_cut(char *buf, size_t size, const char *src, size_t len);
/* The length of s[0..len) without a UTF-8 character cut off at its end
 * (inline: the notes' words use it where the readers are not built). */
static inline size_t ps__whole_chars(const char *s, size_t len)
{
    size_t q = len;
    while (q > 0 && ((unsigned char)s[q - 1] & 0xC0) == 0x80)
        q--;
    if (q == 0 || (unsigned char)s[q - 1] < 0xC0)
        return len; /* ASCII at the end, or no lead byte to judge by */
    unsigned char lead = (unsigned char)s[q - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    return len - (q - 1) < need ? q - 1 : len;
}

/* The entries of a directory that are numbers (pids) and that fn accepts
 * (fn NULL: all): how many, the lowest max of them sorted in out (out
 * may be NULL); -1 if the directory cannot be read. */
typedef int (*ps__number_fn)(void *ctx, pid_t v);
int ps__dir_numbers(const char *path, pid_t *out, int max, ps__number_fn fn, void *ctx);

/* A stat line into a sample's state, ppid, faults, rss (pages) and cpu;
 * 0, or -1 if it is no stat line. */
int ps__stat_parse(const char *buf, ps__task_sample *out);

#endif
