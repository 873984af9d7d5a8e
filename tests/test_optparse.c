/* test_optparse.c — optparse against the programs it imitates.
 *
 * Every expected text here was produced by CPython 3.11.7 (COLUMNS unset):
 * the help files under tests/ostep/help/ are `python3 PROG -h` of the
 * original programs; each case below ran the original program with that
 * argv and recorded its stderr (usage errors, exit status 2), its help
 * (stdout, exit status 0), or, when optparse accepted the argv, the values
 * its parser stored (options given only, as "--long=value", ints in
 * decimal, flags as 1); the layout cases are OptionParser(prog="t.py")
 * .format_help() for the same option tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "optparse.h"
#include "ostep_options.h" /* the four programs' tables (white box) */

static const struct program {
    const char *name;
    const char *help_file;
    const ps_opt_spec *specs;
    size_t n;
} programs[] = {
    {"process-run.py", "tests/ostep/help/process-run.txt", ps__pr_opts, PR_NOPTS},
    {"scheduler.py", "tests/ostep/help/scheduler.txt", ps__sch_opts, SCH_NOPTS},
    {"mlfq.py", "tests/ostep/help/mlfq.txt", ps__mlfq_opts, MLFQ_NOPTS},
    {"lottery.py", "tests/ostep/help/lottery.txt", ps__lot_opts, LOT_NOPTS},
};

/* What a parse produced. */
typedef struct result {
    int rc;
    ps_outbuf out, err;
    char values[1024];   /* "--seed=3\n-c=1\n": the options given */
} result;

/* The values in the form the expected table uses. */
static void dump_values(const ps_opt_spec *specs, size_t n, const ps_opt_value *v,
                        char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (!v[i].set)
            continue;
        char *num = NULL;
        const char *val = specs[i].type == PS_OPT_FLAG ? "1" : v[i].text;
        if (specs[i].type == PS_OPT_INT)
            val = num = ps_pyint_decimal(&v[i].num);
        assert_non_null(val);
        int k = specs[i].long_name
                    ? snprintf(buf + len, size - len, "--%s=%s\n", specs[i].long_name, val)
                    : snprintf(buf + len, size - len, "-%c=%s\n", specs[i].short_name, val);
        assert_true(k > 0 && (size_t)k < size - len);
        len += (size_t)k;
        free(num);
    }
}

static void parse(result *r, const char *prog, const ps_opt_spec *specs, size_t n,
                  const char *const *args)
{
    char *argv[16];
    int argc = 0;
    while (args[argc]) {
        assert_true(argc < 16);
        argv[argc] = (char *)args[argc];
        argc++;
    }
    ps_opt_value v[32];
    assert_true(n <= 32);
    memset(v, 0, sizeof v);
    memset(r, 0, sizeof *r);
    ps_out out = ps_outbuf_sink(&r->out), err = ps_outbuf_sink(&r->err);
    r->rc = ps_optparse(prog, specs, n, argc, argv, v, &out, &err);
    assert_false(r->out.nomem || r->err.nomem);
    if (r->rc == PS_OPTPARSE_OK)
        dump_values(specs, n, v, r->values, sizeof r->values);
    ps_optparse_fini(v, n);
}

static void result_fini(result *r)
{
    ps_outbuf_fini(&r->out);
    ps_outbuf_fini(&r->err);
}

static const char *text(const ps_outbuf *b)
{
    return b->s ? b->s : "";
}

/* A file under the source tree, malloc'd and NUL-terminated. */
static char *slurp(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", PROCSIM_SOURCE_DIR, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    char *s = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len + 4096 + 1 > cap) {
            cap = 2 * cap + 4096 + 1;
            s = realloc(s, cap);
            assert_non_null(s);
        }
        got = fread(s + len, 1, 4096, f);
        len += got;
    } while (got > 0);
    fclose(f);
    s[len] = '\0';
    return s;
}

/* ---- the four programs' help ------------------------------------------ */

