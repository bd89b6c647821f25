import Foundation
import Testing

@testable import OpenStackKit

/// The JSON parser behind `JSONValue.parse`: every JSON type, escapes, and clear failures.
@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    @Test func everyTypeAndEscape() throws {
        let value = try parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "s": "q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "e": {}, "l": []} "#)
        #expect(value["a"] == [1, -2, .double(3.5), 1000, true, false, .null])
        #expect(value["s"]?.stringValue == "q\"\\/\u{08}\u{0C}\n\r\té😀")
        #expect(value["e"] == .object([:]))
        #expect(value["l"] == .array([]))
        #expect(try parse("\"ünïcode ✓\"") == "ünïcode ✓")
        #expect(try parse("9223372036854775807") == .int(Int.max))
        #expect(try parse("92233720368547758070").isNull == false, "too big for Int becomes a Double")
    }

    @Test func itAgreesWithTheDecodablePathOnEveryAPISample() throws {
        let root = SampleDecodingTests.root
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        #expect(files.count > 20)
        var duplicated: [String] = []
        for file in files {
            let data = try Data(contentsOf: root.appendingPathComponent(file))
            // The Decodable conformance is the reference (and still used when JSONValue sits inside Codable types).
            let (ours, duplicates) = try JSONValue.parseMessage(data)
            // Two upstream Octavia samples repeat a member's "id". Foundation keeps the first,
            // we keep the last as Python's json does, which is what the services themselves would read.
            if duplicates { duplicated.append(file); continue }
            let reference = try JSONDecoder().decode(JSONValue.self, from: data)
            #expect(ours == reference, "\(file): \(Self.difference(ours, reference) ?? "")")
        }
        #expect(duplicated.sorted() == ["octavia/listeners-list-response.json", "octavia/pools-list-response.json"])
    }

    @Test func aRepeatedKeyKeepsTheLastValueAndIsReported() throws {
        let (value, duplicates) = try JSONValue.parseMessage(Data(#"{"members": [{"id": "first", "id": "last"}]}"#.utf8))
        #expect(duplicates)
        #expect(value["members"]?.arrayValue?.first?["id"] == "last")
        #expect(try JSONValue.parseMessage(Data(#"{"a": 1, "b": {"a": 2}}"#.utf8)).duplicateKeys == false)
    }

    /// Where two values first differ, for the failure message.
    static func difference(_ a: JSONValue, _ b: JSONValue, _ path: String = "") -> String? {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for key in Set(x.keys).union(y.keys) { if x[key] != y[key] { return difference(x[key] ?? .null, y[key] ?? .null, path + "." + key) } }
            return nil
        case (.array(let x), .array(let y)) where x.count == y.count:
            for (i, (p, q)) in zip(x, y).enumerated() where p != q { return difference(p, q, path + "[\(i)]") }
            return nil
        default: return a == b ? nil : "\(path): \(a) vs \(b)"
        }
    }

    @Test func malformedInputIsADecodingError() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "\"\\x\"", "1 2", "{\"a\":1,}", "1.", "01", "-"] {
            #expect(throws: DecodingError.self, "\(bad)") { try parse(bad) }
        }
    }
}
