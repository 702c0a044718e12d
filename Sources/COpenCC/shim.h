// OpenCC's C API (opencc_open, opencc_convert_utf8, opencc_close), from Debian's libopencc-dev.
#include <opencc/opencc.h>
