// Search folding: the table-driven fold equals the cluster-by-cluster reference byte for byte,
// and a query taken from the text finds itself on cluster boundaries.
@testable import ReaderCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFolding(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let blocks = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let fast = SearchIndex(blocks: blocks)
    let reference = SearchIndex(foldingClusterByCluster: blocks)
    for (a, b) in [(fast.exact, reference.exact), (fast.caseless, reference.caseless)] {
        let same = a.bytes.withUnsafeBufferPointer { x in b.bytes.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
            && a.origin.withUnsafeBufferPointer { x in b.origin.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
            && a.blockStarts == b.blockStarts
        if !same { violated("table fold differs from the reference fold", debugString(text)) }
    }
    // A whole cluster run of the first block, searched, is found where it is.
    if let block = blocks.first, !block.isEmpty {
        let characters = Array(block)
        let from = Int(data[0]) % characters.count
        let to = min(characters.count, from + 1 + Int(data[size - 1]) % 8)
        let query = String(characters[from..<to])
        let offset = String(characters[..<from]).utf8.count
        let results = fast.search(query)
        for match in results.matches where match.block >= blocks.count
            || match.range.upperBound > blocks[match.block].utf8.count {
            violated("match outside its block")
        }
        // Folding may merge the query with its neighbours only when they fold with it; a
        // query made of whole clusters that compares equal to itself is found at its place,
        // unless an earlier overlapping match took it.
        let found = results.matches.contains { $0.block == 0 && $0.range.lowerBound <= offset && $0.range.upperBound > offset }
        if !found, !query.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value == 0x3000 }) {
            let candidates = results.matches.filter { $0.block == 0 }
            if candidates.isEmpty { violated("query taken from the text not found", debugString(query)) }
        }
    }
    return 0
}
