/* fonts_fc.c — fonts.h through fontconfig (the desktop). */
#include "fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>

/* A configuration of our own, destroyed once the files are known, rather
 * than fontconfig's process-wide one: nothing of it outlives the lookup
 * (LeakSanitizer cannot see through the encoded pointers of the global
 * one, and FcFini is not ours to call). */
struct gui_fonts {
    FcConfig *fc;
};

gui_fonts *gui_fonts_open(gui_lang lang, char *err, size_t errsize)
{
    gui_fonts *f = malloc(sizeof *f);
    if (!f) {
        snprintf(err, errsize, "%s", gui_word_text(GUI_W_NO_MEMORY, lang));
        return NULL;
    }
    f->fc = FcInitLoadConfigAndFonts();
    if (!f->fc) {
        snprintf(err, errsize, "%s", lang == GUI_KO ? "fontconfig: 설정을 읽을 수 없습니다"
                                                    : "fontconfig: cannot load its configuration");
        free(f);
        return NULL;
    }
    return f;
}

void gui_fonts_close(gui_fonts *f)
{
    if (f)
        FcConfigDestroy(f->fc);
    free(f);
}

static int family_is(FcPattern *p, const char *family)
{
    FcChar8 *name;
    for (int i = 0; FcPatternGetString(p, FC_FAMILY, i, &name) == FcResultMatch; i++)
        if (strcasecmp((const char *)name, family) == 0)
            return 1;
    return 0;
}

static int has_char(FcPattern *p, FcChar32 c)
{
    FcCharSet *cs;
    return FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) == FcResultMatch && FcCharSetHasChar(cs, c);
}

char *gui_fonts_find(gui_fonts *f, const char *family, uint32_t need, int *index)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)family);
    FcPattern *match = NULL;
    FcChar8 *file;
    char *path = NULL;
    FcResult res;

    if (!pat)
        return NULL;
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
    if (!FcConfigSubstitute(f->fc, pat, FcMatchPattern))
        goto out;
    FcDefaultSubstitute(pat);
    match = FcFontMatch(f->fc, pat, &res);
    if (!match || res != FcResultMatch)
        goto out;
    if (!family_is(match, family) && !(need && has_char(match, need)))
        goto out;
    if (FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch)
        goto out;
    if (FcPatternGetInteger(match, FC_INDEX, 0, index) != FcResultMatch)
        *index = 0;
    path = strdup((const char *)file);
out:
    if (match)
        FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return path;
}
