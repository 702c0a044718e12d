// Article formats: plain text and Markdown, through the same entry point as a file read from
// disk (control scan, decoding, format detection, parsing). The first byte picks the file name
// so both parsers and the no-extension detection are reached.
@testable import ReaderCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormats(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let names = ["article.txt", "article.md", "article"]
    let path = names[Int(data[0]) % names.count]
    let input = bytes(data + 1, size - 1)
    guard case .success(let article) = ArticleFile.article(from: input, path: path) else { return 0 }
    // What the reader and the command line show goes through the sanitizer: nothing unsafe.
    for block in article.readingBlocks {
        assertSafe(block.text, "reading block")
    }
    return 0
}
