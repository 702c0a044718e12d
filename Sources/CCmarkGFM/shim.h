// cmark-gfm, GitHub's CommonMark parser, and its extensions (tables, strikethrough,
// autolinks). Debian: libcmark-gfm-dev and libcmark-gfm-extensions-dev.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
