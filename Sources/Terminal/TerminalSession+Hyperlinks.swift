import Grid
import CNCursesW
import Glibc

/// The bytes ncurses' attribute routine hands its output function while a link is written
/// (the function takes no context). Only `draw`, on the main thread, touches it.
nonisolated(unsafe) private var collectedBytes: [UInt8] = []

private let collectByte: @convention(c) (Int32) -> Int32 = { byte in
    collectedBytes.append(UInt8(truncatingIfNeeded: byte))
    return byte
}

extension TerminalSession {
    // MARK: - OSC 8 hyperlinks

    /// Wraps the link cells of `rows` that changed in OSC 8 hyperlinks, once ncurses has
    /// drawn the frame: ncurses cannot carry a sequence inside a cell, so each run of link
    /// cells is written again over itself: the cursor moved there by ncurses (`mvcur`), the
    /// same attributes set by ncurses' own routine (`vid_puts`), OSC 8 open, the same text,
    /// OSC 8 close, attributes back to normal. ncurses' idea of the terminal stays true: the
    /// cells hold what it wrote, the attributes are normal as `doupdate` leaves them, and
    /// the last `mvcur` leaves the cursor where ncurses believes it is (at the prompt's
    /// cursor when there is one). A frame without a changed link cell costs nothing.
    func rewriteLinks(of frame: Screen, rows: [Int], cursor: (x: Int, y: Int)?) {
        let runs = frame.linkRuns(changedSince: previous, rows: rows)
        guard !runs.isEmpty else { return }
        var lastPlace: (y: Int32, x: Int32)?
        for run in runs {
            var start = run.x
            while start < run.end, frame[start, run.y].isContinuation { start += 1 }
            // The bottom-right cell is never written (a terminal could scroll).
            let end = run.y == frame.height - 1 ? min(run.end, frame.width - 1) : run.end
            guard start < end, move(to: Int32(run.y), Int32(start)) else { continue }
            lastPlace = (Int32(run.y), Int32(start))
            collectedBytes.removeAll(keepingCapacity: true)
            let open = run.target.flatMap(TerminalSequences.hyperlinkStart)
            if let open { collectedBytes += Array(open.utf8) }
            var current: Style?
            var x = start
            while x < end {
                let cell = frame[x, run.y]
                if cell.isContinuation { x += 1; continue }
                var span = 1
                while x + span < frame.width, frame[x + span, run.y].isContinuation { span += 1 }
                guard x + span <= end else { break }
                if cell.style != current {
                    current = cell.style
                    let look = look(of: cell.style)
                    var pair = look.pair
                    _ = vid_puts(look.attributes, Int16(truncatingIfNeeded: pair), &pair, collectByte)
                }
                collectedBytes += Self.localeBytes(glyph(cell.text, cells: span), cells: span)
                x += span
            }
            if open != nil { collectedBytes += Array(TerminalSequences.hyperlinkEnd.utf8) }
            var normal: Int32 = 0
            _ = vid_puts(YD_A_NORMAL, 0, &normal, collectByte)
            Self.writeAll(collectedBytes)
        }
        if let cursor {
            _ = move(to: Int32(cursor.y), Int32(cursor.x))
        } else if let lastPlace {
            _ = move(to: lastPlace.y, lastPlace.x)
        }
    }

    /// Moves the cursor by ncurses (which then knows where it is) and sends the move at once:
    /// `mvcur` leaves it in the C library's standard output buffer, which `doupdate` does not
    /// flush (seen with ncurses 6.4).
    private func move(to y: Int32, _ x: Int32) -> Bool {
        guard mvcur(-1, -1, y, x) == OK else { return false }
        fflush(nil)
        return true
    }

    /// A cell's characters in the locale's encoding, as ncurses writes them; `?` padded to
    /// its cells for one the locale cannot encode.
    private static func localeBytes(_ characters: [wchar_t], cells: Int) -> [UInt8] {
        var text = String.UnicodeScalarView()
        for c in characters { if let scalar = Unicode.Scalar(UInt32(bitPattern: c)) { text.append(scalar) } }
        return encodedInLocale(String(text)) ?? Array(repeating: UInt8(ascii: "?"), count: cells)
    }

    // MARK: - OSC 52 clipboard

    /// Puts `text` on the clipboard of the terminal the reader is shown in (OSC 52), which
    /// over SSH is the reader's own machine; cut to `TerminalSequences.clipboardLimit` bytes.
    /// Returns whether it was cut. The payload is base64: nothing of the text reaches the
    /// terminal as a control.
    @discardableResult
    public func copyToClipboard(_ text: String) -> Bool {
        guard active else { return false }
        let (sequence, cut) = TerminalSequences.clipboard(text)
        Self.writeAll(Array(sequence.utf8))
        return cut
    }

    /// Writes `bytes` to the terminal as they are, after what ncurses has flushed.
    static func writeAll(_ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            written += n
        }
    }
}
