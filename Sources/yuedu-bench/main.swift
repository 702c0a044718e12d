// In-process wrapping throughput: wraps every line of a text file as a paragraph, several
// times, and prints the median MB/s. Usage: yuedu-bench FILE [WIDTH] [RUNS]
import Foundation
import ReaderCore

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: yuedu-bench FILE [WIDTH] [RUNS]\n".utf8))
    exit(2)
}
let width = arguments.count > 2 ? Int(arguments[2]) ?? 78 : 78
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 7 : 7
let paragraphs = String(decoding: data, as: UTF8.self)
    .split(separator: "\n", omittingEmptySubsequences: false)
    .map { Sanitizer.displayable(String($0)) }
let megabytes = Double(data.count) / 1_000_000

var rates: [Double] = []
var lineCount = 0
for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    var lines = 0
    for p in paragraphs { lines += wrap(p, width: width).count }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    rates.append(megabytes / seconds)
    lineCount = lines
}
rates.sort()
print(String(format: "wrap(): %.2f MB, width %d, %d lines; median %.1f MB/s over %d runs (min %.1f, max %.1f)",
             megabytes, width, lineCount, rates[rates.count / 2], runs, rates.first!, rates.last!))
