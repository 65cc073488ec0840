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
#include <dlfcn.h>
#include <string.h>

/* libxml2, and the ICU it brings, is opened on first use instead of being linked: a search
   never parses markup, and loading both at every start cost a third of a search process.
   The newsidx_ functions below are the only way the Swift code calls into libxml2. */
static inline void *newsidx_libxml2(void) {
    static void *handle;
    void *h = __atomic_load_n(&handle, __ATOMIC_ACQUIRE);
    if (!h) {
        h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
        __atomic_store_n(&handle, h, __ATOMIC_RELEASE);
    }
    return h;
}

/* True when libxml2 could be opened. */
static inline int newsidx_libxml2_available(void) { return newsidx_libxml2() != 0; }

/* A function of libxml2 looked up once; when libxml2 cannot be opened, it does nothing
   and returns null, which the callers read as "no document". */
#define NEWSIDX_LIBXML2_LOOKUP(ret, name, params)                                 \
    static ret(*fn) params;                                                       \
    ret(*f) params = __atomic_load_n(&fn, __ATOMIC_ACQUIRE);                      \
    if (!f) {                                                                     \
        void *lib = newsidx_libxml2();                                            \
        f = lib ? (ret(*) params)dlsym(lib, #name) : 0;                           \
        __atomic_store_n(&fn, f, __ATOMIC_RELEASE);                               \
    }

#define NEWSIDX_LIBXML2(ret, name, params, args)                                  \
    static inline ret newsidx_##name params {                                     \
        NEWSIDX_LIBXML2_LOOKUP(ret, name, params)                                 \
        return f ? f args : 0;                                                    \
    }

#define NEWSIDX_LIBXML2_VOID(name, params, args)                                  \
    static inline void newsidx_##name params {                                    \
        NEWSIDX_LIBXML2_LOOKUP(void, name, params)                                \
        if (f) f args;                                                            \
    }

NEWSIDX_LIBXML2_VOID(xmlInitParser, (void), ())
NEWSIDX_LIBXML2_VOID(xmlFreeDoc, (xmlDocPtr doc), (doc))
NEWSIDX_LIBXML2(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc))
NEWSIDX_LIBXML2(xmlParserCtxtPtr, xmlNewParserCtxt, (void), ())
NEWSIDX_LIBXML2_VOID(xmlFreeParserCtxt, (xmlParserCtxtPtr ctxt), (ctxt))
NEWSIDX_LIBXML2(xmlDocPtr, xmlCtxtReadMemory,
                (xmlParserCtxtPtr ctxt, const char *buffer, int size, const char *URL, const char *encoding, int options),
                (ctxt, buffer, size, URL, encoding, options))
NEWSIDX_LIBXML2(htmlDocPtr, htmlReadMemory,
                (const char *buffer, int size, const char *URL, const char *encoding, int options),
                (buffer, size, URL, encoding, options))
NEWSIDX_LIBXML2(const htmlEntityDesc *, htmlEntityLookup, (const xmlChar *name), (name))

static inline int newsidx_xmlStrlen(const xmlChar *s) { return s ? (int)strlen((const char *)s) : 0; }
#endif
