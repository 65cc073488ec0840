#ifndef NEWSIDX_CLIBXML2_SHIM_H
#define NEWSIDX_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, whose headers clash with the ICU module Foundation
   brings; newsidx needs none of libxml2's ICU API, so keep those declarations out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
