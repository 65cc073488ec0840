#ifndef NEWSIDX_CZLIB_SHIM_H
#define NEWSIDX_CZLIB_SHIM_H
#include <zlib.h>
#endif
