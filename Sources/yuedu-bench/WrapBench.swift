// In-process wrapping throughput: wraps every line of a text file as a paragraph, several
// times, and prints the median MB/s.
//
//     swift build -c release --product yuedu-bench
//     .build/release/yuedu-bench wrap FILE [WIDTH] [RUNS]
import Foundation
import ReaderCore

/// Wraps every line of the file named by `arguments[0]` at `arguments[1]` columns (78),
/// `arguments[2]` times (7), and prints the median throughput.
func benchmarkWrap(_ arguments: [String]) {
    guard let path = arguments.first else {
        FileHandle.standardError.write(Data("usage: yuedu-bench wrap FILE [WIDTH] [RUNS]\n".utf8))
        exit(2)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("yuedu-bench wrap: cannot read \(path)\n".utf8))
        exit(1)
    }
    let width = arguments.count > 1 ? Int(arguments[1]) ?? 78 : 78
    let runs = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
    let paragraphs = String(decoding: data, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { Sanitizer.displayable(String($0)) }
    let megabytes = Double(data.count) / 1_000_000

    var rates: [Double] = []
    var lineCount = 0
    for _ in 0..<runs {
        var lines = 0
        let seconds = milliseconds {
            for p in paragraphs { lines += wrap(p, width: width).count }
        } / 1000
        rates.append(megabytes / seconds)
        lineCount = lines
    }
    rates.sort()
    print(String(format: "wrap(): %.2f MB, width %d, %d lines; median %.1f MB/s over %d runs (min %.1f, max %.1f)",
                 megabytes, width, lineCount, rates[rates.count / 2], runs, rates.first!, rates.last!))
}
