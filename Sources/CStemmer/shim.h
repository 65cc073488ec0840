/* Snowball's stemmers in C (Debian libstemmer-dev, libstemmer0d at run time). */
#include <libstemmer.h>
