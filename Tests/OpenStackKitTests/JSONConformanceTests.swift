import Foundation
import Testing

@testable import OpenStackKit

/// The parser against RFC 8259, with Python's `json` module as the judge: a seeded corpus of
/// valid documents, their mutations (truncated, a byte changed, inserted or dropped, a slice
/// doubled) and every short number-like token, each classified by both, which must agree.
///
/// Python is strict where RFC 8259 is, with two exceptions handled in the script below:
/// `NaN`/`Infinity` (refused through `parse_constant`) and raw bytes (decoded as strict UTF-8
/// first, since `json.loads` of bytes lets encoded surrogates through). A `\u` escape of a lone
/// surrogate is valid grammar, which both accept; Python keeps the code point and we keep U+FFFD
/// (a Swift String cannot hold a surrogate), so the script compares with U+FFFD in its place.
@Suite struct JSONConformanceTests {
    static let seed: UInt64 = 8259

    /// Classifies each line (hex bytes) as `R <reason>` or `A <the value, normalised>`: numbers
    /// as floats (±infinity as `{"$inf": ±1}`), lone surrogates as U+FFFD.
    static let judge = #"""
        import json, math, sys
        if hasattr(sys, "set_int_max_str_digits"):
            sys.set_int_max_str_digits(0)
        def refuse(name):
            raise ValueError("non-standard constant " + name)
        def text(s):
            return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in s)
        def norm(v):
            if v is None or isinstance(v, bool):
                return v
            if isinstance(v, (int, float)):
                try:
                    f = float(v)
                except OverflowError:
                    f = math.inf if v > 0 else -math.inf
                return {"$inf": 1 if f > 0 else -1} if math.isinf(f) else f
            if isinstance(v, str):
                return text(v)
            if isinstance(v, list):
                return [norm(x) for x in v]
            return {text(k): norm(x) for k, x in v.items()}
        out = []
        for line in open(sys.argv[1]):
            data = bytes.fromhex(line.strip())
            try:
                value = json.loads(data.decode("utf-8"), parse_constant=refuse)
            except (ValueError, RecursionError) as error:
                out.append("R " + type(error).__name__)
                continue
            out.append("A " + json.dumps(norm(value), ensure_ascii=True, allow_nan=False))
        open(sys.argv[2], "w").write("\n".join(out) + "\n")
        """#

    @Test func everyDocumentOfTheCorpusIsJudgedAsPythonJudgesIt() throws {
        var corpus = JSONCorpus(seed: Self.seed)
        let documents = corpus.documents()
        #expect(documents.count > 20_000)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("corpus.hex")
        let output = folder.appendingPathComponent("verdicts.txt")
        let script = folder.appendingPathComponent("judge.py")
        let hex = documents.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n") + "\n"
        try Data(hex.utf8).write(to: input)
        try Data(Self.judge.utf8).write(to: script)

        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", script.path, input.path, output.path]
        let errors = Pipe()
        python.standardError = errors
        try python.run()
        python.waitUntilExit()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try #require(python.terminationStatus == 0, "python3 failed: \(complaint)")
        let verdicts = try String(contentsOf: output, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(verdicts.count == documents.count)

        var disagreements: [String] = []
        var accepted = 0
        for (document, verdict) in zip(documents, verdicts) {
            let ours = Result { try JSONValue.parse(Data(document)) }
            let shown = Self.show(document)
            switch (verdict.hasPrefix("A "), ours) {
            case (true, .success(let value)):
                accepted += 1
                let expected = try JSONValue.parse(Data(verdict.dropFirst(2).utf8))
                if Self.normalized(value) != Self.normalized(expected) {
                    disagreements.append("\(shown): Python reads \(verdict.dropFirst(2)), we read \(value.compactText())")
                }
            case (true, .failure(let error)):
                disagreements.append("\(shown): Python accepts, we refuse (\(error))")
            case (false, .success(let value)):
                disagreements.append("\(shown): Python refuses (\(verdict.dropFirst(2))), we accept as \(value.compactText())")
            case (false, .failure):
                break
            }
        }
        print("JSON conformance: \(documents.count) documents, \(accepted) valid, \(documents.count - accepted) refused by both, \(disagreements.count) disagreements with Python's json")
        if !disagreements.isEmpty {
            for line in disagreements.prefix(60) { print("  " + line) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(10))")
        // A corpus that is all valid or all broken would prove little.
        #expect(accepted > 3_000 && documents.count - accepted > 10_000, "accepted \(accepted) of \(documents.count)")
    }

    /// The forms named in RFC 8259 §6 and the usual extensions of other parsers.
    @Test func numbersFollowTheGrammarExactly() throws {
        for bad in ["01", "-01", "00", "-00", ".5", "-.5", "1.", "-1.", "1.e5", "1e", "1E", "1e+", "1e-", "-", "+1", "+0",
                    "0x10", "0X10", "Infinity", "-Infinity", "NaN", "-NaN", "inf", "nan", "1_000", "١", "1e5.5",
                    "--1", "1..2", "1ee5", "1e+-5", "0.", "-e5", "e5", ".e5", "1.5e", "0b1", "1 2"] {
            #expect(throws: DecodingError.self, "\(bad)") { try JSONValue.parse(Data(bad.utf8)) }
            #expect(throws: DecodingError.self, "[\(bad)]") { try JSONValue.parse(Data("[\(bad)]".utf8)) }
            #expect(
                throws: DecodingError.self, #"{"jsonrpc": "2.0", "id": \#(bad), "method": "tools/list"}"#
            ) { try JSONValue.parse(Data(#"{"jsonrpc": "2.0", "id": \#(bad), "method": "tools/list"}"#.utf8)) }
        }
        let good: [(String, JSONValue)] = [
            ("0", 0), ("-0", 0), ("7", 7), ("-7", -7), ("10", 10), ("0.5", .double(0.5)), ("-0.5", .double(-0.5)),
            ("1.0", 1), ("1e3", 1000), ("1E3", 1000), ("1e+3", 1000), ("1e-3", .double(0.001)), ("1e007", .int(10_000_000)),
            ("0e0", 0), ("-0.0e-0", 0), ("2.5E-1", .double(0.25)), ("999999999999999999", .int(999_999_999_999_999_999)),
        ]
        for (text, value) in good {
            #expect(try JSONValue.parse(Data(text.utf8)) == value, "\(text)")
            #expect(try JSONValue.parse(Data("[\(text)]".utf8)) == [value], "[\(text)]")
        }
    }

    @Test func largeAndTinyNumbersAreDoublesAndNeverCrash() throws {
        let parse = { (text: String) in try JSONValue.parse(Data(text.utf8)) }
        #expect(try parse("9223372036854775807") == .int(Int.max))
        #expect(try parse("-9223372036854775808") == .int(Int.min))
        #expect(try parse("9223372036854775808") == .double(9.223372036854775808e18))
        #expect(try parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
        #expect(try parse("-123456789012345678901234567890.5e-3") == .double(Double("-123456789012345678901234567890.5e-3")!))
        #expect(try parse("1e400") == .double(.infinity))
        #expect(try parse("-1e400") == .double(-.infinity))
        #expect(try parse("1e-400") == 0)
        #expect(try parse(String(repeating: "9", count: 5000)) == .double(.infinity))
        #expect(try parse("0." + String(repeating: "0", count: 5000) + "1") == 0)
        // Written back, an infinity is null (JSON has no infinity), so every answer stays valid JSON.
        #expect(try parse(#"{"a": [1e400, -1e400, 1e308]}"#).compactText() == #"{"a":[null,null,1e+308]}"#)
    }

    @Test func stringsRefuseControlCharactersBadEscapesAndBadUTF8() throws {
        for byte in UInt8(0)..<0x20 {
            #expect(throws: DecodingError.self, "raw \(byte)") { try JSONValue.parse(Data([0x22, byte, 0x22])) }
            let escaped = try JSONValue.parse(Data(String(format: "\"\\u%04x\"", Int(byte)).utf8))
            #expect(escaped.stringValue?.unicodeScalars.map(\.value) == [UInt32(byte)])
        }
        #expect(try JSONValue.parse(Data([0x22, 0x7F, 0x22])).stringValue == "\u{7F}", "DEL is not a control character in JSON")
        for escape in ["\\a", "\\x41", "\\U0041", "\\'", "\\0", "\\u", "\\u0", "\\u00", "\\u004", "\\u+041", "\\u-041",
                       "\\u 041", "\\u004g", "\\u0x41", "\\"] {
            #expect(throws: DecodingError.self, "\(escape)") { try JSONValue.parse(Data("\"\(escape)\"".utf8)) }
        }
        for bytes: [UInt8] in [[0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xE2, 0x82], [0xFF]] {
            #expect(throws: DecodingError.self, "\(bytes)") { try JSONValue.parse(Data([0x22] + bytes + [0x22])) }
        }
        #expect(try JSONValue.parse(Data([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22])).stringValue == "😀")
    }

    /// Valid grammar a Swift String cannot hold: each lone surrogate is U+FFFD; a pair is its character.
    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let cases: [(String, String)] = [
            (#""\ud83d\ude00""#, "😀"), (#""\ud800""#, "\u{FFFD}"), (#""\udc00""#, "\u{FFFD}"),
            (#""\ud800\u0041""#, "\u{FFFD}A"), (#""\udc00\ud800""#, "\u{FFFD}\u{FFFD}"),
            (#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"), (#""a\ud800b""#, "a\u{FFFD}b"), (#""\ud800\n""#, "\u{FFFD}\n"),
        ]
        for (text, expected) in cases {
            #expect(try JSONValue.parse(Data(text.utf8)).stringValue == expected, "\(text)")
        }
        #expect(throws: DecodingError.self) { try JSONValue.parse(Data(#""\ud800\uzzzz""#.utf8)) }
    }

    @Test func onlyTheFourWhitespaceCharactersSeparateTokens() throws {
        #expect(try JSONValue.parse(Data(" \t\r\n[ \t\r\n1 \t\r\n, \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\nnull \t\r\n} \t\r\n] \t\r\n".utf8)) == [1, ["a": nil]])
        for space in ["\u{0C}", "\u{0B}", "\u{00}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{FEFF}", "\u{85}"] {
            for text in ["\(space)1", "1\(space)", "[1\(space),2]", "{\"a\"\(space):1}"] {
                #expect(throws: DecodingError.self, "\(text.unicodeScalars.map(\.value))") { try JSONValue.parse(Data(text.utf8)) }
            }
        }
    }

    @Test func structureAndLiteralsAreExact() throws {
        for bad in ["", " ", "[1,]", "[,1]", "[1,,2]", "{,}", #"{"a"}"#, #"{"a":}"#, #"{"a" 1}"#, "{1:1}", "{'a':1}", "{a:1}",
                    "[1 2]", #"{"a":1 "b":2}"#, "[", "]", "{}}", "[]]", "[[]", "\"", "\"\"\"", "[] []", "{}{}", "[1]//c",
                    "/*c*/[1]", "True", "FALSE", "Null", "nul", "nulll", "tru", "truee", "t", "undefined", "'a'", #"{"a":1,}"#,
                    "[true false]", #"{"a":1}x"#, "[1]\u{0}"] {
            #expect(throws: DecodingError.self, "\(bad)") { try JSONValue.parse(Data(bad.utf8)) }
        }
        for good in ["true", "false", "null", "\"\"", "[]", "{}", "[[]]", #"{"":""}"#, #"[{"a":[{}]}]"#] {
            #expect(throws: Never.self, "\(good)") { try JSONValue.parse(Data(good.utf8)) }
        }
    }

    @Test func nestingDeeperThan512IsRefused() throws {
        #expect(throws: Never.self) { try JSONValue.parse(Data((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)) }
        #expect(throws: DecodingError.self) { try JSONValue.parse(Data((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8)) }
    }

    /// Numbers as doubles (±infinity as Python's tag), so Python's floats and our integers compare.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .int(let number): return .double(Double(number))
        case .double(let number) where number.isInfinite: return normalized(["$inf": number > 0 ? 1 : -1])
        case .array(let items): return .array(items.map(normalized))
        case .object(let members): return .object(members.mapValues(normalized))
        default: return value
        }
    }

    /// A document for a failure message: printable ASCII as is, everything else as `\xNN`.
    static func show(_ bytes: [UInt8]) -> String {
        let text = bytes.prefix(160).map { (0x20..<0x7F).contains($0) ? String(UnicodeScalar($0)) : String(format: "\\x%02x", $0) }.joined()
        return "«" + text + (bytes.count > 160 ? "…(\(bytes.count) bytes)" : "") + "»"
    }
}
