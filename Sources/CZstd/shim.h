#ifndef NEWSIDX_CZSTD_SHIM_H
#define NEWSIDX_CZSTD_SHIM_H
/* The fast-cover trainer with fixed parameters is in zdict's "static linking only" part;
   Debian's libzstd exports it, and its parameter struct has been stable since 1.3.x. */
#define ZDICT_STATIC_LINKING_ONLY
/* ZSTD_createDDict_byReference, in zstd's "static linking only" part too (its prototype has
   not changed since 1.0, and Debian's libzstd exports it), lets a reader use the dictionary
   where it lies in the mapped segment instead of copying it. */
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zdict.h>
#endif
