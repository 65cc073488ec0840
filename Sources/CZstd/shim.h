#ifndef NEWSIDX_CZSTD_SHIM_H
#define NEWSIDX_CZSTD_SHIM_H
/* The fast-cover trainer with fixed parameters is in zdict's "static linking only" part;
   Debian's libzstd exports it, and its parameter struct has been stable since 1.3.x. */
#define ZDICT_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zdict.h>
#endif
