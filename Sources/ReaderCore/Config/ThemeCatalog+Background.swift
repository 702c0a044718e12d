extension ThemeCatalog {
    /// The theme for a terminal whose background is light.
    public static let lightName = "light"

    /// Whether `COLORFGBG` (`fg;bg` or `fg;default;bg`, set by rxvt, Konsole and others) says
    /// the terminal's background is light: its last field is a colour other than 0–6 and 8,
    /// the dark ones (the rule vim uses). Nil when the variable is missing or unreadable.
    public static func backgroundIsLight(colorFGBG: String?) -> Bool? {
        guard let value = colorFGBG, let last = value.split(separator: ";").last, let bg = Int(last) else { return nil }
        guard (0...255).contains(bg) else { return nil }
        return !((0...6).contains(bg) || bg == 8)
    }

    /// The theme to use when neither `--theme` nor the configuration names one: `light` on a
    /// light background (see `backgroundIsLight`) when it is installed, else the default.
    public static func preferredName(environment: [String: String], installed: [String]) -> String {
        if backgroundIsLight(colorFGBG: environment["COLORFGBG"]) == true, installed.contains(lightName) {
            return lightName
        }
        return defaultName
    }
}
