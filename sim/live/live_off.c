/* live_off.c — live mode in a procsim built without it (PROCSIM_LIVE=OFF,
 * the default off Linux): the API of procsim/live.h, whose
 * ps_live_create fails with a message saying so.  No backend is ever
 * created, so the functions that take one are never reached with one;
 * they answer as for a backend that has done nothing. */
#include "procsim/live.h"

#include <stdio.h>

ps_live *ps_live_create(ps_engine *e, ps_error *err)
{
    (void)e;
#ifdef __EMSCRIPTEN__
    snprintf(err->msg, sizeof err->msg,
             "live mode runs every process as a real child process of procsim, which a web "
             "page cannot have: it needs procsim's Linux desktop version (this is the "
             "browser's, which runs the model)");
    snprintf(err->msg_ko, sizeof err->msg_ko,
             "라이브 모드는 모든 프로세스를 procsim의 실제 자식 프로세스로 실행하는데, 웹 페이지는 "
             "프로세스를 만들 수 없습니다: 리눅스 데스크톱용 procsim이 필요합니다(이것은 모델을 "
             "실행하는 브라우저용입니다)");
    return NULL;
#endif
    snprintf(err->msg, sizeof err->msg,
             "live mode: this procsim was built without it (cmake -DPROCSIM_LIVE=ON, "
             "on Linux)");
    snprintf(err->msg_ko, sizeof err->msg_ko,
             "라이브 모드: 이 procsim은 라이브 모드 없이 빌드되었습니다(리눅스에서 cmake "
             "-DPROCSIM_LIVE=ON)");
    return NULL;
}

void ps_live_destroy(ps_live *l) { (void)l; }
void ps_live_set_listener(ps_live *l, ps_live_fn fn, void *ctx) { (void)l, (void)fn, (void)ctx; }
int ps_live_set_tick_ms(ps_live *l, int64_t ms) { return (void)l, (void)ms, -1; }
int64_t ps_live_tick_ms(const ps_live *l) { return (void)l, 0; }
ps_step_status ps_live_step(ps_live *l) { return (void)l, PS_STEP_FAILED; }
const char *ps_live_error(const ps_live *l, ps_lang lang)
{
    return (void)l, lang == PS_LANG_KO ? "이 procsim은 라이브 모드 없이 빌드되었습니다" : "live mode is not built in";
}
int ps_live_interrupted(ps_live *l) { return (void)l, 0; }
int64_t ps_live_due_ns(const ps_live *l) { return (void)l, -1; }
void ps_live_pause(ps_live *l, int paused) { (void)l, (void)paused; }
int ps_live_suspend(ps_live *l, uint32_t pid) { return (void)l, (void)pid, -1; }
int ps_live_resume(ps_live *l, uint32_t pid) { return (void)l, (void)pid, -1; }
int ps_live_kill(ps_live *l, uint32_t pid) { return (void)l, (void)pid, -1; }
pid_t ps_live_os_pid(const ps_live *l, uint32_t pid) { return (void)l, (void)pid, 0; }
int ps_live_exit(const ps_live *l, uint32_t pid, int *code, int *signo)
{
    (void)l, (void)pid, (void)code, (void)signo;
    return -1;
}
int64_t ps_live_variable(const ps_live *l, uint32_t var) { return (void)l, (void)var, 0; }
int ps_live_open_fds(const ps_live *l, uint32_t pid, ps_live_fd *out, int max)
{
    return (void)l, (void)pid, (void)out, (void)max, -1;
}
uint32_t ps_live_divergences(const ps_live *l) { return (void)l, 0; }
const char *ps_live_warning(const ps_live *l, ps_lang lang) { return (void)l, (void)lang, ""; }
void ps_live_set_restop_listener(ps_live *l, ps_live_restop_fn fn, void *ctx)
{
    (void)l, (void)fn, (void)ctx;
}
uint32_t ps_live_restops(const ps_live *l) { return (void)l, 0; }
