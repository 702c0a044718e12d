// What building the similarity index costs in memory on a real library on disk.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench related-memory LIBRARY
import Foundation
import ReaderCore

/// Loads the library under `arguments[0]` with `ArticleStore.load`, builds the similarity index
/// and prints the peak and current resident set (VmHWM, VmRSS) before and after, with the time
/// the build took.
func benchmarkRelatedMemory(_ arguments: [String]) {
    guard let path = arguments.first else {
        FileHandle.standardError.write(Data("usage: yuedu-bench related-memory LIBRARY\n".utf8))
        exit(2)
    }
    var store = ArticleStore(articles: [])
    let load = milliseconds { store = ArticleStore.load(paths: [path]) }
    let articles = store.articles
    print("loaded \(articles.count) articles in \(format(load)); \(memoryStatus())")
    var index = SimilarityIndex(articles: [])
    let build = milliseconds { index = SimilarityIndex.build(articles) }
    print("built the index of \(index.count) articles in \(format(build)); \(memoryStatus())")
    print("index arrays: \(index.footprint / 1_048_576) MiB")
}

/// VmHWM and VmRSS of this process, from /proc/self/status (Linux).
func memoryStatus() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "no /proc" }
    return status.split(separator: "\n")
        .filter { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") }
        .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        .joined(separator: ", ")
}
