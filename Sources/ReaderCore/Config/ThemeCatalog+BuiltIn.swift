extension ThemeCatalog {
    /// The default theme (dark, with its light variant), compiled in so the reader works
    /// without a themes/ folder. It is the text of themes/default.toml (a test keeps the two
    /// the same).
    public static let builtInDefault = """
# yuedu — the default theme (256 colours): body text in the terminal's own colours, accents
# in colour; the [light] table below is what changes on a light background.
# A scope is a colour (its foreground) or { fg, bg, modifiers }; a scope that is not set
# falls back to its parent: "ui.list.selected" → "ui.list" → "ui".
# Colours: a palette name, an ANSI name ("red", "bright-blue"), 0–255, "#rrggbb" or "default".

"ui" = {}
"ui.border" = "border"
"ui.header" = { fg = "dim", modifiers = ["bold"] }

"ui.list.date" = "dim"
"ui.list.selected" = { fg = "cream", bg = "selection", modifiers = ["bold"] }
"ui.list.selected.unfocused" = { fg = "text", bg = "shade" }
"ui.list.current" = "tan"
"ui.list.context" = "dim"
"ui.list.hit" = { fg = "black", bg = "tan", modifiers = ["bold", "underline"] }

"ui.reading.title" = { fg = "peach", modifiers = ["bold"] }
"ui.reading.meta" = "dim"
"ui.reading.lead" = "sage"
"ui.reading.lead.bar" = "moss"
"ui.reading.heading" = { fg = "tan", modifiers = ["bold"] }
"ui.reading.heading.1" = { fg = "peach", modifiers = ["bold", "underline"] }
"ui.reading.quote" = "mist"
"ui.reading.quote.bar" = "moss"
"ui.reading.code" = "sage"
"ui.reading.table.border" = "border"
"ui.reading.table.header" = { fg = "text", modifiers = ["bold"] }
"ui.reading.link" = { modifiers = ["underline"] }
"ui.reading.trailer" = "dim"
"ui.reading.preview" = { fg = "black", bg = "gold", modifiers = ["bold"] }

"ui.search.match" = { fg = "black", bg = "tan" }
"ui.search.current" = { fg = "black", bg = "orange", modifiers = ["bold", "underline"] }
"ui.bookmark" = "gold"

"ui.sidebar.title" = {}
"ui.sidebar.title.in-library" = { fg = "mist", modifiers = ["bold"] }
"ui.sidebar.summary" = "dim"
"ui.sidebar.selected" = { fg = "cream", bg = "selection", modifiers = ["bold"] }
"ui.sidebar.part" = { fg = "tan", modifiers = ["bold"] }

"ui.statusbar" = { fg = "text", bg = "bar" }
"ui.statusbar.mode" = { fg = "black", bg = "green", modifiers = ["bold"] }
"ui.statusbar.message" = { fg = "gold", bg = "bar" }

"ui.help" = { fg = "text", bg = "panel" }
"ui.help.key" = { fg = "gold", bg = "panel", modifiers = ["bold"] }
"ui.help.title" = { fg = "peach", bg = "panel", modifiers = ["bold"] }

[palette]
black = 16
text = 252
dim = 244
border = 242
shade = 238
bar = 236
panel = 235
cream = 230
selection = 24
peach = 223
gold = 222
tan = 180
sage = 151
mist = 152
moss = 65
green = 108
orange = 208

# On a light background (detected, or background = "light" in config.toml): dark accents.
[light]
"ui.border" = "rule"
"ui.header" = { fg = "muted", modifiers = ["bold"] }
"ui.list.date" = "muted"
"ui.list.selected" = { fg = "paper", bg = "ink-blue", modifiers = ["bold"] }
"ui.list.selected.unfocused" = { fg = "ink", bg = "shade" }
"ui.list.current" = "rust"
"ui.list.context" = "muted"
"ui.list.hit" = { fg = "ink", bg = "highlight", modifiers = ["bold", "underline"] }
"ui.reading.title" = { fg = "ink-red", modifiers = ["bold"] }
"ui.reading.meta" = "muted"
"ui.reading.lead" = "forest"
"ui.reading.lead.bar" = "leaf"
"ui.reading.heading" = { fg = "rust", modifiers = ["bold"] }
"ui.reading.trailer" = "muted"
"ui.search.match" = { fg = "ink", bg = "highlight" }
"ui.search.current" = { fg = "paper", bg = "rust", modifiers = ["bold", "underline"] }
"ui.bookmark" = "rust"
"ui.sidebar.title.in-library" = { fg = "ink-blue", modifiers = ["bold"] }
"ui.sidebar.summary" = "muted"
"ui.sidebar.selected" = { fg = "paper", bg = "ink-blue", modifiers = ["bold"] }
"ui.sidebar.part" = { fg = "rust", modifiers = ["bold"] }
"ui.statusbar" = { fg = "ink", bg = "bar" }
"ui.statusbar.mode" = { fg = "paper", bg = "leaf", modifiers = ["bold"] }
"ui.statusbar.message" = { fg = "ink-red", bg = "bar" }
"ui.help" = { fg = "ink", bg = "panel" }
"ui.help.key" = { fg = "ink-red", bg = "panel", modifiers = ["bold"] }
"ui.help.title" = { fg = "ink-blue", bg = "panel", modifiers = ["bold"] }

[light.palette]
ink = 235
muted = 242
rule = 245
shade = 252
bar = 253
panel = 255
paper = 231
ink-blue = 25
ink-red = 124
rust = 130
forest = 22
leaf = 28
highlight = "#ffd787"
"""
}
