import Foundation
import ReaderCore
import ReaderUI

/// The reader's bookmarks and reading positions on disk: runs the effects `AppState.apply`
/// asks for against the stores, and reports back to the state.
///
/// A bookmark shows at once and is written at once, on the `BookmarkWriter`'s thread: the
/// key press never waits for the file. Positions are kept in memory and written about a
/// second after the last scroll (at most `maximumDelay` after the first unsaved one, for a
/// reader who never stops scrolling) and on every way out (`flush`). Problems come back as
/// status bar messages; nothing here throws. Main thread only.
final class Persistence {
    private var bookmarkWriter: BookmarkWriter
    private let bookmarkReports = Inbox<BookmarkWriter.Report>()
    /// The bookmarks as shown: newest first, with the changes not yet reported back.
    private var bookmarks = BookmarkList()
    /// Requests sent to the writer; its reports say how many it has done.
    private var submitted = 0
    private var positionStore: PositionStore
    private let readWriter: ReadMarksWriter
    private let readReports = Inbox<ReadMarksWriter.Report>()
    /// Marks sent to the writer, numbered, until a report says they are done: a load that
    /// reports after them must not undo them on screen.
    private var readSent: [(number: Int, key: ArticleKey, read: Bool)] = []
    private var readSubmitted = 0
    private let listOrder: StateValueStore
    private let searchHistory: SearchHistoryStore
    /// When the unsaved positions are due to be written; nil when there are none.
    private(set) var saveDeadline: Date?
    private var firstUnsaved: Date?
    /// What `flush` reported on the way out, for stderr once the terminal is back.
    var exitMessages: [String] = []

    /// The pause after the last scroll before positions are written.
    let delay: TimeInterval
    let maximumDelay: TimeInterval

    init(paths: PersistencePaths, delay: TimeInterval = 1, maximumDelay: TimeInterval = 5) {
        let reports = bookmarkReports
        bookmarkWriter = BookmarkWriter(store: BookmarkStore(paths: paths)) { reports.post($0) }
        positionStore = PositionStore(paths: paths)
        let readReports = readReports
        readWriter = ReadMarksWriter(store: ReadStateStore(paths: paths)) { readReports.post($0) }
        listOrder = StateValueStore(paths: paths, name: "list-order")
        searchHistory = SearchHistoryStore(paths: paths)
        self.delay = delay
        self.maximumDelay = maximumDelay
    }

    /// Reads the positions and gives the state what it shows (percentages, the open
    /// article's place); asks for the bookmarks, which arrive through `deliver`.
    func load(into state: inout AppState) {
        submit(.load)
        let messages = positionStore.reload()
        state.adoptPositions(positionStore.positions)
        state.adoptSearchHistory(searchHistory.load())
        // Read marks arrive from their thread (`deliver`): 100,000 of them take a while.
        readSubmitted += 1
        readWriter.submit(.load(positions: Array(positionStore.positions.keys)))
        if let order = listOrder.load().flatMap(ListOrder.init(rawValue:)) { state.adoptListOrder(order) }
        show((state.message.map { [$0] } ?? []) + messages, in: &state)
    }

    /// Takes in what the bookmark writer reported (call on `.wake`). The file's list replaces
    /// the one shown once every request sent has been done, so a report never undoes a
    /// change the user made after it was sent.
    func deliver(into state: inout AppState) {
        for report in bookmarkReports.drain() {
            var messages = report.messages
            if report.unsaved && !messages.isEmpty {
                messages.insert("bookmark not saved yet (kept in memory, retried with the next change)", at: 0)
            }
            show(messages, in: &state)
            // Only a list that differs from what the writer expected (another yuedu changed
            // the file, or it was read for the first time) is adopted whole.
            if report.done == submitted, let keys = report.keys {
                bookmarks.replace(with: keys)
                state.adoptBookmarks(bookmarks.keys)
            }
        }
    }

    /// Takes in what the read-marks writer reported (call on `.wake`).
    func deliverReadMarks(into state: inout AppState) {
        for report in readReports.drain() {
            show(report.messages, in: &state)
            readSent.removeAll { $0.number <= report.done }
            guard var keys = report.readKeys else { continue }
            for mark in readSent {
                if mark.read { keys.insert(mark.key) } else { keys.remove(mark.key) }
            }
            state.adoptReadState(keys)
        }
    }

    private func submit(_ request: BookmarkWriter.Request) {
        submitted += 1
        bookmarkWriter.submit(request)
    }

    /// Runs one effect of `apply`; returns false for effects that are not about persistence.
    func run(_ effect: Effect, on state: inout AppState, now: Date = Date()) -> Bool {
        switch effect {
        case .toggleBookmark(let article):
            // What the user sees decides add or remove; the writer applies it to the file.
            let key = ArticleKey(article)
            let isBookmarked = bookmarks.toggle(key)
            if isBookmarked {
                submit(.add(article, now))
                show(["bookmarked: " + article.title], in: &state)
            } else {
                submit(.remove(key))
                show(["bookmark removed: " + article.title], in: &state)
            }
            state.adoptBookmark(key, isBookmarked: isBookmarked)
            return true
        case .saveSearchHistory(let history):
            if let problem = searchHistory.save(history) { show([problem], in: &state) }
            return true
        case .savePosition(let key, let position):
            positionStore.set(position, for: key, now: now)
            scheduleSave(now: now)
            return true
        case .setRead(let key, let read):
            readSubmitted += 1
            readSent.append((readSubmitted, key, read))
            readWriter.submit(.set(key, read, now))
            return true
        case .saveListOrder(let order):
            if let problem = listOrder.save(order.rawValue) { show([problem], in: &state) }
            return true
        default:
            return false
        }
    }

    /// Positions and read marks are written about a second after the last change.
    private func scheduleSave(now: Date) {
        let first = firstUnsaved ?? now
        firstUnsaved = first
        saveDeadline = min(now.addingTimeInterval(delay), first.addingTimeInterval(maximumDelay))
    }

    /// The poll timeout for the loop: milliseconds until the pending save, or -1 (no
    /// wake-ups) when nothing waits.
    func timeout(now: Date = Date()) -> Int32 {
        guard let saveDeadline else { return -1 }
        return Int32(max(0, min(60_000, (saveDeadline.timeIntervalSince(now) * 1000).rounded(.up))))
    }

    /// Writes the positions when their time has come; returns whether it wrote.
    @discardableResult
    func saveIfDue(_ state: inout AppState, now: Date = Date()) -> Bool {
        guard let saveDeadline, saveDeadline <= now else { return false }
        show(savePositions(), in: &state)
        return true
    }

    /// Writes everything not yet written (on the way out); returns the messages.
    @discardableResult
    func flush() -> [String] {
        savePositions() + bookmarkWriter.finish() + readWriter.finish()
    }

    private func savePositions() -> [String] {
        saveDeadline = nil
        firstUnsaved = nil
        return positionStore.save()
    }

    private func show(_ messages: [String], in state: inout AppState) {
        guard !messages.isEmpty else { return }
        state.show(message: messages.joined(separator: "; "))
    }
}
