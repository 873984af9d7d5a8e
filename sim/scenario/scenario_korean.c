/* scenario_korean.c — the Korean words the loader's messages need beyond
 * their own wordings: libyaml's problems and contexts (libyaml writes only
 * English) and strerror's, and the particles that follow a word (이/가,
 * 은/는...), which Korean chooses by the word's last sound. */
#include "loader.h"

#include <stdio.h>
#include <string.h>

/* libyaml's messages a scenario author meets, as libyaml 0.2 writes them.
 * One that is not here keeps libyaml's English (a rare syntax error). */
static const struct {
    const char *en, *ko;
} yaml_words[] = {
    /* the reader */
    {"control characters are not allowed", "제어 문자는 쓸 수 없습니다"},
    {"invalid leading UTF-8 octet", "UTF-8 첫 바이트가 잘못되었습니다"},
    {"invalid trailing UTF-8 octet", "UTF-8 이어지는 바이트가 잘못되었습니다"},
    {"incomplete UTF-8 octet sequence", "UTF-8 바이트열이 중간에 끝났습니다"},
    {"invalid length of a UTF-8 sequence", "UTF-8 바이트열의 길이가 잘못되었습니다"},
    {"invalid Unicode character", "유니코드 문자가 잘못되었습니다"},
    {"incomplete UTF-16 character", "UTF-16 문자가 중간에 끝났습니다"},
    {"incomplete UTF-16 surrogate pair", "UTF-16 서로게이트 쌍이 중간에 끝났습니다"},
    {"unexpected low surrogate area", "예상하지 못한 하위 서로게이트입니다"},
    {"input is too long", "입력이 너무 깁니다"},
    /* the scanner and the parser */
    {"found character that cannot start any token", "토큰을 시작할 수 없는 문자가 있습니다"},
    {"found unexpected end of stream", "파일이 예상보다 일찍 끝났습니다"},
    {"found unexpected ':'", "예상하지 못한 ':'이 있습니다"},
    {"found unexpected document indicator", "예상하지 못한 문서 표시(--- 또는 ...)가 있습니다"},
    {"found a tab character that violates indentation", "들여쓰기에 탭 문자가 있습니다"},
    {"found a tab character where an indentation space is expected",
     "들여쓰기 공백 자리에 탭 문자가 있습니다"},
    {"found unknown escape character", "알 수 없는 이스케이프 문자가 있습니다"},
    {"found undefined alias", "정의되지 않은 별칭이 있습니다"},
    {"could not find expected ':'", "있어야 할 ':'이 없습니다"},
    {"did not find expected ',' or ']'", "있어야 할 ',' 또는 ']'이 없습니다"},
    {"did not find expected ',' or '}'", "있어야 할 ',' 또는 '}'이 없습니다"},
    {"did not find expected '-' indicator", "있어야 할 '-' 표시가 없습니다"},
    {"did not find expected key", "있어야 할 키가 없습니다"},
    {"did not find expected node content", "있어야 할 값이 없습니다"},
    {"did not find expected comment or line break", "있어야 할 주석이나 줄바꿈이 없습니다"},
    {"did not find expected whitespace or line break", "있어야 할 공백이나 줄바꿈이 없습니다"},
    {"did not find expected <document start>", "있어야 할 문서 시작(---)이 없습니다"},
    {"block sequence entries are not allowed in this context",
     "이 자리에는 블록 시퀀스 항목(- ...)을 쓸 수 없습니다"},
    {"mapping keys are not allowed in this context", "이 자리에는 매핑의 키를 쓸 수 없습니다"},
    {"mapping values are not allowed in this context",
     "이 자리에는 매핑의 값을 쓸 수 없습니다(':' 뒤에 공백이 필요하거나 따옴표가 필요합니다)"},
    {"syntax error", "문법 오류"},
    /* contexts: "while ..." */
    {"while scanning for the next token", "다음 토큰을 찾던 중"},
    {"while scanning a quoted scalar", "따옴표로 묶은 값을 읽던 중"},
    {"while scanning a plain scalar", "값을 읽던 중"},
    {"while scanning a simple key", "키를 읽던 중"},
    {"while scanning a block scalar", "블록 값을 읽던 중"},
    {"while scanning an alias", "별칭을 읽던 중"},
    {"while scanning an anchor", "앵커를 읽던 중"},
    {"while scanning a tag", "태그를 읽던 중"},
    {"while scanning a directive", "지시문을 읽던 중"},
    {"while parsing a block collection", "블록 컬렉션을 읽던 중"},
    {"while parsing a block mapping", "블록 매핑을 읽던 중"},
    {"while parsing a block node", "블록 노드를 읽던 중"},
    {"while parsing a flow mapping", "흐름 매핑({ ... })을 읽던 중"},
    {"while parsing a flow sequence", "흐름 시퀀스([ ... ])를 읽던 중"},
    {"while parsing a flow node", "흐름 노드를 읽던 중"},
    {"while parsing a node", "노드를 읽던 중"},
};

