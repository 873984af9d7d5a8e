/* fonts_web.c — fonts.h in the browser: the page preloads its fonts into
 * /procsim/fonts (web/CMakeLists.txt subsets and packs them), one file
 * per family. */
#include "fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FONT_DIR "/procsim/fonts/"

static const struct {
    const char *family, *file;
} fonts[] = {
    {"DejaVu Sans", FONT_DIR "DejaVuSans.ttf"},
    {"NanumGothic", FONT_DIR "NanumGothic.ttf"},
};

struct gui_fonts {
    int unused;
};

static gui_fonts the_fonts;

gui_fonts *gui_fonts_open(gui_lang lang, char *err, size_t errsize)
{
    (void)lang, (void)err, (void)errsize;
    return &the_fonts;
}

void gui_fonts_close(gui_fonts *f)
{
    (void)f;
}

char *gui_fonts_find(gui_fonts *f, const char *family, uint32_t need, int *index)
{
    (void)f, (void)need; /* the packed Hangul font has every syllable Korean text uses */
    for (size_t i = 0; i < sizeof fonts / sizeof fonts[0]; i++) {
        FILE *file = strcasecmp(fonts[i].family, family) ? NULL : fopen(fonts[i].file, "rb");
        if (file) {
            fclose(file);
            *index = 0;
            return strdup(fonts[i].file);
        }
    }
    return NULL;
}
