// zlib (compress2, uncompress), from Debian's zlib1g-dev: the search index keeps each
// article's folded text compressed.
#include <zlib.h>
