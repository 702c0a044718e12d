import Foundation
import ReaderCore
import ReaderUI
import Grid
import Terminal

/// Builds the library's similarity index away from the main thread, so the first screen
/// never waits for it, and hands it to the reader loop.
///
/// The mechanism: `start(_:)` runs `SimilarityIndex.build` on a thread of its own
/// (`ParallelWork.detach`; Dispatch's pool would wake an idle reader every second). When it is done, the thread puts the index in a lock-guarded box and
/// calls `TerminalSession.wakeUp()`, which writes a byte to the pipe the loop already polls
/// for signals. The loop, waiting in `events(timeout:)`, gets a `.wake` event and calls
/// `deliver(to:)` on the main thread, which moves the index into `AppState`. Until then the
/// sidebar's second part shows `…`. No thread but the main one ever touches the state.
final class BackgroundSimilarity: @unchecked Sendable {
    private let lock = NSLock()
    /// The newest index built and not yet delivered, with the library generation it is of.
    private var built: (index: SimilarityIndex, generation: Int)?

    /// Starts building the index of `articles` (the library, in the state's order), which are
    /// the state's library generation `generation`. Builds may overlap after a reload: one of
    /// an older generation never replaces a newer one, and the state takes only the index of
    /// the library it has.
    func start(_ articles: [Article], generation: Int) {
        ParallelWork.detach { [self] in
            let index = SimilarityIndex.build(articles)
            lock.withLock {
                if built.map({ $0.generation < generation }) ?? true { built = (index, generation) }
            }
            TerminalSession.wakeUp()
        }
    }

    /// On the main thread, after a `.wake`: gives the index to `state` if it is ready.
    func deliver(to state: inout AppState) {
        guard let built = lock.withLock({ () -> (index: SimilarityIndex, generation: Int)? in
            defer { built = nil }
            return built
        }) else { return }
        state.setSimilarityIndex(built.index, generation: built.generation)
    }
}
