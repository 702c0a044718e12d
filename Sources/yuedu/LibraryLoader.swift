import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// Reads the library on a background thread and hands it to the main loop in batches, so that
/// the first screen appears at once and keys work while the rest loads; `R` reloads the same
/// way. Main thread only, except for the threads it starts.
final class LibraryLoader {
    enum Message: Sendable {
        case batch(LoadProgress)
        case loaded(ArticleStore)
        case reloaded(ArticleStore, LibraryChanges)
    }

    let roots: [String]
    let inbox: Inbox<Message>
    /// The library as last read in full: what a reload compares with.
    private var store: ArticleStore?
    /// Set when the whole library has been delivered (tests of the first screen use it).
    private(set) var finished = false

    /// Called once the whole library is in (e.g. to index it).
    var onLoaded: ((AppState) -> Void)?

    init(roots: [String]) {
        self.roots = roots
        inbox = Inbox()
    }

    /// Starts reading the library; batches arrive through `deliver(into:)`.
    func start(_ state: inout AppState) {
        state.beginLoading()
        let roots = roots, inbox = inbox
        Self.spawn {
            let store = ArticleStore.load(paths: roots) { inbox.post(.batch($0)) }
            inbox.post(.loaded(store))
        }
    }

    /// Starts reading the library again (the state asked with `Effect.reload`).
    func reload() {
        guard let store else { return }
        let roots = roots, inbox = inbox
        Self.spawn {
            let (new, changes) = store.reloaded(paths: roots)
            inbox.post(.reloaded(new, changes))
        }
    }

    /// Applies what the background thread has sent since the last call (on `.wake`).
    func deliver(into state: inout AppState) {
        for message in inbox.drain() {
            switch message {
            case .batch(let p):
                state.addArticles(p.shown, skipped: p.skipped, filesRead: p.filesRead, filesTotal: p.filesTotal)
            case .loaded(let store):
                self.store = store
                finished = true
                state.finishLoading()
                onLoaded?(state)
            case .reloaded(let store, let changes):
                self.store = store
                state.replaceLibrary(articles: store.articles, skipped: store.skipped, changes: changes)
                onLoaded?(state)
            }
        }
    }

    private static func spawn(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = 8 << 20
        thread.start()
    }
}
