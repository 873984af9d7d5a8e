/* test_lab_questions.c — what a lab's author writes beyond the answer
 * expressions: the title in Korean, answers of the teacher's own
 * (literal) and multiple-choice questions with computed options. */
#include "testkit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procsim/lab.h"
#include "procsim/out.h"

/* ---- title_ko ------------------------------------------------------------ */

/* title_ko is read beside title, written back by the writer, and may not
 * be empty when given (as title may not). */
static void title_ko_is_read_and_written(void **state)
{
    (void)state;
    static const char text[] = "procsim: 1\ntitle: Tour\ntitle_ko: 둘러보기\n"
                               "processes:\n  - {name: 생산자, program: [cpu 1]}\n";
    ps_scenario *s = tk_load(text);
    assert_string_equal(s->title_ko, "둘러보기");
    ps_outbuf y = {0};
    ps_out o = ps_outbuf_sink(&y);
    ps_scenario_write_yaml(s, &o);
    assert_non_null(strstr(y.s, "title: \"Tour\"\ntitle_ko: \"둘러보기\"\n"));
    ps_error err;
    ps_scenario *back = ps_scenario_load_string("back", y.s, y.len, &err);
    if (!back)
        fail_msg("%s", err.msg);
    assert_string_equal(back->title_ko, "둘러보기");
    ps_scenario_destroy(back);
    ps_outbuf_fini(&y);
    ps_scenario_destroy(s);

    s = tk_load("procsim: 1\ntitle: t\nprocesses:\n  - {name: P1, program: [cpu 1]}\n");
    assert_string_equal(s->title_ko, "");
    ps_scenario_destroy(s);

    static const char empty[] = "procsim: 1\ntitle: t\ntitle_ko: ''\nprocesses: []\n";
    assert_null(ps_scenario_load_string("e.yaml", empty, sizeof empty - 1, &err));
    assert_string_equal(err.msg, "e.yaml:3:11: title_ko: must not be empty");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_ko_is_read_and_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
