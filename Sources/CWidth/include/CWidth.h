#ifndef CWIDTH_H
#define CWIDTH_H

/// Switches LC_CTYPE to a UTF-8 locale (C.UTF-8, else en_US.UTF-8); returns 1 on success.
int cwidth_use_utf8_locale(void);

/// The C library's wcwidth of a code point, as ncurses sees it (-1: not printable).
int cwidth_wcwidth(unsigned int code_point);

#endif
