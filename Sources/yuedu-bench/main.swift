// Benchmarks for BENCHMARKS.md, one mode per run: `yuedu-bench MODE [ARGUMENTS]`.
import Foundation

let usage = """
    usage: yuedu-bench MODE [ARGUMENTS]
      wrap FILE [WIDTH] [RUNS]  wrapping throughput over every line of FILE (width 78, 7 runs)
      search                    1 MB article: fold once, search per keystroke
      related                   10,000 generated articles: build the similarity index, query it
      related-memory LIBRARY    load LIBRARY, build the similarity index: peak memory, time
      related-ui                the related sidebar on 10,000 articles: open an article, keystrokes
      prompt [ROUNDS]           search prompt on a 1 MB article: keystroke to frame (20 rounds)
      index-open LIBRARY INDEX  open a 100 KB article from the library index: to its frame
      index-search INDEX QUERY...  library-wide queries against the index, warm
      index-lists LIBRARY INDEX  build INDEX without the search tables (a list at scale)
      bookmarks [COUNT]         100,000 bookmarks: load, and what a key press costs before and now
      list [COUNT]              100,000 articles: read marks saved, loaded, adopted; U; O per order

    """

let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())
switch arguments.first {
case "wrap": benchmarkWrap(rest)
case "search": benchmarkSearch()
case "related": benchmarkRelated()
case "related-memory": benchmarkRelatedMemory(rest)
case "related-ui": benchmarkRelatedUI()
case "prompt": benchmarkPrompt(rest)
case "index-open": benchmarkIndexOpen(rest)
case "index-search": benchmarkIndexSearch(rest)
case "index-lists": benchmarkIndexLists(rest)
case "bookmarks": benchmarkBookmarks(rest)
case "list": benchmarkList(rest)
default:
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
