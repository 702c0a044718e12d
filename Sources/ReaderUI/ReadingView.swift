import ReaderCore
import Grid

/// The reading pane: the open article's layout from `readingTop`.
enum ReadingView {
    static func render(_ state: AppState, into screen: inout Screen, theme: Theme) {
        let column = state.readingColumn
        guard let layout = state.layout else {
            screen.write(state.loading == nil ? "No articles." : "Loading…", x: column.x, y: column.y, maxWidth: column.width, style: theme.style("ui"))
            return
        }
        for row in 0..<column.height {
            let index = state.readingTop + row
            guard layout.lines.indices.contains(index) else { break }
            let line = layout.lines[index]
            guard let role = line.role else { continue }
            let y = column.y + row
            if role == .lead, line.indent > 0 {
                screen.put("┃", cellWidth: 1, x: column.x, y: y, style: theme.style("ui.reading.lead.bar"))
            }
            screen.write(line.text, x: column.x + line.indent, y: y, maxWidth: column.width - line.indent,
                         style: theme.style(scope(role)), ambiguousIsWide: state.wrapOptions.ambiguousIsWide)
        }
    }

    static func scope(_ role: ReadingRole) -> String {
        switch role {
        case .title: return "ui.reading.title"
        case .metadata: return "ui.reading.meta"
        case .lead: return "ui.reading.lead"
        case .heading: return "ui.reading.heading"
        case .paragraph: return "ui.reading.body"
        case .trailer: return "ui.reading.trailer"
        }
    }
}
