/* test_shipped.c — where procsim finds what it ships (cli/shipped.h):
 * the order of the places (override, installed, build tree), an override
 * that is not a folder passed over, the source tree used only by the
 * build tree's own executable, and a scenario argument read as a shipped
 * NAME — in a folder tree made for each test and removed after. */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw, setenv */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shipped.h"

static char root[PATH_MAX];

/* A folder ("x/") or a file under root. */
static void put(const char *rel)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    size_t n = strlen(path);
    if (path[n - 1] == '/') {
        path[n - 1] = 0;
        assert_int_equal(mkdir(path, 0755), 0);
        return;
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("procsim: 1\n", f);
    fclose(f);
}

static const char *at(const char *rel)
{
    static char path[8][PATH_MAX + 64];
    static int k;
    k = (k + 1) % 8;
    snprintf(path[k], sizeof path[k], "%s%s%s", root, rel[0] ? "/" : "", rel);
    return path[k];
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    char made[PATH_MAX];
    snprintf(made, sizeof made, "%.200s/procsim-shipped-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    assert_non_null(mkdtemp(made));
    assert_non_null(realpath(made, root)); /* the lookup answers resolved paths */
    const char *tree[] = {"env/", "prefix/", "prefix/bin/", "prefix/share/",
                          "prefix/share/procsim/", "prefix/share/procsim/scenarios/",
                          "prefix/share/procsim/pyhook/", "src/", "src/scenarios/",
                          "src/sim/", "src/sim/trace/", "src/sim/trace/pyhook/", "build/",
                          "bare/", NULL};
    for (int i = 0; tree[i]; i++)
        put(tree[i]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unsetenv("PROCSIM_SCENARIOS");
    return nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* One row: what the lookup is told, what it answers ("" for none). */
typedef struct place_case {
    cli_data what;
    const char *env, *exe, *build, *source;
    const char *want;
} place_case;

static void the_places_are_looked_in_order(void **state)
{
    (void)state;
    static const place_case rows[] = {
        /* the override first, whatever else there is */
        {CLI_DATA_SCENARIOS, "env", "prefix/bin", "prefix/bin", "src", "env"},
        /* an override that is not a folder is passed over */
        {CLI_DATA_SCENARIOS, "nothing", "prefix/bin", NULL, NULL, "prefix/share/procsim/scenarios"},
        /* installed: beside the executable, before the source tree */
        {CLI_DATA_SCENARIOS, "", "prefix/bin", "prefix/bin", "src", "prefix/share/procsim/scenarios"},
        {CLI_DATA_PYHOOK, NULL, "prefix/bin", NULL, NULL, "prefix/share/procsim/pyhook"},
        /* the build tree's own executable: the source tree's copies */
        {CLI_DATA_SCENARIOS, NULL, "build", "build", "src", "src/scenarios"},
        {CLI_DATA_PYHOOK, NULL, "build", "build", "src", "src/sim/trace/pyhook"},
        /* another executable (a copy elsewhere) does not read the source tree */
        {CLI_DATA_SCENARIOS, NULL, "bare", "build", "src", ""},
        {CLI_DATA_SCENARIOS, NULL, NULL, "build", "src", ""},
        {CLI_DATA_SCENARIOS, NULL, NULL, NULL, NULL, ""},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const place_case *r = &rows[i];
        /* a relative row names a folder under root; NULL and "" stay */
        const char *e = r->env && r->env[0] ? at(r->env) : r->env;
        cli_data_where w = {e, r->exe ? at(r->exe) : NULL, r->build ? at(r->build) : NULL,
                            r->source ? at(r->source) : NULL};
        char out[CLI_PATH_MAX];
        int rc = cli_data_find(r->what, &w, out, sizeof out);
        printf("row %zu: %s\n", i, out);
        assert_int_equal(rc, r->want[0] ? 0 : -1);
        assert_string_equal(out, r->want[0] ? at(r->want) : "");
    }
}

static void a_scenario_argument_names_a_shipped_file(void **state)
{
    (void)state;
    put("env/tour.yaml");
    put("env/seeds/");
    put("env/seeds/counter-race.yaml");
    put("here.yaml");
    assert_int_equal(setenv("PROCSIM_SCENARIOS", at("env"), 1), 0);
    assert_int_equal(chdir(root), 0);
    char buf[CLI_PATH_MAX];
    /* a NAME, with or without .yaml */
    assert_string_equal(cli_scenario_path("tour", buf, sizeof buf), at("env/tour.yaml"));
    assert_string_equal(cli_scenario_path("tour.yaml", buf, sizeof buf), at("env/tour.yaml"));
    assert_string_equal(cli_scenario_path("seeds/counter-race", buf, sizeof buf),
                        at("env/seeds/counter-race.yaml"));
    assert_true(cli_is_shipped("seeds/counter-race"));
    /* a file here wins over a shipped one; what names nothing stays as it is */
    assert_string_equal(cli_scenario_path("here.yaml", buf, sizeof buf), "here.yaml");
    assert_string_equal(cli_scenario_path("env/tour.yaml", buf, sizeof buf), "env/tour.yaml");
    assert_false(cli_is_shipped("env/tour.yaml"));
    assert_string_equal(cli_scenario_path("nope", buf, sizeof buf), "nope");
    assert_false(cli_is_shipped("nope"));
    /* a folder is not a scenario; a NAME climbs nowhere */
    assert_string_equal(cli_scenario_path("seeds", buf, sizeof buf), "seeds");
    assert_string_equal(cli_scenario_path("seeds/../tour", buf, sizeof buf), "seeds/../tour");
    assert_string_equal(cli_scenario_path("/tour", buf, sizeof buf), "/tour");
    /* a path that does not fit the buffer is not a NAME */
    char small[8];
    assert_string_equal(cli_scenario_path("tour", small, sizeof small), "tour");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_places_are_looked_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(a_scenario_argument_names_a_shipped_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
