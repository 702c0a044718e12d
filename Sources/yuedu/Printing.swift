import Foundation
import TextSafety

/// What the command line prints, always through the control-character policy: titles, file
/// names and messages may come from untrusted files, and none of their control characters
/// reaches a terminal (a title holding `ESC ] 2 ;` would retitle it).
enum Printing {
    /// One field of an output line: controls as `ControlPolicy` says, tabs and line breaks
    /// as spaces, so a field stays in its column and on its line.
    static func field(_ text: String) -> String {
        ControlPolicy.apply(text)
    }

    /// Writes `yuedu: MESSAGE` on standard error, made safe.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("yuedu: \(field(message))\n".utf8))
    }
}
