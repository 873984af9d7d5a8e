/* png.c — see png.h. */
#include "png.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL_image.h>

#include "procsim/strerror.h"

int gui_png_write(SDL_Surface *s, const char *path, ps_lang lang, char *err, size_t errsize)
{
    errno = 0;
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errsize, "%s", ps_strerror(errno, lang));
        return -1;
    }
    SDL_RWops *rw = SDL_RWFromFP(f, SDL_FALSE); /* the FILE is ours to close */
    int failed = rw ? IMG_SavePNG_RW(s, rw, 1) : -1;
    if (failed)
        snprintf(err, errsize, "%s", SDL_GetError());
    struct stat st;
    int regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    errno = 0;
    int e = fflush(f) || ferror(f) ? (errno ? errno : EIO) : 0;
    if (fclose(f) && !e)
        e = errno ? errno : EIO;
    if (e) /* the disk's word is the clearer one */
        snprintf(err, errsize, "%s", ps_strerror(e, lang));
    if (failed || e) {
        if (regular)
            remove(path);
        return -1;
    }
    return 0;
}
