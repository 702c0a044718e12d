import Foundation
import ReaderUI

/// The man page's own sections, in mdoc, and where they go in the generated page.
///
/// `generate-manual` writes NAME, SYNOPSIS, DESCRIPTION (the options and subcommands) and
/// EXIT STATUS from the command definitions. These sections go before EXIT STATUS: KEYS, made
/// from `Command.table` with the default keymap exactly as the help screen shows them, then
/// the written CONFIGURATION, FILES, ENVIRONMENT and EXAMPLES.
enum Manual {
    /// The generated page made whole: the help texts' non-ASCII characters put back (when
    /// `dumpHelp` is given, see `restoringUnicode`), the reader's usage in the SYNOPSIS, and
    /// the sections inserted before EXIT STATUS (or, without one, before AUTHORS or at the end).
    static func page(generated: String, dumpHelp: Data? = nil) -> String {
        let restored = dumpHelp.map { restoringUnicode(generated, dumpHelp: $0) } ?? generated
        var lines = restored.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        synopsis(&lines)
        let heading = { (name: String) in lines.firstIndex { $0.hasPrefix(".Sh") && $0.uppercased().contains(name) } }
        let at = heading("EXIT STATUS") ?? heading("AUTHORS") ?? lines.count
        lines.insert(contentsOf: sections.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), at: at)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The reader is the default subcommand, so the first synopsis line is `yuedu [path ...]`
    /// with the options generate-manual lists, and a second one gives the subcommands
    /// (generate-manual writes `yuedu subcommand [options]`).
    static func synopsis(_ lines: inout [String]) {
        guard let start = lines.firstIndex(of: ".Sh SYNOPSIS") else { return }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix(".Sh") } ?? lines.count
        guard var at = lines[start..<end].firstIndex(of: ".Ar subcommand") else { return }
        var end2 = end
        if lines[at - 1] == ".Oo", at + 1 < end, lines[at + 1] == ".Oc" {
            lines.remove(at: at + 1)
            lines.remove(at: at - 1)
            at -= 1
            end2 -= 2
        }
        lines[at] = ".Op Ar path ..."
        lines.insert(contentsOf: [".Nm", ".Ar subcommand", ".Op Ar argument ..."], at: end2)
    }

    /// All the sections, KEYS first, with no blank line (mdoc wants none).
    static var sections: String {
        [keys(Keymap()), configuration, files, environment, examples]
            .map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
            .joined(separator: "\n")
    }

    /// A key table row as the help screen shows it (`Keymap.helpRows`: the bindings in the
    /// command's first context, the help line), and the context it is configured in.
    static func rows(_ keymap: Keymap) -> [(command: Command, context: KeyContext, keys: String, help: String)] {
        keymap.helpRows().map { ($0.command, $0.command.info.contexts.first ?? .reader, $0.keys, $0.help) }
    }

    /// The KEYS section: one tagged item per row of the command table.
    static func keys(_ keymap: Keymap) -> String {
        var out = """
            .Sh KEYS
            The keys of the reader, as the help screen
            .Pq Sy \\&?
            lists them.
            In parentheses is the command's name in the
            .Cm [keys]
            table of the configuration
            .Pq Cm [keys.prompt] No for the search prompt ,
            where every key can be changed; the help screen always shows the keys actually bound.
            .Bl -tag -width "Space PgDn"

            """
        for row in rows(keymap) {
            out += ".It Sy \(quoted(row.keys))\n"
            out += text(row.help) + "\n"
            out += row.context == .reader ? ".Pq Cm \(row.command.name)\n" : ".Pq Cm \(row.command.name) No in Cm [\(row.context.configTable)]\n"
        }
        out += """
            .El
            .Pp
            A count before a key repeats it:
            .Sy 5j
            scrolls five lines,
            .Sy 3J
            goes three articles on.
            A pending count or key sequence shows at the right of the status bar;
            .Sy Esc
            drops it.
            The mouse wheel scrolls the pane under it; a click focuses a pane and selects in the
            list, and a click on the selected row opens it.
            Quit, suspend and repaint work whatever is open; every other key goes to what is on
            top (help, the skipped files, the related overlay), and
            .Sy Esc
            closes it.
            In the search prompt, keys that are not bound there are typed into the query, and
            .Sy Backspace
            deletes a character as you see it.

            """
        return out
    }

    /// One quoted mdoc argument: never read as a macro, `"` and `\` escaped.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    /// A line of text: `\` escaped, and a line that would start with `.` or `'` (a request)
    /// kept as text.
    static func text(_ s: String) -> String {
        let escaped = s.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
