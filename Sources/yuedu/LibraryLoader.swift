import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// Brings the library into the state without blocking the screen, from its index when there
/// is one, and keeps it up to date; `R` refreshes it. Main thread only, except for the threads
/// it starts.
///
/// With an index: the list comes from the index at once (heads only; the open article's body
/// is read from its file by `ArticleBodies`), then a background pass stats every file, reads
/// only new or changed ones into the index, and the refreshed list replaces the shown one in
/// place (the open article and its place stay). The full-text rows of what it wrote, and
/// then the similar-article lists missing from the index, are computed after that, in the
/// same thread. Without an index (`--no-index`, or a
/// cache folder that cannot be written), the files are read whole in batches, as before.
final class LibraryLoader {
    enum Message: Sendable {
        case batch(LoadProgress)
        case loaded(ArticleStore)
        case reloaded(ArticleStore, LibraryChanges)
        /// A first build has read these articles (none shown before; in any order).
        case indexed([Article], skipped: [SkippedFile], done: Int, total: Int)
        /// A refresh has checked `done` of `total` files.
        case progress(done: Int, total: Int)
        /// A refresh of the index is done: the list as the index now holds it, nil when the
        /// refresh changed nothing in the index (the list shown is the index's).
        case refreshed(StoredListing?, walkSkipped: [SkippedFile], LibraryChanges, firstBuild: Bool)
        /// New similar-article lists are in the index.
        case similarReady
        /// The library is too large for the reader to rank: lists missing from the index
        /// are left to `yuedu index`.
        case similarLeftToIndex
        /// The index cannot be used any more (e.g. the disk is full): read the files instead.
        case indexFailed(String)
    }

    let roots: [String]
    let inbox: Inbox<Message>
    /// The index, nil when reading the files directly.
    private(set) var index: LibraryIndex?
    /// The bodies of a list of heads, when the list comes from the index.
    let bodies: ArticleBodies?
    /// The library as last read in full, without an index: what a reload compares with.
    private var store: ArticleStore?
    /// Set when the whole library has been delivered and, with an index, checked against the
    /// files (tests and benchmarks use it).
    private(set) var finished = false
    /// Set once the list holds the whole library as last known (from the index, at once).
    private(set) var listed = false
    /// A refresh of the index is running.
    private var refreshing = false
    /// The library was listed from the index and its files are to be checked after the
    /// first frame.
    private var checkAfterFirstFrame = false
    /// The skipped files of the listing last shown from the index (without those the walk
    /// of the folders found).
    private var indexSkipped: [SkippedFile] = []
    /// Articles a first build has read that are not in the list yet, and when the list may
    /// take them (see `take`).
    private var held: [Article] = []
    private var nextTake = Date.distantPast
    /// How often the list takes the articles a first build reads: each time costs a merge
    /// of the whole list so far, so taking each batch of 1,024 as it comes would cost a
    /// hundred merges of up to 100,000 articles, more than the build itself. At least this
    /// long apart, and at least four times as long as the last one took (merging takes at
    /// most a fifth of the screen's time however large the list grows).
    static let takeInterval: TimeInterval = 0.5

    /// Called once the whole library is in, without an index (e.g. to rank similar articles).
    var onLoaded: ((AppState) -> Void)?

    init(roots: [String], index: LibraryIndex?) {
        self.roots = roots
        self.index = index
        bodies = index.map { ArticleBodies(store: $0) }
        inbox = Inbox()
    }

