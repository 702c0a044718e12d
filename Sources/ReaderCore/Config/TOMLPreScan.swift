/// A linear look over TOML text before it reaches the TOML library, for what that library
/// does not report but aborts on: a table header whose name starts with a character that is
/// neither a bare-key character nor a quote (`[中文]`, `[é]`, `[!]`, `[ #]`) trips an
/// assertion in toml++ and ends the process. Such a header is reported with its line instead.
enum TOMLPreScan {
    /// The first header toml++ would abort on, as an issue naming its line; nil when none.
    static func unsafeHeader(in text: String) -> ConfigIssue? {
        let s = Array(text.unicodeScalars)
        let n = s.count
        var i = 0
        var line = 1
        var atLineStart = true
        var depth = 0   // brackets and braces open in a value (arrays may span lines)

        func at(_ k: Int) -> Unicode.Scalar? { k < n ? s[k] : nil }
        func isBlank(_ c: Unicode.Scalar?) -> Bool { c == " " || c == "\t" }
        /// Skips a string starting at `i` (on its opening quote); counts the lines it spans.
        func skipString() {
            let quote = s[i]
            let triple = at(i + 1) == quote && at(i + 2) == quote
            i += triple ? 3 : 1
            while i < n {
                let c = s[i]
                if c == "\\" && quote == "\"" { i += 2; continue }
                if c == "\n" {
                    line += 1
                    if !triple { return }
                }
                if c == quote {
                    if !triple { i += 1; return }
                    if at(i + 1) == quote && at(i + 2) == quote {
                        i += 3
                        // A closing """ may be followed by up to two more quotes that belong to the string.
                        while i < n && s[i] == quote { i += 1 }
                        return
                    }
                }
                i += 1
            }
        }

        while i < n {
            let c = s[i]
            switch c {
            case "\n":
                line += 1
                atLineStart = depth == 0
                i += 1
            case " ", "\t", "\r":
                i += 1
            case "#":
                while i < n && s[i] != "\n" { i += 1 }
            case "\"", "'":
                atLineStart = false
                skipString()
            case "[" where depth == 0 && atLineStart:
                atLineStart = false
                var j = i + 1
                var blank = false
                while isBlank(at(j)) { j += 1; blank = true }
                if at(j) == "[" && !blank {
                    j += 1
                    while isBlank(at(j)) { j += 1 }
                }
                if let first = at(j), !isKeyStart(first) {
                    let shown = first == "\n" || first == "\r" ? "the end of the line" : "'\(first)'"
                    return ConfigIssue(line: line, message: """
                        invalid TOML: a table name starts with a letter, a digit, - or _, or is \
                        quoted ("…"); found \(shown)
                        """)
                }
                i = j
            case "[", "{":
                atLineStart = false
                depth += 1
                i += 1
            case "]", "}":
                atLineStart = false
                depth = max(0, depth - 1)
                i += 1
            default:
                atLineStart = false
                i += 1
            }
        }
        return nil
    }

    /// What toml++ accepts first in a table name without aborting: a bare-key character, a
    /// quote, or `]` (which it reports as an empty name).
    private static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "-", "_", "\"", "'", "]": return true
        default: return false
        }
    }
}
