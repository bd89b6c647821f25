import Foundation
import Testing

@testable import OpenStackKit

/// The one-pass parser reads exactly what `JSONDecoder` reads, and refuses what it refuses.
@Suite struct JSONParserTests {
    @Test func everySampleParsesAsTheDecoderReadsIt() throws {
        let walker = FileManager.default.enumerator(at: SampleDecodingTests.root, includingPropertiesForKeys: nil)
        let files = (walker?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "json" }
        #expect(files.count > 150)
        for file in files {
            let data = try Data(contentsOf: file)
            #expect(try JSONParser.parse(data) == JSONDecoder().decode(JSONValue.self, from: data), "\(file.lastPathComponent)")
        }
    }

    @Test func numbersStringsAndEscapes() throws {
        let text = #"{"a": [1.0, 2.5, 1e2, -0, 12345678901234567890, true, false, null], "s": "tab\there \"q\" \u00e9 \ud83d\ude00 \/"}"#
        let value = try JSONParser.parse(Data(text.utf8))
        #expect(value["a"] == [1, .double(2.5), 100, 0, .double(12345678901234567890.0), true, false, nil])
        #expect(value["s"]?.stringValue == "tab\there \"q\" é 😀 /")
        #expect(try JSONParser.parse(Data(" [ ] ".utf8)) == [])
    }

    @Test func malformedDocumentsAreRefused() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "[1] 2", "{\"a\":01x}", "\"\u{01}\"", "\"\\x\""] {
            #expect(throws: DecodingError.self, "\(text)") { try JSONParser.parse(Data(text.utf8)) }
        }
    }
}