    /// Starts bringing the library in; what arrives is applied by `deliver(into:)`.
    func start(_ state: inout AppState) {
        state.beginLoading()
        guard let index else {
            startReadingFiles()
            return
        }
        state.bodies = bodies
        state.keptSimilar = { id in (try? index.similar(to: id)) ?? nil }
        var firstBuild = true
        do {
            let listing = try index.listing()
            if !listing.articles.isEmpty || !listing.skipped.isEmpty {
                let count = listing.articles.count + listing.skipped.count
                state.addArticles(listing.articles, skipped: listing.skipped, filesRead: count, filesTotal: count)
                indexSkipped = listing.skipped
                firstBuild = false
                listed = true
            }
        } catch {
            inbox.post(.indexFailed("the library index cannot be read (\(error))"))
            return
        }
        if firstBuild {
            refresh(firstBuild: true)
        } else {
            // Checked once the list is on screen: on a small machine the check's threads
            // would take the cores the first frame needs.
            checkAfterFirstFrame = true
        }
    }

    /// The first frame is drawn: the files of a library listed from the index are checked now.
    func firstFrameDrawn() {
        guard checkAfterFirstFrame else { return }
        checkAfterFirstFrame = false
        refresh(firstBuild: false)
    }

    /// `R`, or a file found changed: check the files again in the background.
    func reload() {
        if index != nil {
            refresh(firstBuild: false)
            return
        }
        guard let store else { return }
        let roots = roots, inbox = inbox
        Self.spawn {
            let (new, changes) = store.reloaded(paths: roots)
            inbox.post(.reloaded(new, changes))
        }
    }

    /// Says what `ArticleBodies` found on opening an article (its file changed or is gone) and
    /// refreshes the index; true when there was something to say.
    func takeBodyNotices(into state: inout AppState) -> Bool {
        guard let bodies else { return false }
        let notices = bodies.takeNotices()
        guard let last = notices.last else { return false }
        state.show(message: last)
        if bodies.stale {
            bodies.refreshRequested()
            reload()
        }
        return true
    }

    private func refresh(firstBuild: Bool) {
        guard let index, !refreshing else { return }
        refreshing = true
        let roots = roots, inbox = inbox
        Self.spawn {
            var shown = Set<ArticleKey>()
            do {
                let result = try LibraryRefresh.run(store: index, roots: roots) { progress in
                    guard firstBuild else {
                        inbox.post(.progress(done: progress.done, total: progress.total))
                        return
                    }
                    // A first build shows the articles as they are indexed.
                    // In path order: the list sorts what it takes (`take`).
                    let fresh = progress.written.filter { shown.insert(ArticleKey($0)).inserted }
                    inbox.post(.indexed(fresh, skipped: progress.skipped, done: progress.done, total: progress.total))
                }
                // Nothing written: the list shown is the index's, and reading it again (a
                // second copy of the library in memory) is not needed.
                let unchanged = !firstBuild && result.changes.isEmpty && result.counts.skipped == 0
                let listing = unchanged ? nil : try index.listing()
                inbox.post(.refreshed(listing, walkSkipped: result.walkSkipped, result.changes, firstBuild: firstBuild))
                // The list is complete; what the refresh wrote is now read whole, for the
                // rest of each row and the search rows (search checks the articles not yet
                // written in their files meanwhile). The list shows and sorts by nothing the
                // rest of a row holds, so it stays as it is.
                try index.completeFullText()
                let articles = result.counts.unchanged + result.counts.indexed + result.counts.changed
                if articles > LibrarySimilarity.readerLimit {
                    if try !index.lackingSimilar(limit: 1).isEmpty { inbox.post(.similarLeftToIndex) }
                } else if try !index.lackingSimilar(limit: 1).isEmpty,
                          try LibrarySimilarity.update(store: index, listing: (listing ?? index.listing()).articles) > 0 {
                    inbox.post(.similarReady)
                }
            } catch {
                inbox.post(.indexFailed("the library index cannot be written (\(error))"))
            }
        }
    }

    private func startReadingFiles() {
        let roots = roots, inbox = inbox
        Self.spawn {
            let store = ArticleStore.load(paths: roots) { inbox.post(.batch($0)) }
            inbox.post(.loaded(store))
        }
    }

