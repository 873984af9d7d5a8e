/* test_strerror.c — errno in words, in each language procsim speaks
 * (procsim/strerror.h): Korean for the errors a file, a pipe, a fork or a
 * command meets, the C library's English otherwise. */
#include <errno.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "procsim/strerror.h"

static const struct {
    int err;
    const char *ko;
} korean[] = {
    {ENOENT, "그런 파일이나 디렉터리가 없습니다"},
    {EACCES, "권한이 없습니다"},
    {EISDIR, "디렉터리입니다"},
    {ENOSPC, "장치에 남은 공간이 없습니다"},
    {ENOMEM, "메모리가 모자랍니다"},
    {EAGAIN, "자원이 일시적으로 모자랍니다"},
    {EMFILE, "열린 파일이 너무 많습니다"},
    {ECHILD, "자식 프로세스가 없습니다"},
    {EPIPE, "파이프가 끊겼습니다"},
};

static void korean_for_the_errors_procsim_meets(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof korean / sizeof korean[0]; i++) {
        assert_string_equal(ps_strerror(korean[i].err, PS_LANG_KO), korean[i].ko);
        assert_string_equal(ps_strerror(korean[i].err, PS_LANG_EN), strerror(korean[i].err));
    }
}

/* An errno without Korean words: the C library's, rather than nothing. */
static void the_c_librarys_words_otherwise(void **state)
{
    (void)state;
    assert_string_equal(ps_strerror(EXDEV, PS_LANG_KO), strerror(EXDEV));
    assert_string_equal(ps_strerror(0, PS_LANG_KO), strerror(0));
    assert_non_null(ps_strerror(-1, PS_LANG_KO));
    assert_non_null(ps_strerror(99999, PS_LANG_EN));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(korean_for_the_errors_procsim_meets),
        cmocka_unit_test(the_c_librarys_words_otherwise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
