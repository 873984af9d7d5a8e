/* strerror.c — errno in words, in English (the C library's) or Korean. */
#include <errno.h>
#include <string.h>

#include "procsim/strerror.h"

/* X(errno, Korean) */
#define PS_ERRNOS(X)                                                         \
    X(ENOENT, "그런 파일이나 디렉터리가 없습니다")                             \
    X(EACCES, "권한이 없습니다")                                              \
    X(EPERM, "허용되지 않는 작업입니다")                                      \
    X(ENOTDIR, "디렉터리가 아닙니다")                                         \
    X(EISDIR, "디렉터리입니다")                                               \
    X(ENOSPC, "장치에 남은 공간이 없습니다")                                  \
    X(EDQUOT, "디스크 할당량을 넘었습니다")                                   \
    X(EROFS, "읽기 전용 파일 시스템입니다")                                   \
    X(EEXIST, "파일이 이미 있습니다")                                         \
    X(EFBIG, "파일이 너무 큽니다")                                            \
    X(ENOMEM, "메모리가 모자랍니다")                                          \
    X(EAGAIN, "자원이 일시적으로 모자랍니다")                                 \
    X(EMFILE, "열린 파일이 너무 많습니다")                                    \
    X(ENFILE, "시스템에 열린 파일이 너무 많습니다")                           \
    X(ENAMETOOLONG, "파일 이름이 너무 깁니다")                                \
    X(ELOOP, "심볼릭 링크가 너무 많이 이어집니다")                            \
    X(ENOEXEC, "실행 파일 형식이 잘못되었습니다")                             \
    X(EPIPE, "파이프가 끊겼습니다")                                           \
    X(EIO, "입출력 오류입니다")                                               \
    X(EBADF, "잘못된 파일 기술자입니다")                                      \
    X(ECHILD, "자식 프로세스가 없습니다")                                     \
    X(ESRCH, "그런 프로세스가 없습니다")                                      \
    X(ENOSYS, "구현되지 않은 기능입니다")                                     \
    X(EINVAL, "잘못된 인자입니다")

const char *ps_strerror(int err, ps_lang lang)
{
    if (lang == PS_LANG_KO)
        switch (err) {
#define PS_X_(e, ko)                                                         \
    case e:                                                                  \
        return ko;
            PS_ERRNOS(PS_X_)
#undef PS_X_
        default:
            break;
        }
    return strerror(err);
}
