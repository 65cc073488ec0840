#ifndef NEWSIDX_WORD_BREAK_H
#define NEWSIDX_WORD_BREAK_H

#include <stddef.h>

/* Word boundaries in scripts written without spaces between words (Thai, Lao, Khmer,
   Burmese), from ICU's dictionary-based word break iterator.

   ICU (Debian libicu72) is opened with dlopen on first use rather than linked: its C
   functions carry the library's version in their names (ubrk_open_72), which the headers
   hide behind macros Swift cannot import, and linking it would load ICU, its data and the
   C++ runtime into every newsidx process, most of which never meet a Thai word. The
   newest libicuuc.so.N from 90 down to 60 is used. */

/* Whether ICU could be opened. */
int newsidx_word_break_available(void);

/* Writes to `boundaries` the byte offsets in `utf8[0..length)` where words end, in order
   (the last is `length`), at most `capacity` of them; returns how many, 0 when ICU is not
   installed or fails (the caller keeps the run as one word), or -1 when `capacity` is too
   small. Each thread keeps its own break iterator. */
long newsidx_word_breaks(const char *utf8, size_t length, size_t *boundaries, size_t capacity);

#endif
