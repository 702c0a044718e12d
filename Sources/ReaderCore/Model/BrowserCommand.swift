/// How to run the browser `$BROWSER` names for a link: argument vectors, never a shell line.
///
/// `$BROWSER` is a list of commands separated by `:`, each tried in turn until one runs; a
/// command is words separated by spaces (no quoting), where `%s` stands for the link and
/// `%%` for `%`; a command without `%s` gets the link as its last argument. The link is
/// always one argument of its own, whatever it holds.
public struct BrowserCommand: Hashable, Sendable {
    public var arguments: [String]

    /// Whether the browser draws in the terminal (lynx, w3m…): the reader gives the terminal
    /// back and waits for it. Any other runs detached, its output thrown away.
    public var usesTerminal: Bool {
        guard let program = arguments.first else { return false }
        let name = program.split(separator: "/").last.map(String.init) ?? program
        return Self.terminalBrowsers.contains(name)
    }

    /// Browsers that draw in the terminal they are started in.
    public static let terminalBrowsers: Set<String> = ["lynx", "w3m", "links", "links2", "elinks", "browsh", "www-browser", "carbonyl"]

    /// The commands `browser` names for `url`, in the order to try them; empty when it names none.
    public static func commands(browser: String, url: String) -> [BrowserCommand] {
        browser.split(separator: ":").compactMap { entry in
            let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { return nil }
            var placed = false
            var arguments = words.map { word -> String in
                var out = ""
                var chars = word.makeIterator()
                while let c = chars.next() {
                    guard c == "%" else { out.append(c); continue }
                    switch chars.next() {
                    case "s": out += url; placed = true
                    case "%": out.append("%")
                    case let other?: out.append("%"); out.append(other)
                    case nil: out.append("%")
                    }
                }
                return out
            }
            if !placed { arguments.append(url) }
            return BrowserCommand(arguments: arguments)
        }
    }
}
