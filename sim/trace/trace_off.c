/* trace_off.c — trace mode in a procsim built without it
 * (PROCSIM_TRACE=OFF, the default off Linux): the API of procsim/trace.h,
 * whose ps_trace_start fails with a message saying so.  No trace is ever
 * started, so the functions that take one are never reached with one;
 * they answer as for a trace that has seen nothing.  The notes' words
 * (trace_note.c) and the recorder are built either way. */
#include "procsim/trace.h"

#include <stdio.h>
#include <string.h>

ps_trace *ps_trace_start(const ps_trace_options *o, ps_error *err)
{
    (void)o;
#ifdef __EMSCRIPTEN__
    snprintf(err->msg, sizeof err->msg,
             "trace mode watches a real program's processes through Linux's /proc and "
             "ptrace, which a web page cannot: it needs procsim's Linux desktop version");
    snprintf(err->msg_ko, sizeof err->msg_ko,
             "추적 모드는 리눅스의 /proc과 ptrace로 실제 프로그램의 프로세스를 지켜보는데, 웹 "
             "페이지는 그럴 수 없습니다: 리눅스 데스크톱용 procsim이 필요합니다");
    return NULL;
#endif
    snprintf(err->msg, sizeof err->msg,
             "trace mode: this procsim was built without trace mode (cmake -DPROCSIM_TRACE=ON, "
             "on Linux)");
    snprintf(err->msg_ko, sizeof err->msg_ko,
             "추적 모드: 이 procsim은 추적 모드 없이 빌드되었습니다(리눅스에서 cmake "
             "-DPROCSIM_TRACE=ON)");
    return NULL;
}

void ps_trace_destroy(ps_trace *t) { (void)t; }
void ps_trace_set_listener(ps_trace *t, ps_live_fn fn, void *ctx) { (void)t, (void)fn, (void)ctx; }
void ps_trace_set_note_listener(ps_trace *t, ps_trace_note_fn fn, void *ctx)
{
    (void)t, (void)fn, (void)ctx;
}
ps_engine *ps_trace_engine(ps_trace *t) { return (void)t, NULL; }
const ps_scenario *ps_trace_scenario(const ps_trace *t) { return (void)t, NULL; }
ps_step_status ps_trace_poll(ps_trace *t, int64_t timeout_ns)
{
    return (void)t, (void)timeout_ns, PS_STEP_FAILED;
}
const char *ps_trace_error(const ps_trace *t, ps_lang lang)
{
    return (void)t, lang == PS_LANG_KO ? "이 procsim은 추적 모드 없이 빌드되었습니다"
                                       : "trace mode is not built in";
}
int ps_trace_interrupted(ps_trace *t) { return (void)t, 0; }
char *ps_trace_command(const ps_trace *t, char *buf, size_t size)
{
    (void)t;
    if (size)
        buf[0] = 0;
    return buf;
}
int64_t ps_trace_due_ns(const ps_trace *t) { return (void)t, -1; }
int64_t ps_trace_wall_us(const ps_trace *t) { return (void)t, 0; }
int ps_trace_exit(const ps_trace *t, int *code, int *signo)
{
    return (void)t, (void)code, (void)signo, -1;
}
int ps_trace_suspend(ps_trace *t, uint32_t pid) { return (void)t, (void)pid, -1; }
int ps_trace_resume(ps_trace *t, uint32_t pid) { return (void)t, (void)pid, -1; }
int ps_trace_kill(ps_trace *t, uint32_t pid) { return (void)t, (void)pid, -1; }
uint32_t ps_trace_find(const ps_trace *t, pid_t os_pid) { return (void)t, (void)os_pid, 0; }
uint32_t ps_trace_find_name(const ps_trace *t, const char *name) { return (void)t, (void)name, 0; }
int ps_trace_proc_info(const ps_trace *t, uint32_t pid, ps_trace_proc *out)
{
    return (void)t, (void)pid, (void)out, -1;
}
int ps_trace_open_fds(const ps_trace *t, uint32_t pid, ps_live_fd *out, int max)
{
    return (void)t, (void)pid, (void)out, (void)max, -1;
}
void ps_trace_get_info(const ps_trace *t, ps_trace_info *out)
{
    (void)t;
    memset(out, 0, sizeof *out);
}
