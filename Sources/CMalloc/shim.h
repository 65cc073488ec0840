#ifndef NEWSIDX_CMALLOC_SHIM_H
#define NEWSIDX_CMALLOC_SHIM_H
/* glibc's malloc extensions (malloc_trim), which Swift's Glibc module leaves out: the
   index writer hands freed segment memory back to the system between segments. */
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
