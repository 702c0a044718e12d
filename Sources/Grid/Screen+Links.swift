/// A stretch of one row whose cells the terminal must be given again with their link: the
/// cells `x..<end` of row `y`, all linking to `target`, or, with a nil target, cells that
/// lost their link while looking the same (the terminal would keep the old one).
public struct LinkRun: Hashable, Sendable {
    public var y: Int
    public var x: Int
    public var end: Int
    public var target: String?

    public init(y: Int, x: Int, end: Int, target: String?) {
        self.y = y
        self.x = x
        self.end = end
        self.target = target
    }
}

extension Screen {
    /// The link runs of `rows` that differ from `old` (all of them when `old` is nil or of
    /// another size): a run of cells with the same target, whole clusters, in which any cell
    /// changed; and the runs of cells that had a link in `old` and have none now though
    /// their text and style are the same, which a terminal diff would leave linked. Rows
    /// without a link in either frame cost one look at each cell.
    public func linkRuns(changedSince old: Screen?, rows: [Int]) -> [LinkRun] {
        let old = old.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        var runs: [LinkRun] = []
        for y in rows where y >= 0 && y < height {
            var x = 0
            while x < width {
                let cell = self[x, y]
                if let target = cell.link {
                    var end = x + 1
                    while end < width, self[end, y].link == target { end += 1 }
                    let changed = old.map { old in (x..<end).contains { old[$0, y] != self[$0, y] } } ?? true
                    if changed { runs.append(LinkRun(y: y, x: x, end: end, target: target)) }
                    x = end
                    continue
                }
                if let old, !cell.isContinuation, old[x, y].link != nil, old[x, y].text == cell.text,
                   old[x, y].style == cell.style {
                    var end = x + 1
                    while end < width, self[end, y].link == nil, old[end, y].link != nil,
                          old[end, y].text == self[end, y].text, old[end, y].style == self[end, y].style {
                        end += 1
                    }
                    runs.append(LinkRun(y: y, x: x, end: end, target: nil))
                    x = end
                    continue
                }
                x += 1
            }
        }
        return runs
    }
}
