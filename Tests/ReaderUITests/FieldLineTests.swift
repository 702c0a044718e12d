import ReaderCore
import Testing
@testable import ReaderUI

@Suite struct FieldLineTests {
    let meta = "2025-04-23 · 乡村文化网 · 来源 电源协会行业党支部 · 编辑 赵雪梅"

    @Test func breaksBetweenFieldsNeverInsideOne() {
        let lines = wrapFields(meta, width: 40, options: WrapOptions())
        #expect(lines.map(\.text) == ["2025-04-23 · 乡村文化网", "来源 电源协会行业党支部 · 编辑 赵雪梅"])
        for line in lines {
            #expect(Array(meta.utf8)[line.start..<line.end].elementsEqual(line.text.utf8), "a slice of the text")
            #expect(line.width <= 40)
        }
    }

    @Test func fitsOnOneLineWhenItCan() {
        #expect(wrapFields(meta, width: 80, options: WrapOptions()).map(\.text) == [meta])
    }

    @Test func aFieldWiderThanTheLineIsWrappedOnItsOwn() {
        let lines = wrapFields("2024-01-01 · 一个非常非常长的网站名称写在这里", width: 16, options: WrapOptions())
        #expect(lines.first?.text == "2024-01-01")
        #expect(lines.dropFirst().allSatisfy { $0.width <= 16 })
        #expect(lines.dropFirst().map(\.text).joined() == "一个非常非常长的网站名称写在这里")
    }
}
