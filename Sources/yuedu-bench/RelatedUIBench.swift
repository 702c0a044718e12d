// The related sidebar in the UI on 10,000 generated articles.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench related-ui
import Foundation
import ReaderCore
import ReaderUI

/// The related sidebar's cost in the UI on 10,000 articles: opening an article (both lists
/// computed once) and a keystroke in the sidebar (apply + render), against a keystroke in the
/// reading pane, side by side.
func benchmarkRelatedUI() {
    var library = generatedLibrary(count: 10_000)
    // Give every article a related list of six library titles (retyped) and two foreign ones.
    for i in library.indices {
        library[i].related = (1...6).map { RelatedItem(title: library[(i + $0 * 37) % library.count].title + "！", summary: "摘要") }
            + [RelatedItem(title: "不在书库里的文章 \(i)", summary: "摘要"), RelatedItem(title: "Another missing \(i)", summary: "")]
    }
    var state = AppState(articles: library, width: 120, height: 40)
    let initTime = milliseconds { state = AppState(articles: library, width: 120, height: 40) }
    state.setSimilarArticles(SimilarArticles.build(state.articles))

    var openTimes: [Double] = []
    for _ in 0..<200 { openTimes.append(milliseconds { _ = state.apply(.nextArticle) }) }

    func keystrokes(_ state: inout AppState) -> [Double] {
        var times: [Double] = []
        for i in 0..<1000 {
            times.append(milliseconds {
                _ = state.apply(i % 40 < 20 ? .lineDown : .lineUp)
                _ = RootView.render(state)
            })
        }
        return times
    }
    var reading = state
    var sidebar = state
    _ = sidebar.apply(.related)
    let readingTimes = keystrokes(&reading)
    let sidebarTimes = keystrokes(&sidebar)
    print("AppState.init (title lookup of 10,000): \(format(initTime))")
    print("open an article (both related lists): median \(format(median(openTimes))) over 200")
    print("keystroke + render, reading pane: median \(format(median(readingTimes))); sidebar: median \(format(median(sidebarTimes))) (1000 each; ratio \(String(format: "%.2f", median(sidebarTimes) / median(readingTimes))))")
}
