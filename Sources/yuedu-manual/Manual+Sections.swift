extension Manual {
    /// CONFIGURATION: the file, every setting with its default, key names, mistakes.
    static let configuration = #"""
        .Sh CONFIGURATION
        Settings are read from
        .Pa $XDG_CONFIG_HOME/yuedu/config.toml
        .Po without
        .Ev XDG_CONFIG_HOME :
        .Pa ~/.config/yuedu/config.toml
        .Pc
        or from the file given with
        .Fl -config .
        Every setting is optional; here each has its default:
        .Bd -literal -offset indent
        theme = "default"       # a theme name or a path to a theme file; --theme wins
        background = "auto"     # "light" or "dark" instead of asking the terminal
        mouse = true            # wheel and clicks; false leaves the mouse to the terminal
        hyperlinks = "auto"     # links as OSC 8 hyperlinks: "always", "never", or "auto":
                                # on in terminals known to handle them
        library = []            # files or folders opened when no PATH is given; ~ and
                                # paths relative to the config's folder work;
                                # empty: the sample articles

        [wrap]
        indent = true           # keep a Chinese paragraph's first-line indent (U+3000)
        ambiguous-wide = "auto" # true/false: East Asian Ambiguous characters two cells
                                # wide or one; "auto": as the terminal answers

        [search]
        variants = true         # simplified and traditional match each other (乡 finds 鄉)
        pinyin = true           # Latin letters also find Chinese by pinyin (xczx: 乡村振兴)

        [keys]                  # command = [keys]: they replace the command's defaults
        line-down = ["j", "Down"]
        top = ["g", "Home"]     # a sequence is written "g g": g, then g

        [keys.prompt]           # the same, in the search prompt
        prompt-cancel = ["Esc", "C-g", "C-c"]
        .Ed
        .Pp
        Command names are those in parentheses under
        .Sx KEYS .
        Key names: a character
        .Pq Sy j , Sy J , Sy \&? , Sy 中 ,
        .Sy Space , Enter , Tab , S-Tab , Esc , Backspace , Del , Ins , Up , Down , Left ,
        .Sy Right , PgUp , PgDn , Home , End , F1 Ns No ... Ns Sy F63 ,
        and
        .Sy C-x
        (Ctrl with a letter other than i, j, m and h, which terminals send as Tab, Enter and
        Backspace).
        A key given to one command is taken from the command that had it;
        .Li []
        unbinds a command.
        .Pp
        A mistake never stops the reader: an unknown setting, command or key name, a value of
        the wrong type, or a file that is not valid TOML leaves the defaults for the bad parts,
        the rest applies, and the reader says what was wrong and on which line: the first
        problem in the status bar at start, all of them on standard error after it exits.
        .Ss Themes
        A theme is a TOML file: a
        .Li [palette]
        of named colours and one entry per scope, with
        .Li inherits = \(dqother\(dq
        to start from another theme:
        .Bd -literal -offset indent
        inherits = "default"
        "ui.reading.title" = { fg = "accent", bg = "default", modifiers = ["bold"] }
        "ui.reading.meta" = "grey"      # a string alone is the foreground

        [palette]
        accent = "#d7875f"
        .Ed
        .Pp
        Colours: a palette name, one of the 16 ANSI names
        .Pq Li red , Li bright-blue ,
        an index 0\(en255,
        .Li #rrggbb
        (shown as the nearest of the 256) or
        .Li default .
        Modifiers:
        .Li bold , dim , italic , underline , reverse .
        The installed themes are
        .Sy default
        (also compiled in),
        .Sy light , high-contrast
        and
        .Sy monochrome ;
        .Sy t
        cycles through every theme found
        .Pq Sx FILES .

        """#

    /// FILES: the configuration, themes, bookmarks, positions, sample articles.
    static let files = #"""
        .Sh FILES
        .Bl -tag -width Ds
        .It Pa $XDG_CONFIG_HOME/yuedu/config.toml
        The configuration
        .Pq default Pa ~/.config/yuedu/config.toml .
        .It Pa $XDG_CONFIG_HOME/yuedu/themes/*.toml
        Your themes (the
        .Pa themes
        folder next to the configuration file); they win over installed themes of the same
        name.
        .It Pa $XDG_DATA_HOME/yuedu/themes/*.toml
        More themes of yours
        .Pq default Pa ~/.local/share/yuedu/themes .
        .It Pa PREFIX/share/yuedu/themes/*.toml
        The themes installed with yuedu, found next to the binary
        .Pq Pa ../share/yuedu/themes ;
        then
        .Pa yuedu/themes
        in each folder of
        .Ev XDG_DATA_DIRS .
        A binary copied on its own still has the default theme, which is compiled in.
        .It Pa PREFIX/share/yuedu/seeds/
        The sample articles, opened when no path is given and no library is configured.
        .It Pa $XDG_DATA_HOME/yuedu/bookmarks.json
        Bookmarks
        .Pq default Pa ~/.local/share/yuedu/bookmarks.json ;
        every write is atomic and made under a lock, so two readers at once lose nothing.
        .It Pa $XDG_STATE_HOME/yuedu/positions.json
        Where you stopped in each article
        .Pq default Pa ~/.local/state/yuedu/positions.json .
        .It Pa $XDG_STATE_HOME/yuedu/search-history
        The last 100 searches, one a line, oldest first, for
        .Sy Up
        and
        .Sy Down
        in the search prompt
        .Pq default Pa ~/.local/state/yuedu/search-history .
        .It Pa $XDG_STATE_HOME/yuedu/read.json
        Which articles are read (opened, or marked with
        .Sy U ) ,
        by title and date, written like the bookmarks
        .Pq default Pa ~/.local/state/yuedu/read.json .
        .It Pa $XDG_STATE_HOME/yuedu/list-order
        The order the list was last sorted in with
        .Sy O
        .Pq default Pa ~/.local/state/yuedu/list-order .
        .El

        """#

    /// ENVIRONMENT: the variables yuedu reads.
    static let environment = #"""
        .Sh ENVIRONMENT
        .Bl -tag -width Ds
        .It Ev NO_COLOR
        When set to anything non-empty, no colour is used at all, only bold, dim, italic,
        underline and reverse; search matches and selections are drawn in reverse.
        .It Ev COLORFGBG
        Set by some terminals (rxvt, Konsole) to their foreground and background colours
        .Pq Li 0;15 .
        When the terminal does not answer yuedu's question about its background (OSC 11) and
        the configuration does not say, a last field that is a light colour (anything but
        0\(en6 and 8) makes the default theme use its light variant.
        .It Ev COLORTERM
        .Li truecolor
        or
        .Li 24bit :
        colours are sent as RGB, through the direct-colour terminfo entry of the terminal type
        .Pq e.g. Li xterm-direct
        when there is one.
        .It Ev TERM
        The terminal type; one without a terminfo entry, or
        .Li dumb ,
        is refused with a clear message and exit status 2.
        .It Ev LANG , LC_ALL , LC_CTYPE
        The locale. yuedu writes in its character set (UTF-8, GB18030, GBK, Big5, EUC-JP); a
        character it cannot encode shows as
        .Li \&? .
        Only the C/POSIX locale, or one that is not installed, is switched to C.UTF-8, said in
        the status bar, so Chinese still shows.
        .It Ev BROWSER
        The browser the link list's
        .Sy o
        opens a link with: commands separated by
        .Li \&: ,
        tried in turn, with
        .Li %s
        standing for the link (else it is the last argument); run directly, never through a
        shell. lynx, w3m, links and elinks get the terminal until they exit; any other runs
        detached.
        .It Ev TERM_PROGRAM , VTE_VERSION , KITTY_WINDOW_ID , WT_SESSION , TMUX , STY
        With
        .Li hyperlinks = \(dqauto\(dq ,
        they tell which terminal (or multiplexer) yuedu runs in, and so whether links are
        sent as OSC 8 hyperlinks.
        .It Ev ESCDELAY
        How long, in milliseconds, to wait after Esc for the rest of a key
        .Pq default 25 ;
        raise it on a slow link where arrow keys arrive split.
        .It Ev XDG_CONFIG_HOME
        The folder of
        .Pa yuedu/config.toml
        and
        .Pa yuedu/themes
        .Pq default Pa ~/.config .
        .It Ev XDG_DATA_HOME
        The folder of
        .Pa yuedu/bookmarks.json
        and
        .Pa yuedu/themes
        .Pq default Pa ~/.local/share .
        .It Ev XDG_STATE_HOME
        The folder of
        .Pa yuedu/positions.json ,
        .Pa yuedu/read.json ,
        .Pa yuedu/list-order
        and
        .Pa yuedu/search-history
        .Pq default Pa ~/.local/state .
        .It Ev XDG_DATA_DIRS
        More folders to look for
        .Pa yuedu/themes
        in
        .Pq default Pa /usr/local/share:/usr/share .
        .It Ev HOME
        Where the defaults above are.
        .El
        .Pp
        An XDG variable that is empty or holds a relative path is ignored.

        """#

    /// EXAMPLES.
    static let examples = #"""
        .Sh EXAMPLES
        Read the sample articles, then a folder of saved articles and one more file:
        .Dl $ yuedu
        .Dl $ yuedu ~/articles ~/saved/one.txt
        .Pp
        Read in the light theme, or with a theme file of your own:
        .Dl $ yuedu --theme light ~/articles
        .Dl $ yuedu --theme ~/my-theme.toml ~/articles
        .Pp
        The ten newest articles of a library, and those of 2024, for scripts:
        .Dl $ yuedu list ~/articles | head -n 10
        .Dl $ yuedu list ~/articles | grep '^2024-' | cut -f 3
        .Pp
        An article as the reading pane lays it out, 60 cells wide:
        .Dl $ yuedu render --width 60 ~/articles/one.txt
        .Pp
        Wrap any Chinese text the way the reader does:
        .Dl $ yuedu wrap --width 72 notes.txt
        .Pp
        The bookmarks as JSON:
        .Dl $ yuedu bookmarks --json

        """#
}
