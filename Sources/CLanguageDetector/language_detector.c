#include "newsidx_language_detector.h"
#include <dlfcn.h>
#include <stdbool.h>
#include <string.h>

/* CLD2::CLDHints */
typedef struct {
    const char *content_language_hint;
    const char *tld_hint;
    int encoding_hint;
    int language_hint;
} cld2_hints;

/* CLD2::ExtDetectLanguageSummaryCheckUTF8(const char *buffer, int buffer_length,
   bool is_plain_text, const CLDHints *hints, int flags, Language *language3,
   int *percent3, double *normalized_score3, ResultChunkVector *resultchunkvector,
   int *text_bytes, bool *is_reliable, int *valid_prefix_bytes) -> Language */
typedef int (*cld2_detect_fn)(const char *, int, bool, const cld2_hints *, int, int *, int *, double *,
                              void *, int *, bool *, int *);
/* CLD2::LanguageCode(Language) -> const char * */
typedef const char *(*cld2_code_fn)(int);

enum { CLD2_UNKNOWN_ENCODING = 23, CLD2_UNKNOWN_LANGUAGE = 26, LONGEST = 1024, MAJORITY = 60 };

static cld2_detect_fn detect_fn;
static cld2_code_fn code_fn;
/* 0 not tried, 1 open, -1 not available. */
static int state;

static int open_cld2(void) {
    int s = __atomic_load_n(&state, __ATOMIC_ACQUIRE);
    if (s) return s;
    void *h = dlopen("libcld2.so.0", RTLD_NOW | RTLD_LOCAL);
    cld2_detect_fn d = h ? (cld2_detect_fn)dlsym(h,
        "_ZN4CLD233ExtDetectLanguageSummaryCheckUTF8EPKcibPKNS_8CLDHintsEiPNS_8LanguageEPiPdPSt6vector"
        "INS_11ResultChunkESaISA_EES7_PbS7_") : 0;
    cld2_code_fn c = h ? (cld2_code_fn)dlsym(h, "_ZN4CLD212LanguageCodeENS_8LanguageE") : 0;
    if (d && c) {
        detect_fn = d;
        code_fn = c;
        s = 1;
    } else {
        s = -1;
    }
    /* Two threads may both get here; both store the same pointers. */
    __atomic_store_n(&state, s, __ATOMIC_RELEASE);
    return s;
}

int newsidx_language_detector_available(void) { return open_cld2() > 0; }

int newsidx_detect_language(const char *utf8, size_t length, char out[8], double *confidence) {
    strcpy(out, "und");
    if (confidence) *confidence = 0;
    if (open_cld2() < 0) return -1;
    if (length > LONGEST) {
        length = LONGEST;
        while (length > 0 && ((unsigned char)utf8[length] & 0xC0) == 0x80) length--;
    }
    cld2_hints hints = {0, 0, CLD2_UNKNOWN_ENCODING, CLD2_UNKNOWN_LANGUAGE};
    int language3[3], percent3[3], text_bytes = 0, valid = 0;
    double scores3[3];
    bool reliable = false;
    int top = detect_fn(utf8, (int)length, true, &hints, 0, language3, percent3, scores3, NULL,
                        &text_bytes, &reliable, &valid);
    if (valid > 0 && valid < (int)length) {
        /* Ill-formed UTF-8 inside: CLD2 stops there; detect on the well-formed start. */
        top = detect_fn(utf8, valid, true, &hints, 0, language3, percent3, scores3, NULL,
                        &text_bytes, &reliable, &valid);
    }
    /* CLD2's summary language is not always the one with most text: it passes over English
       when it covers less than about 80% (web boilerplate is often English), which names
       an English news story "af" or "ms" for a few foreign names in its first lines. The
       language with most text is taken instead, when CLD2 finds the text reliable or that
       language holds at least MAJORITY percent of it. */
    (void)top;
    int best = language3[0];
    if (best == CLD2_UNKNOWN_LANGUAGE || !(reliable || percent3[0] >= MAJORITY)) return 0;
    const char *code = code_fn(best);
    /* Not languages: unknown, script-only ("xx-Latn") and joke codes ("zzp", "tlh"). */
    if (!code || !strcmp(code, "un") || !strncmp(code, "xx", 2) || !strncmp(code, "zz", 2) || !strcmp(code, "tlh"))
        return 0;
    /* CLD2 keeps two withdrawn ISO 639 codes. */
    if (!strcmp(code, "iw")) code = "he";
    else if (!strcmp(code, "jw")) code = "jv";
    if (strlen(code) > 7) return 0;
    strcpy(out, code);
    if (confidence) *confidence = percent3[0] / 100.0;
    return 1;
}
