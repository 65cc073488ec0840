#ifndef NEWSIDX_CZSTD_SHIM_H
#define NEWSIDX_CZSTD_SHIM_H
#include <zstd.h>
#include <zdict.h>
#endif