static void help_matches_the_programs(void **state)
{
    (void)state;
    static const char *const forms[][3] = {{"-h", NULL}, {"--help", NULL}, {"--he", NULL},
                                           {"-ch", NULL}, {"x", "-h", NULL}};
    for (size_t p = 0; p < sizeof programs / sizeof programs[0]; p++) {
        char *want = slurp(programs[p].help_file);
        for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
            result r;
            parse(&r, programs[p].name, programs[p].specs, programs[p].n, forms[f]);
            assert_int_equal(r.rc, PS_OPTPARSE_HELP);
            assert_string_equal(text(&r.out), want);
            assert_string_equal(text(&r.err), "");
            result_fini(&r);
        }
        free(want);
    }
}

/* ---- argv -> values or error, as the programs answered ----------------- */

static const struct pcase {
    int prog;                /* index in programs[] */
    const char *argv[8];     /* NULL-terminated */
    int rc;
    const char *want;        /* ERROR: stderr; OK: the values; HELP: "" */
} cases[] = {
    {0, {NULL}, PS_OPTPARSE_OK,
     ""},
    {0, {"-s", "3", NULL}, PS_OPTPARSE_OK,
     "--seed=3\n"},
    {0, {"-s3", NULL}, PS_OPTPARSE_OK,
     "--seed=3\n"},
    {0, {"--seed=3", NULL}, PS_OPTPARSE_OK,
     "--seed=3\n"},
    {0, {"--seed", "3", NULL}, PS_OPTPARSE_OK,
     "--seed=3\n"},
    {0, {"--se=3", NULL}, PS_OPTPARSE_OK,
     "--seed=3\n"},
    {0, {"-s", "-5", NULL}, PS_OPTPARSE_OK,
     "--seed=-5\n"},
    {0, {"-s-5", NULL}, PS_OPTPARSE_OK,
     "--seed=-5\n"},
    {0, {"-s", "+5", NULL}, PS_OPTPARSE_OK,
     "--seed=5\n"},
    {0, {"-s", "010", NULL}, PS_OPTPARSE_OK,
     "--seed=8\n"},
    {0, {"-s", "0x1F", NULL}, PS_OPTPARSE_OK,
     "--seed=31\n"},
    {0, {"-s", "0X10", NULL}, PS_OPTPARSE_OK,
     "--seed=16\n"},
    {0, {"-s", "0b101", NULL}, PS_OPTPARSE_OK,
     "--seed=5\n"},
    {0, {"-s", "0b", NULL}, PS_OPTPARSE_OK,
     "--seed=0\n"},
    {0, {"-s", "0o17", NULL}, PS_OPTPARSE_OK,
     "--seed=15\n"},
    {0, {"-s", "-010", NULL}, PS_OPTPARSE_OK,
     "--seed=-10\n"},
    {0, {"-s", "0_7", NULL}, PS_OPTPARSE_OK,
     "--seed=7\n"},
    {0, {"-s", "1_000", NULL}, PS_OPTPARSE_OK,
     "--seed=1000\n"},
    {0, {"-s", " 7 ", NULL}, PS_OPTPARSE_OK,
     "--seed=7\n"},
    {0, {"-s", "0", NULL}, PS_OPTPARSE_OK,
     "--seed=0\n"},
    {0, {"-s", "00", NULL}, PS_OPTPARSE_OK,
     "--seed=0\n"},
    {0, {"-s", "123456789012345678901234567890", NULL}, PS_OPTPARSE_OK,
     "--seed=123456789012345678901234567890\n"},
    {0, {"-s", "-18446744073709551617", NULL}, PS_OPTPARSE_OK,
     "--seed=-18446744073709551617\n"},
    {0, {"-s", "08", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '08'\n"},
    {0, {"-s", "0x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '0x'\n"},
    {0, {"-s", "-0x10", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '-0x10'\n"},
    {0, {"-s", "1__0", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '1__0'\n"},
    {0, {"-s", "1.5", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '1.5'\n"},
    {0, {"-s", "", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: ''\n"},
    {0, {"--seed=", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option --seed: invalid integer value: ''\n"},
    {0, {"-s", "--", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '--'\n"},
    {0, {"-s", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: -s option requires 1 argument\n"},
    {0, {"--seed", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: --seed option requires 1 argument\n"},
    {0, {"-cs", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: -s option requires 1 argument\n"},
    {0, {"-s", "it's", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: \"it's\"\n"},
    {0, {"-s", "a\"b'c", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: 'a\"b\\'c'\n"},
    {0, {"-s", "a\"b", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: 'a\"b'\n"},
    {0, {"-s", "a\tb\\", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: 'a\\tb\\\\'\n"},
    {0, {"-s", "\177\033\n", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '\\x7f\\x1b\\n'\n"},
    {0, {"-s", "\377", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '\\udcff'\n"},
    {0, {"-s", "\302\240", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '\\xa0'\n"},
    {0, {"-s", "\303\251", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '\303\251'\n"},
    {0, {"-s", "\342\200\250", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '\\u2028'\n"},
    {0, {"-s", "\360\237\230\200", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '\360\237\230\200'\n"},
    {0, {"-s", "\342\202", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '\\udce2\\udc82'\n"},
    {0, {"-x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: -x\n"},
    {0, {"-cx", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: -x\n"},
    {0, {"-\303\251", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: -\303\251\n"},
    {0, {"-\377", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: -\\udcff\n"},
    {0, {"-c-s", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: --\n"},
    {0, {"---x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: ---x\n"},
    {0, {"--p", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: ambiguous option: --p (--printstats, --processlist, --program?)\n"},
    {0, {"--pr", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: ambiguous option: --pr (--printstats, --processlist, --program?)\n"},
    {0, {"--pro", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: ambiguous option: --pro (--processlist, --program?)\n"},
    {0, {"--prog=c3", NULL}, PS_OPTPARSE_OK,
     "--program=c3\n"},
    {0, {"--pri", NULL}, PS_OPTPARSE_OK,
     "--printstats=1\n"},
    {0, {"--s", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: ambiguous option: --s (--seed, --switch?)\n"},
    {0, {"--i", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: ambiguous option: --i (--iodone, --iolength?)\n"},
    {0, {"--io", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: ambiguous option: --io (--iodone, --iolength?)\n"},
    {0, {"--iol=2", NULL}, PS_OPTPARSE_OK,
     "--iolength=2\n"},
    {0, {"--iol", "2", NULL}, PS_OPTPARSE_OK,
     "--iolength=2\n"},
    {0, {"--=3", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: ambiguous option: -- (--help, --iodone, --iolength, --printstats, --processlist, --program, --seed, --switch?)\n"},
    {0, {"--", NULL}, PS_OPTPARSE_OK,
     ""},
    {0, {"-", NULL}, PS_OPTPARSE_OK,
     ""},
    {0, {"--", "-x", "-s", "3", NULL}, PS_OPTPARSE_OK,
     ""},
    {0, {"-s", "1", "--", "-x", NULL}, PS_OPTPARSE_OK,
     "--seed=1\n"},
    {0, {"foo", "-s", "4", "bar", NULL}, PS_OPTPARSE_OK,
     "--seed=4\n"},
    {0, {"--printstats=1", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: --printstats option does not take a value\n"},
    {0, {"--printstats=", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: --printstats option does not take a value\n"},
    {0, {"--printstats", NULL}, PS_OPTPARSE_OK,
     "--printstats=1\n"},
    {0, {"--help=1", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: --help option does not take a value\n"},
    {0, {"-c", NULL}, PS_OPTPARSE_OK,
     "-c=1\n"},
    {0, {"-cp", NULL}, PS_OPTPARSE_OK,
     "-c=1\n--printstats=1\n"},
    {0, {"-pc", NULL}, PS_OPTPARSE_OK,
     "-c=1\n--printstats=1\n"},
    {0, {"-cps3", NULL}, PS_OPTPARSE_OK,
     "--seed=3\n-c=1\n--printstats=1\n"},
    {0, {"-cps", "3", NULL}, PS_OPTPARSE_OK,
     "--seed=3\n-c=1\n--printstats=1\n"},
    {0, {"-p", "-c", NULL}, PS_OPTPARSE_OK,
     "-c=1\n--printstats=1\n"},
    {0, {"-s", "1", "-s", "2", NULL}, PS_OPTPARSE_OK,
     "--seed=2\n"},
    {0, {"-L", "3", "-L", "x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -L: invalid integer value: 'x'\n"},
    {0, {"-s", "1", "-x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: -x\n"},
    {0, {"-P", "c3,i", NULL}, PS_OPTPARSE_OK,
     "--program=c3,i\n"},
    {0, {"-Pc3", NULL}, PS_OPTPARSE_OK,
     "--program=c3\n"},
    {0, {"-P", "", NULL}, PS_OPTPARSE_OK,
     "--program=\n"},
    {0, {"-P", "-c", NULL}, PS_OPTPARSE_OK,
     "--program=-c\n"},
    {0, {"--program=a=b", NULL}, PS_OPTPARSE_OK,
     "--program=a=b\n"},
    {0, {"-l", "5:100,5:100", NULL}, PS_OPTPARSE_OK,
     "--processlist=5:100,5:100\n"},
    {0, {"--processlist", "3:0", NULL}, PS_OPTPARSE_OK,
     "--processlist=3:0\n"},
    {0, {"-S", "SWITCH_ON_END", NULL}, PS_OPTPARSE_OK,
     "--switch=SWITCH_ON_END\n"},
    {0, {"-I", "IO_RUN_IMMEDIATE", "--switch=x", NULL}, PS_OPTPARSE_OK,
     "--switch=x\n--iodone=IO_RUN_IMMEDIATE\n"},
    {0, {"-P", "\303\251", NULL}, PS_OPTPARSE_OK,
     "--program=\303\251\n"},
    {0, {"-P", "\377", NULL}, PS_OPTPARSE_OK,
     "--program=\377\n"},
    {0, {"--s\303\251", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: --s\303\251\n"},
    {0, {"--s\377", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: --s\\udcff\n"},
    {0, {"-L", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: -L option requires 1 argument\n"},
    {0, {"--iodone", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: --iodone option requires 1 argument\n"},
    {0, {"-h", NULL}, PS_OPTPARSE_HELP,
     ""},
    {0, {"--help", NULL}, PS_OPTPARSE_HELP,
     ""},
    {0, {"--he", NULL}, PS_OPTPARSE_HELP,
     ""},
    {0, {"--h", NULL}, PS_OPTPARSE_HELP,
     ""},
    {0, {"-ch", NULL}, PS_OPTPARSE_HELP,
     ""},
    {0, {"-hx", NULL}, PS_OPTPARSE_HELP,
     ""},
    {0, {"-s", "08", "-h", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: '08'\n"},
    {0, {"-h", "-s", "08", NULL}, PS_OPTPARSE_HELP,
     ""},
    {0, {"-x", "-h", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: no such option: -x\n"},
    {0, {"-sh", NULL}, PS_OPTPARSE_ERROR,
     "Usage: process-run.py [options]\n\nprocess-run.py: error: option -s: invalid integer value: 'h'\n"},
    {1, {NULL}, PS_OPTPARSE_OK,
     ""},
    {1, {"-p", "RR", "-q", "2", NULL}, PS_OPTPARSE_OK,
     "--policy=RR\n--quantum=2\n"},
    {1, {"--policy=SJF", NULL}, PS_OPTPARSE_OK,
     "--policy=SJF\n"},
    {1, {"-l", "1,2,3", NULL}, PS_OPTPARSE_OK,
     "--jlist=1,2,3\n"},
    {1, {"--j", NULL}, PS_OPTPARSE_ERROR,
     "Usage: scheduler.py [options]\n\nscheduler.py: error: ambiguous option: --j (--jlist, --jobs?)\n"},
    {1, {"--jo=5", NULL}, PS_OPTPARSE_OK,
     "--jobs=5\n"},
    {1, {"--jl", "1", NULL}, PS_OPTPARSE_OK,
     "--jlist=1\n"},
    {1, {"-j", "08", NULL}, PS_OPTPARSE_ERROR,
     "Usage: scheduler.py [options]\n\nscheduler.py: error: option -j: invalid integer value: '08'\n"},
    {1, {"--quantum", NULL}, PS_OPTPARSE_ERROR,
     "Usage: scheduler.py [options]\n\nscheduler.py: error: --quantum option requires 1 argument\n"},
    {1, {"--q=0x10", NULL}, PS_OPTPARSE_OK,
     "--quantum=16\n"},
    {1, {"-m", "0b11", "-c", NULL}, PS_OPTPARSE_OK,
     "--maxlen=3\n-c=1\n"},
    {1, {"--p", "FIFO", NULL}, PS_OPTPARSE_OK,
     "--policy=FIFO\n"},
    {1, {"--m=7", NULL}, PS_OPTPARSE_OK,
     "--maxlen=7\n"},
    {1, {"--maxlen=7x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: scheduler.py [options]\n\nscheduler.py: error: option --maxlen: invalid integer value: '7x'\n"},
    {1, {"-c", "--c", NULL}, PS_OPTPARSE_ERROR,
     "Usage: scheduler.py [options]\n\nscheduler.py: error: no such option: --c\n"},
    {1, {"-cp", "RR", NULL}, PS_OPTPARSE_OK,
     "--policy=RR\n-c=1\n"},
    {1, {"-h", NULL}, PS_OPTPARSE_HELP,
     ""},
    {1, {"-P", "x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: scheduler.py [options]\n\nscheduler.py: error: no such option: -P\n"},
    {2, {NULL}, PS_OPTPARSE_OK,
     ""},
    {2, {"--quantum", "5", NULL}, PS_OPTPARSE_OK,
     "--quantum=5\n"},
    {2, {"--quantumList=10,20", NULL}, PS_OPTPARSE_OK,
     "--quantumList=10,20\n"},
    {2, {"--quan=5", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: ambiguous option: --quan (--quantum, --quantumList?)\n"},
    {2, {"--quantumL=1", NULL}, PS_OPTPARSE_OK,
     "--quantumList=1\n"},
    {2, {"--num", "2", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: ambiguous option: --num (--numJobs, --numQueues?)\n"},
    {2, {"--n", "2", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: ambiguous option: --n (--numJobs, --numQueues?)\n"},
    {2, {"--numQ=2", NULL}, PS_OPTPARSE_OK,
     "--numQueues=2\n"},
    {2, {"--a=1", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: ambiguous option: --a (--allotment, --allotmentList?)\n"},
    {2, {"--allotment=2", NULL}, PS_OPTPARSE_OK,
     "--allotment=2\n"},
    {2, {"--allotmentL=1,2", NULL}, PS_OPTPARSE_OK,
     "--allotmentList=1,2\n"},
    {2, {"-SI", NULL}, PS_OPTPARSE_OK,
     "--stay=1\n--iobump=1\n"},
    {2, {"-IS", "-c", NULL}, PS_OPTPARSE_OK,
     "--stay=1\n--iobump=1\n-c=1\n"},
    {2, {"--stay=1", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: --stay option does not take a value\n"},
    {2, {"--i", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: ambiguous option: --i (--iobump, --iotime?)\n"},
    {2, {"--io=3", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: ambiguous option: --io (--iobump, --iotime?)\n"},
    {2, {"--iot=3", NULL}, PS_OPTPARSE_OK,
     "--iotime=3\n"},
    {2, {"-Q", "10,20", "-A", "1,2", NULL}, PS_OPTPARSE_OK,
     "--quantumList=10,20\n--allotmentList=1,2\n"},
    {2, {"-l", "0,10,2:0,5,0", NULL}, PS_OPTPARSE_OK,
     "--jlist=0,10,2:0,5,0\n"},
    {2, {"-M", "-1", NULL}, PS_OPTPARSE_OK,
     "--maxio=-1\n"},
    {2, {"-B", "0x", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: option -B: invalid integer value: '0x'\n"},
    {2, {"--numqueues=2", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: no such option: --numqueues\n"},
    {2, {"-h", NULL}, PS_OPTPARSE_HELP,
     ""},
    {2, {"--b=3", NULL}, PS_OPTPARSE_OK,
     "--boost=3\n"},
    {2, {"--j", "1", NULL}, PS_OPTPARSE_OK,
     "--jlist=1\n"},
    {2, {"--jl=0,1,1", NULL}, PS_OPTPARSE_OK,
     "--jlist=0,1,1\n"},
    {2, {"--m=1", NULL}, PS_OPTPARSE_ERROR,
     "Usage: mlfq.py [options]\n\nmlfq.py: error: ambiguous option: --m (--maxio, --maxlen?)\n"},

};

static void argv_cases_match_the_programs(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct pcase *c = &cases[i];
        const struct program *p = &programs[c->prog];
        result r;
        parse(&r, p->name, p->specs, p->n, c->argv);
        char *help = c->rc == PS_OPTPARSE_HELP ? slurp(p->help_file) : NULL;
        const char *out = help ? help : "";
        const char *err = c->rc == PS_OPTPARSE_ERROR ? c->want : "";
        const char *vals = c->rc == PS_OPTPARSE_OK ? c->want : "";
        if (r.rc != c->rc || strcmp(text(&r.out), out) || strcmp(text(&r.err), err) ||
            strcmp(r.values, vals))
            fail_msg("case %zu (%s %s %s ...): rc %d, want %d\nstdout:\n%s\nstderr:\n%s"
                     "\nvalues:\n%s\nwanted:\n%s", i, p->name,
                     c->argv[0] ? c->argv[0] : "", c->argv[0] && c->argv[1] ? c->argv[1] : "",
                     r.rc, c->rc, text(&r.out), text(&r.err), r.values, c->want);
        free(help);
        result_fini(&r);
    }
}

/* ---- help layout: wrapping, hyphens, long words, column ---------------- */

static const ps_opt_spec wide_specs[] = {
    {'w', "well", PS_OPT_STRING, "W", "the well-known x-ray tool does a-b testing of state-of-the-art multi-word-compound-things and more-or-less anything"},
    {'e', NULL, PS_OPT_INT, "E", "an em--dash, foo--bar, abc---def, x -- y and --option-like words--well"},
    {0, "long", PS_OPT_FLAG, NULL, "word aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa end"},
    {'y', "hy", PS_OPT_FLAG, NULL, "aaaa-bbbb-cccc-dddd-eeee-ffff-gggg-hhhh-iiii-jjjj-kkkk-llll-mmmm-nnnn-oooo-pppp"},
    {'z', NULL, PS_OPT_FLAG, NULL, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"},
    {'t', NULL, PS_OPT_FLAG, NULL, "tabs\there\tand\nnewlines\015\nand  two  spaces   and a\013vertical\014feed tab\t\tstop"},
    {'q', NULL, PS_OPT_FLAG, NULL, "  leading spaces then a long enough text to wrap onto a second line of output"},
    {'r', NULL, PS_OPT_FLAG, NULL, ""},
    {'u', "under_score", PS_OPT_STRING, "A_VERY_LONG_METAVAR_NAME", "short"},
    {'v', NULL, PS_OPT_FLAG, NULL, "------------------------------------------------------------word"},
    {'x', NULL, PS_OPT_FLAG, NULL, "ab------------------------------------------------------------"},
    {'k', NULL, PS_OPT_FLAG, NULL, "wrap exactly: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb cccccccccc"},
    {'n', NULL, PS_OPT_FLAG, NULL, "words, \"quoted\"--dash and 3-4 digits-ok x-y-z ab-c-d"},
};
static const char wide_help[] =
    "Usage: t.py [options]\n"
    "\n"
    "Options:\n"
    "  -h, --help            show this help message and exit\n"
    "  -w W, --well=W        the well-known x-ray tool does a-b testing of state-\n"
    "                        of-the-art multi-word-compound-things and more-or-less\n"
    "                        anything\n"
    "  -e E                  an em--dash, foo--bar, abc---def, x -- y and --option-\n"
    "                        like words--well\n"
    "  --long                word aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
    "                        aaaaaaaaaaaaaaaaaaaaa end\n"
    "  -y, --hy              aaaa-bbbb-cccc-dddd-eeee-ffff-gggg-hhhh-iiii-jjjj-\n"
    "                        kkkk-llll-mmmm-nnnn-oooo-pppp\n"
    "  -z                    xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \n"
    "                        yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n"
    "                        yyyyyyyyyyyyyyyy\n"
    "  -t                    tabs    here    and newlines  and  two  spaces   and a\n"
    "                        vertical feed tab              stop\n"
    "  -q                      leading spaces then a long enough text to wrap onto\n"
    "                        a second line of output\n"
    "  -r                    \n"
    "  -u A_VERY_LONG_METAVAR_NAME, --under_score=A_VERY_LONG_METAVAR_NAME\n"
    "                        short\n"
    "  -v                    ------------------------------------------------------\n"
    "                        ------word\n"
    "  -x                    ab----------------------------------------------------\n"
    "                        --------\n"
    "  -k                    wrap exactly: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n"
    "                        cccccccccc\n"
    "  -n                    words, \"quoted\"--dash and 3-4 digits-ok x-y-z ab-c-d\n"
    ;
static const ps_opt_spec narrow_specs[] = {
    {'a', NULL, PS_OPT_FLAG, NULL, "alpha"},
    {'b', NULL, PS_OPT_STRING, "B", "bravo option with a help text long enough to need wrapping at the narrower help column"},
    {'c', NULL, PS_OPT_FLAG, NULL, NULL},
};
static const char narrow_help[] =
    "Usage: t.py [options]\n"
    "\n"
    "Options:\n"
    "  -h, --help  show this help message and exit\n"
    "  -a          alpha\n"
    "  -b B        bravo option with a help text long enough to need wrapping at\n"
    "              the narrower help column\n"
    "  -c          \n"
    ;

static void help_layout_matches_optparse(void **state)
{
    (void)state;
    static const char *const h[] = {"-h", NULL};
    result r;
    parse(&r, "t.py", wide_specs, sizeof wide_specs / sizeof wide_specs[0], h);
    assert_int_equal(r.rc, PS_OPTPARSE_HELP);
    assert_string_equal(text(&r.out), wide_help);
    result_fini(&r);
    parse(&r, "t.py", narrow_specs, sizeof narrow_specs / sizeof narrow_specs[0], h);
    assert_int_equal(r.rc, PS_OPTPARSE_HELP);
    assert_string_equal(text(&r.out), narrow_help);
    result_fini(&r);
}

/* ---- what the values hold ---------------------------------------------- */

static void values_point_into_argv_and_the_last_wins(void **state)
{
    (void)state;
    char a0[] = "-cps7", a1[] = "--seed", a2[] = "123456789012345678901234567890",
         a3[] = "-P", a4[] = "c1", a5[] = "-s0x10";
    char *argv[] = {a0, a1, a2, a3, a4, a5};
    ps_opt_value v[PR_NOPTS];
    memset(v, 0, sizeof v);
    ps_outbuf ob = {0}, eb = {0};
    ps_out out = ps_outbuf_sink(&ob), err = ps_outbuf_sink(&eb);
    /* three seeds: each replaces (and frees) the one before */
    assert_int_equal(ps_optparse("process-run.py", ps__pr_opts, PR_NOPTS, 6, argv, v, &out,
                                 &err),
                     PS_OPTPARSE_OK);
    assert_true(v[PR_SOLVE].set && v[PR_PRINTSTATS].set);
    assert_null(v[PR_SOLVE].text);
    assert_ptr_equal(v[PR_SEED].text, a5 + 2);
    int64_t seed;
    assert_int_equal(ps_pyint_to_i64(&v[PR_SEED].num, &seed), 0);
    assert_int_equal(seed, 16);
    assert_ptr_equal(v[PR_PROGRAM].text, a4);
    assert_false(v[PR_PROCESSLIST].set || v[PR_IOLENGTH].set);
    assert_null(ob.s);
    assert_null(eb.s);
    ps_optparse_fini(v, PR_NOPTS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(help_matches_the_programs),
        cmocka_unit_test(argv_cases_match_the_programs),
        cmocka_unit_test(help_layout_matches_optparse),
        cmocka_unit_test(values_point_into_argv_and_the_last_wins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
