// `yuedu-bench list [COUNT]`: the list of a library of COUNT articles (100,000 by default),
// as the reader keeps it. Read marks: `read.json` with every article read, saved and loaded
// (`ReadStateStore`, on the read-marks thread in the reader), the state adopting them (the
// unread count), and what `U` costs. Orders: what `O` costs, by date (library order, no sort)
// side by side with by title (pinyin keys, then a sort) and by site.
import Foundation
import ReaderCore
import ReaderUI

func benchmarkList(_ arguments: [String]) {
    let count = arguments.first.flatMap(Int.init) ?? 100_000
    let dir = NSTemporaryDirectory() + "yuedu-bench-list-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let sites = ["新华网", "人民网", "澎湃新闻", "Example Weekly", "中国电源产业网"]
    let articles = ArticleStore(articles: (0..<count).map { i in
        Article(title: "第\(i)篇：数字乡村与快递进村的实践\(i % 7 == 0 ? " Notes" : "")",
                date: ArticleDate(year: 2000 + i % 25, month: 1 + i % 12, day: 1 + i % 28), site: sites[i % sites.count],
                path: "/library/\(i).txt")
    }).articles
    print("library: \(count) articles")

    // Read marks.
    var store = ReadStateStore(file: dir + "/read.json")
    for article in articles { store.set(ArticleKey(article), read: true) }
    let save = milliseconds { _ = store.save() }
    let size = (try? FileManager.default.attributesOfItem(atPath: store.file)[.size] as? Int) ?? 0
    print("read marks: save \(count) (read.json, \(size / 1_000_000) MB): \(format(save))")
    var keys: Set<ArticleKey> = []
    let loads = (0..<3).map { _ in
        milliseconds {
            var fresh = ReadStateStore(file: store.file)
            fresh.reload()
            keys = fresh.readKeys
        }
    }
    print("read marks: load (off the first frame, on their thread): median \(format(median(loads)))")

    var state = AppState(articles: articles, width: 120, height: 40)
    let adopts = (0..<3).map { _ in milliseconds { state.adoptReadState(keys) } }
    print("state: adopt the marks and count the unread: median \(format(median(adopts)))")
    _ = state.apply(.focusNext)
    let presses = (0..<11).map { _ in milliseconds { _ = state.apply(.toggleRead) } }
    print("U (mark the selected article read / unread): median \(format(median(presses))), p99 \(format(p99(presses)))")

    // Orders: O from date to title, title to site, then back through progress to date.
    var byTitle: [Double] = [], bySite: [Double] = [], byProgress: [Double] = [], byDate: [Double] = []
    for _ in 0..<3 {
        byTitle.append(milliseconds { _ = state.apply(.cycleOrder) })
        bySite.append(milliseconds { _ = state.apply(.cycleOrder) })
        byProgress.append(milliseconds { _ = state.apply(.cycleOrder) })
        byDate.append(milliseconds { _ = state.apply(.cycleOrder) })
    }
    print("O to by date (library order): median \(format(median(byDate)))")
    print("O to by title (pinyin): median \(format(median(byTitle))), \(String(format: "%.1f", median(byTitle) / median(byDate)))× by date")
    print("O to by site: median \(format(median(bySite)))")
    print("O to by progress: median \(format(median(byProgress)))")

    // The first way keys were made, side by side: each Character's readings as Strings
    // (`PinyinTable.readings(of:)`), compared with `lexicographicallyPrecedes`.
    let table = PinyinTable.shared
    let first = (0..<3).map { _ in
        milliseconds {
            let keys = articles.map { article -> [UInt8] in
                var key: [UInt8] = []
                for character in article.title {
                    if let reading = table.readings(of: character).first {
                        key += Array(reading.utf8)
                        key.append(0x01)
                    } else if character.isLetter || character.isNumber {
                        key += Array(character.lowercased().utf8)
                    }
                }
                return key
            }
            _ = zip(articles.indices, keys).sorted { a, b in a.1 != b.1 ? a.1.lexicographicallyPrecedes(b.1) : a.0 < b.0 }
        }
    }
    let now = (0..<3).map { _ in
        milliseconds {
            let keys = articles.map { TitleSortKey.make($0.title) }
            var order = Array(keys.indices)
            order.sort { a, b in TitleSortKey.precedes(keys[a], keys[b]) || (keys[a] == keys[b] && a < b) }
        }
    }
    print("title sort, first way (readings as Strings): median \(format(median(first)))")
    print("title sort, now (table arrays, memcmp): median \(format(median(now))), \(String(format: "%.1f", median(first) / median(now)))× faster")
}
