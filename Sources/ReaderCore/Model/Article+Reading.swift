/// What a block of the reading pane is, for styling.
public enum ReadingRole: Hashable, Sendable {
    case title, metadata, lead, heading, paragraph, trailer
}

/// One block of an article's text as the reader shows and searches it: sanitized, in
/// reading order. Reading positions and search matches are offsets into these blocks.
public struct ReadingBlock: Hashable, Sendable {
    public var role: ReadingRole
    public var text: String

    public init(role: ReadingRole, text: String) {
        self.role = role
        self.text = text
    }
}

extension Article {
    /// The article's text in reading order: title, metadata line, lead, body, tags.
    public var readingBlocks: [ReadingBlock] {
        var blocks = [ReadingBlock(role: .title, text: Sanitizer.displayable(title))]
        let meta = metadataLine
        if !meta.isEmpty { blocks.append(ReadingBlock(role: .metadata, text: Sanitizer.displayable(meta))) }
        if let lead, !lead.isEmpty { blocks.append(ReadingBlock(role: .lead, text: Sanitizer.displayable(lead))) }
        for block in body {
            blocks.append(ReadingBlock(role: block.kind == .heading ? .heading : .paragraph,
                                       text: Sanitizer.displayable(block.text)))
        }
        if !tags.isEmpty {
            blocks.append(ReadingBlock(role: .trailer, text: Sanitizer.displayable("标签 " + tags.joined(separator: " · "))))
        }
        return blocks
    }
}
