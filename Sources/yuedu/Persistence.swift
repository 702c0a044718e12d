import Foundation
import ReaderCore
import ReaderUI

/// The reader's bookmarks and reading positions on disk: runs the effects `AppState.apply`
/// asks for against the stores, and reports back to the state.
///
/// A bookmark is written at once. Positions are kept in memory and written about a second
/// after the last scroll (at most `maximumDelay` after the first unsaved one, for a reader
/// who never stops scrolling) and on every way out (`flush`). Problems come back as status
/// bar messages; nothing here throws. Main thread only.
final class Persistence {
    private var bookmarkStore: BookmarkStore
    private var positionStore: PositionStore
    /// When the unsaved positions are due to be written; nil when there are none.
    private(set) var saveDeadline: Date?
    private var firstUnsaved: Date?
    /// What `flush` reported on the way out, for stderr once the terminal is back.
    var exitMessages: [String] = []

    /// The pause after the last scroll before positions are written.
    let delay: TimeInterval
    let maximumDelay: TimeInterval

    init(paths: PersistencePaths, delay: TimeInterval = 1, maximumDelay: TimeInterval = 5) {
        bookmarkStore = BookmarkStore(paths: paths)
        positionStore = PositionStore(paths: paths)
        self.delay = delay
        self.maximumDelay = maximumDelay
    }

    /// Reads both files and gives the state what it shows: marks, percentages, and the open
    /// article's place.
    func load(into state: inout AppState) {
        let messages = bookmarkStore.reload() + positionStore.reload()
        state.adoptBookmarks(bookmarkStore.bookmarks.map(\.key))
        state.adoptPositions(positionStore.positions)
        show((state.message.map { [$0] } ?? []) + messages, in: &state)
    }

    /// Runs one effect of `apply`; returns false for effects that are not about persistence.
    func run(_ effect: Effect, on state: inout AppState, now: Date = Date()) -> Bool {
        switch effect {
        case .toggleBookmark(let article):
            let change = bookmarkStore.toggle(article, now: now)
            state.adoptBookmarks(bookmarkStore.bookmarks.map(\.key))
            var messages = change.messages
            if messages.isEmpty {
                messages = [(change.isBookmarked ? "bookmarked: " : "bookmark removed: ") + article.title]
            } else if !change.saved {
                messages.insert("bookmark not saved yet (kept in memory, retried with the next change)", at: 0)
            }
            show(messages, in: &state)
            return true
        case .savePosition(let key, let position):
            positionStore.set(position, for: key, now: now)
            let first = firstUnsaved ?? now
            firstUnsaved = first
            saveDeadline = min(now.addingTimeInterval(delay), first.addingTimeInterval(maximumDelay))
            return true
        default:
            return false
        }
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
        savePositions() + bookmarkStore.save()
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
