// yuedu-bookmark-writer: a test fixture for the crash and concurrency tests of BookmarkStore.
//
//     yuedu-bookmark-writer FILE PREFIX FROM COUNT
//
// Performs steps FROM ..< FROM+COUNT on the bookmarks file FILE, one durable write each, and
// after each write that is on disk prints `ack N` (N the step) on standard output, unbuffered.
// Step n removes the bookmark of step n-2 when n % 4 == 3, and otherwise adds
// "PREFIX n" (dated 2024-01-(n % 28 + 1)). A write that fails prints `fail N: message` and
// exits with status 1.
import Foundation
import ReaderCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func say(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes[done...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if n <= 0 { exit(2) }
        done += n
    }
}

func article(_ prefix: String, _ n: Int) -> Article {
    Article(title: "\(prefix) \(n)", date: ArticleDate(year: 2024, month: 1, day: n % 28 + 1),
            path: "/library/\(prefix)/\(n).txt")
}

let arguments = CommandLine.arguments
guard arguments.count == 5, let from = Int(arguments[3]), let count = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: yuedu-bookmark-writer FILE PREFIX FROM COUNT\n".utf8))
    exit(64)
}
var store = BookmarkStore(file: arguments[1])
let prefix = arguments[2]
for n in from..<(from + count) {
    let change = n % 4 == 3
        ? store.remove(ArticleKey(article(prefix, n - 2)))
        : store.add(article(prefix, n))
    guard change.saved else {
        say("fail \(n): \(change.messages.joined(separator: "; "))")
        exit(1)
    }
    say("ack \(n)")
}
