import Foundation

extension Manual {
    /// Puts back what `generate-manual` left out of the help texts.
    ///
    /// Its escaping keeps ASCII characters only, so `阅读 — a reader` comes out as `  a reader`
    /// and `（` disappears from a discussion; and it escapes a leading `.` only on a text's
    /// first line, so a later line starting with one would be read as a request. `dumpHelp` is the same command definitions as
    /// JSON (`yuedu --experimental-dump-help`); each abstract and discussion with other
    /// characters is escaped the way generate-manual escapes it, once keeping ASCII only (the
    /// line it wrote) and once keeping everything (the line it meant), and the one replaces
    /// the other wherever it is a whole line.
    static func restoringUnicode(_ page: String, dumpHelp: Data) -> String {
        guard let json = try? JSONSerialization.jsonObject(with: dumpHelp) else { return page }
        var texts: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, field) in object {
                    if key == "abstract" || key == "discussion", let text = field as? String {
                        texts.insert(text)
                    } else {
                        collect(field)
                    }
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        var replacements: [String: String] = [:]
        for text in texts {
            // A text with line breaks is written as several lines (the breaks are ASCII, so
            // as many as it has); each is meant to be escaped as a line of its own, where
            // generate-manual escapes only the first.
            let written = textLine(text, asciiOnly: true).split(separator: "\n", omittingEmptySubsequences: false)
            let meant = text.split(separator: "\n", omittingEmptySubsequences: false).map { textLine(String($0), asciiOnly: false) }
            for (w, m) in zip(written, meant) where w != m { replacements[String(w)] = m }
            replacements[".Nd " + macroArgument(text, asciiOnly: true)] = ".Nd " + macroArgument(text, asciiOnly: false)
        }
        return page.split(separator: "\n", omittingEmptySubsequences: false)
            .map { replacements[String($0)] ?? String($0) }
            .joined(separator: "\n")
    }

    /// A text line as generate-manual escapes it: `\` as `\e`, `\&` before a leading `.`, `'`
    /// or blank.
    static func textLine(_ s: String, asciiOnly: Bool) -> String {
        var out = ""
        var atBeginning = true
        for c in s where !asciiOnly || c.isASCII {
            switch (c, atBeginning) {
            case ("\\", _): out += "\\e"; atBeginning = false
            case (".", true), ("'", true): out += "\\&" + String(c); atBeginning = false
            case (" ", true): out += "\\&" + String(c)
            default: out.append(c); atBeginning = false
            }
        }
        return out
    }

    /// A macro argument as generate-manual escapes it: `\e`, `\(dq`, newlines as blanks,
    /// quoted when it has a blank or is empty.
    static func macroArgument(_ s: String, asciiOnly: Bool) -> String {
        var out = ""
        var blank = false
        for c in s where !asciiOnly || c.isASCII {
            switch c {
            case " ": out.append(c); blank = true
            case "\\": out += "\\e"
            case "\"": out += "\\(dq"
            default:
                if c.isNewline { out.append(" "); blank = true } else { out.append(c) }
            }
        }
        return out.isEmpty || blank ? "\"" + out + "\"" : out
    }
}
