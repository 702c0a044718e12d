import Grid
import ReaderCore

extension StatusBar {
    /// The library's part of the status bar: loading progress and skipped files, e.g.
    /// " loading 12,288/100,000 · 3 skipped — press S ·", or "" when there is nothing to say.
    static func libraryNote(_ state: AppState, width: Int = .max) -> String {
        var parts: [String] = []
        if let loading = state.loading {
            let verb = loading.reloading ? "reloading" : "loading"
            parts.append(loading.filesTotal == 0 ? "\(verb)…"
                         : "\(verb) \(grouped(loading.filesRead))/\(grouped(loading.filesTotal))")
        }
        if !state.skipped.isEmpty {
            // The long form, a short one, or none: never a cut word.
            let count = grouped(state.skipped.count)
            let key = state.keymap.label(for: .showSkipped)
            let forms = key.map { ["\(count) skipped — press \($0)", "\(count) skipped (\($0))"] } ?? ["\(count) skipped"]
            let used = parts.isEmpty ? 0 : DisplayWidth.of(" " + parts.joined(separator: " · ")) + 3
            if let form = forms.first(where: { used + 1 + DisplayWidth.of($0) <= width }) { parts.append(form) }
        }
        let note = parts.isEmpty ? "" : " " + parts.joined(separator: " · ")
        return DisplayWidth.of(note) <= width ? note : ""
    }

    /// 12288 → "12,288".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }
}
