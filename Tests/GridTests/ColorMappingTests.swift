import Testing
@testable import Grid

@Suite struct ColorMappingTests {
    @Test func toSixteenColours() {
        #expect(ColorMapping.nearest(196, available: 16) == 9)    // pure red → bright red
        #expect(ColorMapping.nearest(28, available: 16) == 2)     // green
        #expect(ColorMapping.nearest(231, available: 16) == 15)   // white
        #expect(ColorMapping.nearest(236, available: 16) == 0)    // dark grey → black
        #expect(ColorMapping.nearest(244, available: 16) == 8)    // mid grey → bright black
        #expect(ColorMapping.nearest(12, available: 16) == 12)    // its own
    }

    @Test func toEightColours() {
        #expect(ColorMapping.nearest(196, available: 8) == 1)
        #expect(ColorMapping.nearest(9, available: 8) == 1)       // bright red → red
        #expect(ColorMapping.nearest(231, available: 8) == 7)
        #expect(ColorMapping.nearest(19, available: 8) == 4)      // deep blue → blue
        #expect((0..<256).allSatisfy { ColorMapping.nearest($0, available: 8) < 8 })
        #expect((0..<256).allSatisfy { ColorMapping.nearest($0, available: 16) < 16 })
        #expect(ColorMapping.nearest(200, available: 256) == 200)
    }

    @Test func rgbToTheNearestOf256() {
        #expect(ColorMapping.nearest256(red: 0xFF, green: 0xD7, blue: 0xAF) == 223)
        #expect(ColorMapping.nearest256(red: 0, green: 0, blue: 0) == 16)
        #expect(ColorMapping.nearest256(red: 0x80, green: 0x80, blue: 0x80) == 244)
    }
}
