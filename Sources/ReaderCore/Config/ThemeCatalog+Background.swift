extension ThemeCatalog {
    /// Whether `COLORFGBG` (`fg;bg` or `fg;default;bg`, set by rxvt, Konsole and others) says
    /// the terminal's background is light: its last field is a colour other than 0–6 and 8,
    /// the dark ones (the rule vim uses). Nil when the variable is missing or unreadable.
    public static func backgroundIsLight(colorFGBG: String?) -> Bool? {
        guard let value = colorFGBG, let last = value.split(separator: ";").last, let bg = Int(last) else { return nil }
        guard (0...255).contains(bg) else { return nil }
        return !((0...6).contains(bg) || bg == 8)
    }
}
