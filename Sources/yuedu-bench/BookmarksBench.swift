// `yuedu-bench bookmarks [COUNT]`: a bookmarks file of COUNT entries (100,000 by default).
// What a key press costs: before, the write on the key path (`BookmarkStore.toggle`: lock,
// read, decode, change, encode, write, fsync); now, the list shown and the state updated
// (`BookmarkList.toggle`, `AppState.adoptBookmarks`), the write going to another thread.
// And the load, which no longer holds up the first frame.
import Foundation
import ReaderCore
import ReaderUI

func benchmarkBookmarks(_ arguments: [String]) {
    let count = arguments.first.flatMap(Int.init) ?? 100_000
    let dir = NSTemporaryDirectory() + "yuedu-bench-bookmarks-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = dir + "/bookmarks.json"
    var text = "{\n  \"bookmarks\" : [\n"
    for i in 0..<count {
        text += "    {\n      \"added\" : \"2026-11-29T17:01:02.000Z\",\n      \"key\" : {\n"
        text += "        \"date\" : \"2024-03-01\",\n        \"path\" : \"/library/articles/article-\(i).txt\",\n"
        text += "        \"title\" : \"第\(i)篇文章：数字乡村与快递进村的实践\"\n      },\n"
        text += "      \"title\" : \"第\(i)篇文章：数字乡村与快递进村的实践\"\n    }" + (i + 1 < count ? ",\n" : "\n")
    }
    text += "  ],\n  \"version\" : 1\n}\n"
    FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
    print("bookmarks: \(count) entries, \(text.utf8.count / 1_000_000) MB")

    var store = BookmarkStore(file: file)
    let loads = (0..<5).map { _ in milliseconds { _ = store.reload() } }
    print("load (BookmarkStore.reload, now off the first frame): median \(format(median(loads)))")

    let article = Article(title: "新收藏的文章", date: ArticleDate(year: 2026, month: 11, day: 30))
    let writes = (0..<6).map { _ in milliseconds { _ = store.toggle(article) } }
    print("before: key press writes the file (BookmarkStore.toggle): median \(format(median(writes)))")

    // The reader's state with a library of 1,000 articles, the bookmarks adopted.
    let articles = (0..<1_000).map { Article(title: "文章\($0)", date: ArticleDate(year: 2024, month: 1, day: 1 + $0 % 28)) }
    var state = AppState(articles: articles, width: 120, height: 40)
    var list = BookmarkList(store.bookmarks.map(\.key))
    state.adoptBookmarks(list.keys)
    let key = ArticleKey(article)
    let presses = (0..<21).map { _ in
        milliseconds {
            list.toggle(key)
            state.adoptBookmarks(list.keys)
        }
    }
    print("now: key press updates the list and the state: median \(format(median(presses))), p99 \(format(p99(presses)))")
    print("ratio before / now: \(String(format: "%.0f", median(writes) / median(presses)))×")
}
