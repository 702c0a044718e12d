#ifndef YUEDU_CNCURSESW_SHIM_H
#define YUEDU_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Swift cannot import C mutable globals, function-like macros or varargs:
   these tiny accessors stand in for them. */
static inline WINDOW *yd_stdscr(void) { return stdscr; }
static inline int yd_lines(void) { return LINES; }
static inline int yd_cols(void) { return COLS; }
static inline int yd_colors(void) { return COLORS; }
static inline int yd_color_pairs(void) { return COLOR_PAIRS; }

static const attr_t YD_A_NORMAL = A_NORMAL;
static const attr_t YD_A_BOLD = A_BOLD;
static const attr_t YD_A_DIM = A_DIM;
static const attr_t YD_A_REVERSE = A_REVERSE;
static const attr_t YD_A_UNDERLINE = A_UNDERLINE;
static const attr_t YD_A_ITALIC = A_ITALIC;

/* Mouse masks are macros built from function-like macros. */
static const mmask_t YD_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t YD_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t YD_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t YD_BUTTON5_PRESSED = BUTTON5_PRESSED;

/* wcwidth is not exposed by Glibc's Swift overlay. */
int wcwidth(wchar_t c);

/* memfd_create needs _GNU_SOURCE in <sys/mman.h>. */
int memfd_create(const char *name, unsigned int flags);

#endif