    /// Applies what the background thread has sent since the last call (on `.wake`), and
    /// returns the effects the state asks for then (a library search run again when the
    /// library changed under it).
    func deliver(into state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for message in inbox.drain() {
            if case .indexed(let articles, let skipped, let done, let total) = message {
                take(articles, skipped: skipped, done: done, total: total, into: &state)
                continue
            }
            flushHeld(into: &state)
            switch message {
            case .batch(let p):
                state.addArticles(p.shown, skipped: p.skipped, filesRead: p.filesRead, filesTotal: p.filesTotal)
            case .loaded(let store):
                self.store = store
                finished = true
                listed = true
                state.finishLoading()
                onLoaded?(state)
            case .reloaded(let store, let changes):
                self.store = store
                finished = true
                listed = true
                effects += state.replaceLibrary(articles: store.articles, skipped: store.skipped, changes: changes)
                onLoaded?(state)
            case .indexed:
                break // taken above
            case .progress(let done, let total):
                state.addArticles([], filesRead: done, filesTotal: total)
            case .refreshed(let listing, let walkSkipped, let changes, let firstBuild):
                refreshing = false
                finished = true
                listed = true
                bodies?.forget((changes.changed + changes.removed).map { ArticleID(path: $0) })
                guard let listing else {
                    let skipped = walkSkipped + indexSkipped
                    if skipped != state.skipped {
                        effects += state.replaceLibrary(articles: state.articles, skipped: skipped, changes: changes)
                    } else {
                        state.finishLoading()
                    }
                    break
                }
                indexSkipped = listing.skipped
                let skipped = walkSkipped + listing.skipped
                if firstBuild, state.articles.count == listing.articles.count, state.skipped.count == skipped.count {
                    // The batches showed the articles as they came: nothing to say.
                    state.finishLoading()
                } else if !changes.isEmpty || skipped != state.skipped {
                    effects += state.replaceLibrary(articles: listing.articles, skipped: skipped, changes: changes)
                } else {
                    state.finishLoading()
                }
            case .similarReady:
                state.keptSimilarChanged()
            case .similarLeftToIndex:
                state.similarLeftToIndex()
            case .indexFailed(let reason):
                // Said once; from now on the files are read directly.
                index = nil
                refreshing = false
                state.bodies = nil
                state.keptSimilar = nil
                state.show(message: "\(reason): reading the files without an index")
                let roots = roots, inbox = inbox
                Self.spawn {
                    let store = ArticleStore.load(paths: roots)
                    inbox.post(.reloaded(store, LibraryChanges()))
                }
            }
        }
        return effects
    }

    /// A first build's batch: into the list at once when the list is empty or the last batch
    /// went in `takeInterval` ago, else held (the progress and the skipped files show at
    /// once) until then or until another message comes.
    private func take(_ articles: [Article], skipped: [SkippedFile], done: Int, total: Int, into state: inout AppState) {
        held += articles
        guard !held.isEmpty, state.articles.isEmpty || Date() >= nextTake else {
            state.addArticles([], skipped: skipped, filesRead: done, filesTotal: total)
            return
        }
        putHeld(into: &state, skipped: skipped, done: done, total: total)
    }

    /// Puts the held articles in the list (before any other message is applied).
    private func flushHeld(into state: inout AppState) {
        guard !held.isEmpty else { return }
        putHeld(into: &state, skipped: [], done: state.loading?.filesRead ?? 0, total: state.loading?.filesTotal ?? 0)
    }

    private func putHeld(into state: inout AppState, skipped: [SkippedFile], done: Int, total: Int) {
        let started = Date()
        // Sorted by position: moving whole articles about as a sort does costs more.
        let order = held.indices.sorted { ArticleStore.areInLibraryOrder(held[$0], held[$1]) }
        let batch = order.map { held[$0] }
        held = []
        state.addArticles(batch, skipped: skipped, filesRead: done, filesTotal: total)
        let now = Date()
        nextTake = now.addingTimeInterval(max(Self.takeInterval, 4 * now.timeIntervalSince(started)))
    }

    private static func spawn(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = 8 << 20
        thread.start()
    }
}
