/* test_out.c — core's text sinks: the growable buffer and the decimal
 * writer behind the CSV rows and the cause sentences. */
#include <stdint.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "procsim/out.h"

static void put_int_writes_every_int64(void **state)
{
    (void)state;
    static const struct {
        int64_t v;
        const char *text;
    } cases[] = {
        {0, "0"},
        {7, "7"},
        {-7, "-7"},
        {1000000, "1000000"},
        {INT64_MAX, "9223372036854775807"},
        {INT64_MIN, "-9223372036854775808"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[32];
        char *end = ps_put_int(buf, buf + sizeof buf, cases[i].v);
        *end = '\0';
        assert_string_equal(buf, cases[i].text);
    }
}

static void put_int_stops_at_the_end(void **state)
{
    (void)state;
    char buf[8] = "xxxxxxx";
    char *end = ps_put_int(buf, buf + 3, -12345);
    assert_ptr_equal(end, buf + 3);
    assert_memory_equal(buf, "-12xxxx", 7);
}

static void outbuf_holds_text_longer_than_the_stack_buffer(void **state)
{
    (void)state;
    ps_outbuf b = {0};
    ps_out o = ps_outbuf_sink(&b);
    char line[1500];
    memset(line, 'a', sizeof line - 1);
    line[sizeof line - 1] = '\0';
    ps_outf(&o, "%s|%d", line, 42);
    ps_out_puts(&o, "!");
    assert_false(b.nomem);
    assert_int_equal(b.len, sizeof line - 1 + 4);
    assert_string_equal(b.s + sizeof line - 1, "|42!");
    ps_outbuf_fini(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(put_int_writes_every_int64),
        cmocka_unit_test(put_int_stops_at_the_end),
        cmocka_unit_test(outbuf_holds_text_longer_than_the_stack_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
