import Foundation
import Testing

@testable import OpenStackKit

/// The JSON writer behind `compactText()` writes byte for byte what JSONEncoder writes.
@Suite struct JSONWriterTests {
    static func reference(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func itMatchesJSONEncoderOnEveryAPISample() throws {
        let root = SampleDecodingTests.root
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        #expect(files.count > 20)
        for file in files {
            let value = try JSONValue.parse(try Data(contentsOf: root.appendingPathComponent(file)))
            #expect(value.compactText() == (try Self.reference(value)), "\(file)")
        }
    }

    @Test func escapesNumbersAndNesting() throws {
        let value: JSONValue = [
            "s": "q\"\\/\u{08}\u{0C}\n\r\t\u{01}\u{1F}é😀</script>", "d": [.double(3.5), .double(1000), .double(-0.25), .double(1e20), .double(1.0e-7)],
            "i": [0, -1, .int(Int.max), .int(Int.min)], "n": .null, "b": [true, false], "e": [:], "a": [],
            "nested": ["z": 1, "a": ["y": [1, 2], "b": "x"]],
        ]
        #expect(value.compactText() == (try Self.reference(value)))
        #expect(JSONValue.double(.nan).compactText() == "null")
    }
}
