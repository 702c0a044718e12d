import Foundation
import TestSupport
import Testing
@testable import ReaderCore
#if canImport(Glibc)
import Glibc
#endif

private let writerBinary = persistenceBuiltProduct("yuedu-bookmark-writer")

/// The fixture's step `n` (see Sources/yuedu-bookmark-writer/main.swift) applied to a set of
/// bookmarked step numbers.
private func applyStep(_ n: Int, to set: inout Set<Int>) {
    if n % 4 == 3 { set.remove(n - 2) } else { set.insert(n) }
}

/// The step numbers bookmarked in `file` by writers with `prefix`, read with
/// JSONSerialization (not the store's own decoder); nil when the file is not valid JSON.
private func stepsOnDisk(_ file: String, prefix: String) -> [Int]? {
    guard let data = FileManager.default.contents(atPath: file) else { return [] }
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let list = root["bookmarks"] as? [[String: Any]] else { return nil }
    return list.compactMap { ($0["title"] as? String).flatMap { Int($0.dropFirst(prefix.count + 1)) } }
}

private struct Run {
    var process: Process
    var output: Pipe
}

private func launch(_ binary: String, _ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    return Run(process: process, output: output)
}

/// The `ack N` lines of a finished run.
private func acknowledged(_ run: Run) -> [Int] {
    let text = String(decoding: run.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return text.split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
}

@Suite(.serialized) struct BookmarkCrashTests {
    /// Kills a writer with SIGKILL at random moments, hundreds of times: after every kill the
    /// file is valid JSON and holds exactly what was acknowledged, give or take the one step
    /// that was in flight.
    @Test func killedWriterLosesNothingAcknowledged() throws {
        let binary = try #require(writerBinary, "build the yuedu-bookmark-writer target first (swift build)")
        let dir = persistenceTemporaryDirectory()
        let file = dir + "/yuedu/bookmarks.json"
        let prefix = "崩溃"
        var expected = Set<Int>()
        var next = 0
        var kills = 0, acks = 0, inFlightLanded = 0
        let started = Date()
        var random = SystemRandomNumberGenerator()
        while kills < 300 && Date().timeIntervalSince(started) < 25 {
            let run = try launch(binary, [file, prefix, String(next), "1000000"])
            usleep(UInt32.random(in: 2_000...60_000, using: &random))
            kill(run.process.processIdentifier, SIGKILL)
            run.process.waitUntilExit()
            kills += 1
            #expect(run.process.terminationReason == .uncaughtSignal, "the writer stopped by itself")

            let acked = acknowledged(run)
            #expect(acked == Array(next..<(next + acked.count)), "acknowledgements in order")
            for n in acked { applyStep(n, to: &expected) }
            acks += acked.count
            let inFlight = next + acked.count
            var withInFlight = expected
            applyStep(inFlight, to: &withInFlight)

            guard let steps = stepsOnDisk(file, prefix: prefix) else {
                Issue.record("after kill \(kills): \(file) is not valid JSON:\n\(persistenceContents(file) ?? "")")
                return
            }
            #expect(steps.count == Set(steps).count, "no bookmark twice")
            let found = Set(steps)
            if found == withInFlight && found != expected { inFlightLanded += 1 }
            guard found == expected || found == withInFlight else {
                Issue.record("""
                    after kill \(kills) (acknowledged up to step \(inFlight - 1)): on disk \(found.sorted()), \
                    expected \(expected.sorted())
                    """)
                return
            }
            expected = found
            next = inFlight + 1
        }
        // The test means something only if writes were really interrupted.
        #expect(kills >= 50, "only \(kills) kills in the time allowed")
        #expect(acks >= 100, "only \(acks) acknowledged writes in \(kills) runs")
        print("BookmarkCrashTests: \(kills) kills, \(acks) acknowledged writes, in-flight write landed \(inFlightLanded) times, \(expected.count) bookmarks at the end, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")

        // No stale temporary file survives the next write.
        var store = BookmarkStore(file: file)
        #expect(store.reload().isEmpty)
        store.add(persistenceArticle("last"))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/yuedu").sorted()
        #expect(names == ["bookmarks.json", "bookmarks.json.lock"])
    }

    /// Two processes writing the same file at full speed, each its own bookmarks: the lock
    /// makes every read–change–write whole, so neither loses any.
    @Test func twoProcessesAtOnceLoseNothing() throws {
        let binary = try #require(writerBinary, "build the yuedu-bookmark-writer target first (swift build)")
        let dir = persistenceTemporaryDirectory()
        let file = dir + "/yuedu/bookmarks.json"
        let steps = 300
        let runs = try ["甲", "乙"].map { try launch(binary, [file, $0, "0", String(steps)]) }
        for run in runs { run.process.waitUntilExit() }
        var expected = Set<Int>()
        for n in 0..<steps { applyStep(n, to: &expected) }
        for run in runs {
            #expect(run.process.terminationStatus == 0)
            #expect(acknowledged(run).count == steps)
        }
        var store = BookmarkStore(file: file)
        #expect(store.reload().isEmpty)
        let titles = store.bookmarks.map(\.title)
        for prefix in ["甲", "乙"] {
            let mine = Set(titles.filter { $0.hasPrefix(prefix + " ") }.compactMap { Int($0.dropFirst(2)) })
            #expect(mine == expected, "\(prefix): missing \(expected.subtracting(mine).sorted()), extra \(mine.subtracting(expected).sorted())")
        }
    }
}
