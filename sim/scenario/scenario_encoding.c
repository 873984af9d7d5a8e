/* scenario_encoding.c — a scenario file that is not UTF-8: do its bytes
 * read as CP949 (EUC-KR and the Windows extension of it, what a Korean
 * Windows editor saves as "ANSI")?  Asked only after libyaml has found
 * bytes that are not UTF-8, to say "save it as UTF-8" in the words that
 * fit.  glibc's iconv does the decoding; procsim converts nothing. */
#include "loader.h"

#include <errno.h>
#include <iconv.h>

/* Feeds in[0..*n) to cd; keeps an incomplete character at the end for the
 * next call (moved to the front of `in`).  False on a byte that is not
 * CP949.  *hangul is set once a Hangul syllable comes out. */
static bool decode(iconv_t cd, char *in, size_t *n, bool *hangul)
{
    char *p = in;
    size_t left = *n;
    while (left > 0) {
        char out[1024], *o = out;
        size_t room = sizeof out;
        size_t r = iconv(cd, &p, &left, &o, &room);
        for (const unsigned char *u = (const unsigned char *)out; u + 2 < (unsigned char *)o;
             u++) /* U+AC00-D7A3 in UTF-8: EA B0 80 .. ED 9E A3 */
            if ((*u == 0xEA && u[1] >= 0xB0) || *u == 0xEB || *u == 0xEC ||
                (*u == 0xED && u[1] <= 0x9E))
                *hangul = true;
        if (r != (size_t)-1)
            continue;
        if (errno == E2BIG)
            continue;
        if (errno == EINVAL) /* a character cut by the chunk */
            break;
        return false;
    }
    memmove(in, p, left);
    *n = left;
    return true;
}

bool ps__ld_is_cp949(ps__loader *ld)
{
    iconv_t cd = iconv_open("UTF-8", "CP949");
    if (cd == (iconv_t)-1)
        return false;
    ps__source *src = &ld->src;
    bool ok = true, hangul = false;
    char buf[4096 + 2];
    size_t have = 0;
    if (!src->fp) {
        for (size_t pos = 0; ok && pos < src->len;) {
            size_t take = src->len - pos < 4096 ? src->len - pos : 4096;
            memcpy(buf + have, src->text + pos, take);
            pos += take;
            have += take;
            ok = decode(cd, buf, &have, &hangul);
        }
    } else if (fseek(src->fp, 0, SEEK_SET) == 0) {
        for (size_t got; ok && (got = fread(buf + have, 1, 4096, src->fp)) > 0;) {
            have += got;
            ok = decode(cd, buf, &have, &hangul);
        }
    } else {
        ok = false;
    }
    iconv_close(cd);
    return ok && have == 0 && hangul;
}
