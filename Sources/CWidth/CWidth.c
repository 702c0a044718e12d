// The C library's character widths, for tests that hold the generated tables to them.
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <wchar.h>
#include "CWidth.h"

int cwidth_use_utf8_locale(void) {
    return setlocale(LC_CTYPE, "C.UTF-8") != NULL || setlocale(LC_CTYPE, "en_US.UTF-8") != NULL;
}

int cwidth_wcwidth(unsigned int code_point) {
    return wcwidth((wchar_t)code_point);
}
