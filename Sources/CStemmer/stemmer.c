#include "newsidx_stemmer.h"
#include <dlfcn.h>
#include <pthread.h>

/* libstemmer.h: struct sb_stemmer and its four functions. */
struct sb_stemmer;
typedef struct sb_stemmer *(*sb_new_fn)(const char *algorithm, const char *charenc);
typedef void (*sb_delete_fn)(struct sb_stemmer *);
typedef const unsigned char *(*sb_stem_fn)(struct sb_stemmer *, const unsigned char *, int);
typedef int (*sb_length_fn)(struct sb_stemmer *);

static struct {
    sb_new_fn create;
    sb_delete_fn destroy;
    sb_stem_fn stem;
    sb_length_fn length;
} snowball;

static int state; /* 1 open, -1 not available */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void open_libstemmer(void) {
    static const char *names[] = {"libstemmer.so.0d", "libstemmer.so.0", "libstemmer.so"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        void *library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!library) continue;
        snowball.create = (sb_new_fn)dlsym(library, "sb_stemmer_new");
        snowball.destroy = (sb_delete_fn)dlsym(library, "sb_stemmer_delete");
        snowball.stem = (sb_stem_fn)dlsym(library, "sb_stemmer_stem");
        snowball.length = (sb_length_fn)dlsym(library, "sb_stemmer_length");
        if (snowball.create && snowball.destroy && snowball.stem && snowball.length) {
            state = 1;
            return;
        }
        dlclose(library);
    }
    state = -1;
}

int newsidx_stemmer_available(void) {
    pthread_once(&once, open_libstemmer);
    return state > 0;
}

newsidx_stemmer *newsidx_stemmer_new(const char *algorithm) {
    if (!newsidx_stemmer_available()) return 0;
    return (newsidx_stemmer *)snowball.create(algorithm, "UTF_8");
}

void newsidx_stemmer_delete(newsidx_stemmer *stemmer) {
    if (stemmer) snowball.destroy((struct sb_stemmer *)stemmer);
}

const unsigned char *newsidx_stem(newsidx_stemmer *stemmer, const unsigned char *word, int length, int *stem_length) {
    const unsigned char *stem = snowball.stem((struct sb_stemmer *)stemmer, word, length);
    *stem_length = stem ? snowball.length((struct sb_stemmer *)stemmer) : 0;
    return stem;
}