const char *ps__yaml_ko(const char *en)
{
    for (size_t i = 0; i < sizeof yaml_words / sizeof yaml_words[0]; i++)
        if (strcmp(yaml_words[i].en, en) == 0)
            return yaml_words[i].ko;
    return en;
}

const char *ps__usage_ko(const char *usage, char *buf, size_t size)
{
    static const struct {
        const char *en, *ko;
    } words[] = {
        {"PROCESS", "프로세스"}, {"TICK", "틱"},     {"VARIABLE", "변수"}, {"CHANNEL", "채널"},
        {"MUTEX", "뮤텍스"},     {"STATE", "상태"},  {"POLICY", "정책"},
    };
    size_t o = 0;
    buf[0] = '\0';
    for (const char *p = usage; *p && o + 1 < size;) {
        size_t n = 0;
        while (p[n] >= 'A' && p[n] <= 'Z')
            n++;
        const char *ko = NULL;
        for (size_t i = 0; n && i < sizeof words / sizeof words[0]; i++)
            if (strlen(words[i].en) == n && !strncmp(words[i].en, p, n))
                ko = words[i].ko;
        int w = ko ? snprintf(buf + o, size - o, "%s", ko)
                   : snprintf(buf + o, size - o, "%.*s", n ? (int)n : 1, p);
        if (w < 0 || (size_t)w >= size - o) {
            buf[o] = '\0'; /* what fits, never half a character */
            break;
        }
        o += (size_t)w;
        p += n ? n : 1;
    }
    return buf;
}

/* Whether the sound before the particle ends in a consonant (받침): 1 yes,
 * 0 no, -1 unknown.  For (으)로 a final ㄹ counts as none. */
static int final_consonant(const char *word, bool ro)
{
    size_t n = strlen(word);
    if (n && word[n - 1] == ')') { /* "정수(틱)": the word before the parenthesis */
        size_t depth = 0;
        while (n > 0) {
            char c = word[--n];
            depth += c == ')';
            depth -= c == '(';
            if (depth == 0)
                break;
        }
    }
    while (n > 0 && word[n - 1] == ' ')
        n--;
    if (n == 0)
        return -1;
    unsigned char last = (unsigned char)word[n - 1];
    if (last >= '0' && last <= '9') /* 영 일 이 삼 사 오 육 칠 팔 구 */
        return ro && (last == '1' || last == '7' || last == '8') ? 0
               : (0x1CBu >> (last - '0')) & 1u; /* 0 1 3 6 7 8 end in a consonant */
    if (n < 3)
        return -1;
    const unsigned char *u = (const unsigned char *)word + n - 3;
    if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return -1;
    unsigned cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
    if (cp < 0xAC00 || cp > 0xD7A3)
        return -1;
    unsigned jong = (cp - 0xAC00) % 28;
    return ro && jong == 8 ? 0 : jong != 0; /* 8: ㄹ */
}

const char *ps__ko_josa(const char *word, ps__josa kind)
{
    static const char *const forms[][3] = {
        /* consonant, vowel, unknown */
        [PS__JOSA_IGA] = {"이", "가", "이(가)"},
        [PS__JOSA_EUNNEUN] = {"은", "는", "은(는)"},
        [PS__JOSA_EULREUL] = {"을", "를", "을(를)"},
        [PS__JOSA_RO] = {"으로", "로", "(으)로"},
    };
    int f = word ? final_consonant(word, kind == PS__JOSA_RO) : -1;
    return forms[kind][f < 0 ? 2 : f ? 0 : 1];
}
