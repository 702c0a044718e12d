import Foundation

/// A document of per-article state (read marks, reading positions) merged per article, the
/// later `updated` winning.
protocol KeyedDocument: DurableDocument where Entry: Sendable {
    /// The entries, one per article.
    var entries: [Entry] { get }
    /// The article an entry is about.
    static func key(of entry: Entry) -> ArticleKey
    /// Merges `entries` in, per key, the later winning; whether anything changed.
    mutating func merge(_ entries: [ArticleKey: Entry]) -> Bool
}

/// What the per-article stores share: the entries in memory, those set since the last save,
/// and saving and reading again through `DurableFile`, merging per article with what other
/// yuedu processes saved. A failed save keeps the changes for the next one; unsaved entries
/// stay on top of what is read. A value: keep one, on one thread.
struct KeyedStateFile<Document: KeyedDocument>: Sendable {
    let file: String
    private var durable: DurableFile<Document>
    private(set) var entries: [ArticleKey: Document.Entry] = [:]
    private var dirty: [ArticleKey: Document.Entry] = [:]

    init(file: String) {
        self.file = file
        durable = DurableFile(path: file)
    }

    /// Whether some entry is set but not yet saved.
    var hasUnsavedChanges: Bool { !dirty.isEmpty }

    /// Sets the entry of `key`. Memory only: see `save()`.
    mutating func set(_ entry: Document.Entry, for key: ArticleKey) {
        entries[key] = entry
        dirty[key] = entry
    }

    /// Writes the entries set since the last save, merged into the file as it is now.
    /// Returns messages; nothing happens (and nothing is read) when nothing changed.
    mutating func save() -> [String] {
        guard !dirty.isEmpty else { return [] }
        let changes = dirty
        let outcome = durable.transaction { $0.merge(changes) }
        if outcome.saved { dirty.removeAll() }
        adopt(outcome.read ? outcome.document : nil)
        return outcome.messages
    }

    /// Reads the file again (other processes' entries); unsaved ones stay on top.
    mutating func reload() -> [String] {
        let outcome = durable.transaction(write: false)
        adopt(outcome.read ? outcome.document : nil)
        return outcome.messages
    }

    private mutating func adopt(_ document: Document?) {
        guard var document else {
            for (key, entry) in dirty { entries[key] = entry }
            return
        }
        _ = document.merge(dirty)
        entries = Dictionary(document.entries.map { (Document.key(of: $0), $0) }, uniquingKeysWith: { a, _ in a })
    }
}
