/* args.c — what every command shares in reading its arguments: whole
 * numbers in a range, and --help.  Not the OSTEP programs' own flags: those
 * are the programs', parsed as Python's optparse does (sim/ostep). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "procsim/strerror.h"
#include "words.h"

ps_lang cli_lang = PS_LANG_EN;
int cli_lang_given;

void cli_lang_init(void)
{
    cli_lang = ps_lang_from_locale(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
    cli_lang_given = 0;
}

/* In args.c with cli_lang, so that what draws a lab's page alone
 * (test_lab_html) needs no more of the command line. */
const char *cli_title(const ps_scenario *s, ps_lang lang)
{
    return lang == PS_LANG_KO && s->title_ko[0] ? s->title_ko : s->title;
}

int cli_lang_option(const char *cmd, const char *value)
{
    if (value && (!strcmp(value, "en") || !strcmp(value, "ko"))) {
        cli_lang = strcmp(value, "ko") ? PS_LANG_EN : PS_LANG_KO;
        cli_lang_given = 1;
        return 0;
    }
    if (value)
        fprintf(stderr, CLI_W(W_ANY_LANG_VALUE), cmd, value);
    else
        fprintf(stderr, CLI_W(W_ANY_LANG_MISSING), cmd);
    return -1;
}

void cli_lang_prescan(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--lang") &&
            (!strcmp(argv[i + 1], "en") || !strcmp(argv[i + 1], "ko")))
            cli_lang = strcmp(argv[i + 1], "ko") ? PS_LANG_EN : PS_LANG_KO;
}

const char *cli_strerror(int err)
{
    return ps_strerror(err, cli_lang);
}

int cli_parse_int(const char *text, int64_t min, int64_t max, int64_t *out)
{
    const char *p = text;
    int neg = *p == '-';
    int64_t v = 0;
    p += neg;
    if (!*p)
        return -1;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        int d = *p - '0';
        /* exact bounds: v * 10 ± d stays within int64 */
        if (neg ? v < (INT64_MIN + d) / 10 : v > (INT64_MAX - d) / 10)
            return -1;
        v = neg ? v * 10 - d : v * 10 + d;
    }
    if (v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int cli_int_option(const char *cmd, const char *opt, const char *text, int64_t min,
                   int64_t max, int64_t *out)
{
    if (!cli_parse_int(text, min, max, out))
        return 0;
    fprintf(stderr, CLI_W(W_ANY_INT_OPTION), cmd, opt, (long long)min, (long long)max, text, strlen(text) > 80 ? "..." : "");
    return -1;
}

int cli_is_help(const char *arg)
{
    return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}
