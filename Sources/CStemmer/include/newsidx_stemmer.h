#ifndef NEWSIDX_STEMMER_H
#define NEWSIDX_STEMMER_H

#include <stddef.h>

/* Snowball's stemmers from Snowball's own C library (Debian libstemmer0d, built from the
   same sources as libstemmer-dev 2.2.0), opened with dlopen on first use rather than linked:
   the library carries about 10,800 relocations, which the dynamic loader would process at
   the start of every newsidx process (about a tenth of a search process's instructions),
   while only stories and queries in a language other than English need it. */

typedef struct newsidx_stemmer newsidx_stemmer;

/* Whether libstemmer could be opened. */
int newsidx_stemmer_available(void);

/* A stemmer of `algorithm` ("russian") for UTF-8 text, or NULL when the library or the
   algorithm is missing. One stemmer serves one thread at a time. */
newsidx_stemmer *newsidx_stemmer_new(const char *algorithm);

void newsidx_stemmer_delete(newsidx_stemmer *stemmer);

/* The stem of `word[0..length)`, valid until the stemmer's next call, with its length in
   `*stem_length`; NULL when out of memory. */
const unsigned char *newsidx_stem(newsidx_stemmer *stemmer, const unsigned char *word, int length, int *stem_length);

#endif
