import Testing
@testable import Terminal
import Glibc

/// The crash guard's copy of the terminal settings must hold what the C library writes.
struct CrashGuardTests {
    /// How many bytes `tcgetattr` writes into the buffer it is given, on a pseudo-terminal.
    private func bytesWrittenByTcgetattr() -> Int {
        // A new pseudo-terminal: unlock it (TIOCSPTLCK) and find its number (TIOCGPTN).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        #expect(master >= 0)
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        #expect(ioctl(master, 0x4004_5431, &unlock) == 0)
        #expect(ioctl(master, 0x8004_5430, &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        #expect(slave >= 0)
        defer { close(slave) }
        var written = 0
        for fill: UInt8 in [0xAA, 0x55] {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
            defer { raw.deallocate() }
            raw.initializeMemory(as: UInt8.self, repeating: fill, count: 512)
            #expect(tcgetattr(slave, raw.assumingMemoryBound(to: termios.self)) == 0)
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            let last = (0..<512).last { bytes[$0] != fill } ?? -1
            written = max(written, last + 1)
        }
        return written
    }

    @Test func savedSettingsHoldWhatTcgetattrWrites() {
        let written = bytesWrittenByTcgetattr()
        #expect(written > 0)
        #expect(CrashGuard.settingsBytes >= written,
                "tcgetattr writes \(written) bytes; the imported struct is \(MemoryLayout<termios>.size)")
    }
}
