import Foundation

/// A file that could not be read as an article, and why.
public struct SkippedFile: Hashable, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The library in memory: the articles read from the paths given, newest first.
public struct ArticleStore: Sendable {
    public private(set) var articles: [Article]
    public private(set) var skipped: [SkippedFile]

    public init(articles: [Article], skipped: [SkippedFile] = []) {
        self.articles = ArticleStore.sorted(articles)
        self.skipped = skipped
    }

    /// Reads every article under `paths` (files, or directories read recursively; hidden
    /// entries skipped). A file that cannot be read is recorded in `skipped`; the rest load.
    public static func load(paths: [String]) -> ArticleStore {
        var articles: [Article] = []
        var skipped: [SkippedFile] = []
        for file in ArticleFiles.list(paths: paths, skipped: &skipped) {
            switch ArticleFile.read(path: file) {
            case .success(let article): articles.append(article)
            case .failure(let problem): skipped.append(SkippedFile(path: file, reason: problem.reason))
            }
        }
        return ArticleStore(articles: articles, skipped: skipped)
    }

    static func sorted(_ articles: [Article]) -> [Article] {
        articles.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.title < b.title
            }
        }
    }

    /// The article whose title matches `title`, if the library has one.
    public func index(ofTitle title: String) -> Int? {
        articles.firstIndex { $0.title == title }
    }
}

/// Why a file is not an article.
public struct ArticleProblem: Error, Hashable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Reading one file into an article.
public enum ArticleFile {
    /// Files larger than this are not articles.
    public static let maximumSize = 32 * 1024 * 1024

    public static func read(path: String) -> Result<Article, ArticleProblem> {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumSize {
                return .failure(ArticleProblem("too large to be an article (\(size) bytes, limit \(maximumSize))"))
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failure(ArticleProblem("cannot be read (\(describe(error)))"))
        }
        if data.isEmpty { return .failure(ArticleProblem("empty file")) }
        if data.prefix(8192).contains(0) { return .failure(ArticleProblem("binary file, not text")) }
        let text = String(decoding: data, as: UTF8.self)
        guard let article = PlainTextFormat.parse(text, path: path) else {
            return .failure(ArticleProblem("no title line"))
        }
        return .success(article)
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoPermissionError { return "permission denied" }
        return ns.localizedDescription
    }
}

/// Finding article files under the paths a user gave.
public enum ArticleFiles {
    /// Files under `paths`, in a stable order. Hidden files and folders are skipped; a path
    /// that does not exist is recorded in `skipped`.
    public static func list(paths: [String], skipped: inout [SkippedFile]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                skipped.append(SkippedFile(path: path, reason: "no such file or directory"))
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                skipped.append(SkippedFile(path: path, reason: "directory cannot be read"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { found.append(full) }
            }
            files += found.sorted()
        }
        return files
    }
}
