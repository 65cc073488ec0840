#include "newsidx_word_break.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

/* The few ICU types used, as ICU's C API declares them (unicode/utypes.h, ubrk.h, utext.h). */
typedef int UErrorCode;
typedef struct UBreakIterator UBreakIterator;
typedef struct UText UText;
enum { U_ZERO_ERROR = 0, UBRK_WORD = 1, UBRK_DONE = -1 };
#define U_FAILURE(x) ((x) > U_ZERO_ERROR)

typedef UBreakIterator *(*ubrk_open_fn)(int, const char *, const uint16_t *, int32_t, UErrorCode *);
typedef void (*ubrk_close_fn)(UBreakIterator *);
typedef void (*ubrk_set_utext_fn)(UBreakIterator *, UText *, UErrorCode *);
typedef int32_t (*ubrk_first_fn)(UBreakIterator *);
typedef int32_t (*ubrk_next_fn)(UBreakIterator *);
typedef UText *(*utext_open_utf8_fn)(UText *, const char *, int64_t, UErrorCode *);
typedef UText *(*utext_close_fn)(UText *);

static struct {
    ubrk_open_fn open;
    ubrk_close_fn close;
    ubrk_set_utext_fn set_utext;
    ubrk_first_fn first;
    ubrk_next_fn next;
    utext_open_utf8_fn open_utf8;
    utext_close_fn utext_close;
} icu;

/* 0 not tried, 1 open, -1 not available. */
static int state;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_key_t iterator_key;

static void close_iterator(void *iterator) {
    if (iterator) icu.close((UBreakIterator *)iterator);
}

static void *symbol(void *library, const char *name, int version) {
    char versioned[64];
    snprintf(versioned, sizeof versioned, "%s_%d", name, version);
    void *found = dlsym(library, versioned);
    return found ? found : dlsym(library, name);
}

static void open_icu(void) {
    for (int version = 90; version >= 60; version--) {
        char soname[32];
        snprintf(soname, sizeof soname, "libicuuc.so.%d", version);
        void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        if (!library) continue;
        icu.open = (ubrk_open_fn)symbol(library, "ubrk_open", version);
        icu.close = (ubrk_close_fn)symbol(library, "ubrk_close", version);
        icu.set_utext = (ubrk_set_utext_fn)symbol(library, "ubrk_setUText", version);
        icu.first = (ubrk_first_fn)symbol(library, "ubrk_first", version);
        icu.next = (ubrk_next_fn)symbol(library, "ubrk_next", version);
        icu.open_utf8 = (utext_open_utf8_fn)symbol(library, "utext_openUTF8", version);
        icu.utext_close = (utext_close_fn)symbol(library, "utext_close", version);
        if (icu.open && icu.close && icu.set_utext && icu.first && icu.next && icu.open_utf8 && icu.utext_close
            && pthread_key_create(&iterator_key, close_iterator) == 0) {
            state = 1;
            return;
        }
        dlclose(library);
    }
    state = -1;
}

int newsidx_word_break_available(void) {
    pthread_once(&once, open_icu);
    return state > 0;
}

long newsidx_word_breaks(const char *utf8, size_t length, size_t *boundaries, size_t capacity) {
    if (!newsidx_word_break_available() || length == 0 || length > INT32_MAX) return 0;
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = pthread_getspecific(iterator_key);
    if (!iterator) {
        iterator = icu.open(UBRK_WORD, "th", NULL, 0, &status);
        if (U_FAILURE(status) || !iterator) return 0;
        pthread_setspecific(iterator_key, iterator);
    }
    UText *text = icu.open_utf8(NULL, utf8, (int64_t)length, &status);
    if (U_FAILURE(status) || !text) return 0;
    icu.set_utext(iterator, text, &status);
    long count = 0;
    if (!U_FAILURE(status)) {
        icu.first(iterator);
        for (int32_t end = icu.next(iterator); end != UBRK_DONE; end = icu.next(iterator)) {
            if ((size_t)count == capacity) {
                count = -1;
                break;
            }
            boundaries[count++] = (size_t)end;
        }
    }
    icu.utext_close(text);
    return count;
}
