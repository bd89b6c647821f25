import CloudSimulator
import Foundation

/// A deterministic corpus of JSON documents, valid and broken, from one seed: hand-picked edge
/// cases of every rule of RFC 8259, every number-like token of up to four characters, random
/// valid documents, and mutations of those (truncation, a changed, inserted or dropped byte, a
/// doubled slice). Some are not UTF-8.
struct JSONCorpus {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func documents() -> [[UInt8]] {
        var documents = Self.edgeCases().map { Array($0.utf8) } + Self.byteCases()
        // Every token of up to four characters from the alphabet of numbers, bare and in an array.
        let alphabet = ["-", "+", "0", "1", "9", ".", "e", "E"]
        var tokens: [String] = []
        var longest = [""]
        for _ in 1...4 {
            longest = longest.flatMap { token in alphabet.map { token + $0 } }
            tokens += longest
        }
        for token in tokens {
            documents.append(Array(token.utf8))
            documents.append(Array("[\(token)]".utf8))
        }
        // Number-like tokens in the place of a request's id, as a client would send one.
        for _ in 0..<1500 {
            let token = (0..<random.int(in: 1...7)).map { _ in alphabet[random.int(in: 0...alphabet.count - 1)] }.joined()
            documents.append(Array(#"{"jsonrpc": "2.0", "id": \#(token), "method": "tools/list"}"#.utf8))
        }
        for _ in 0..<3000 {
            let document = valid(depth: 0)
            documents.append(document)
            for _ in 0..<3 { documents.append(mutate(document)) }
        }
        return documents
    }

    // MARK: - Valid documents

    mutating func valid(depth: Int) -> [UInt8] {
        space() + value(depth: depth) + space()
    }

    private mutating func value(depth: Int) -> [UInt8] {
        switch random.int(in: 0...(depth > 4 ? 5 : 7)) {
        case 0: return Array(["true", "false", "null"][random.int(in: 0...2)].utf8)
        case 1, 2: return number()
        case 3, 4, 5: return string()
        case 6:
            let count = random.int(in: 0...4)
            let items = (0..<count).map { _ in valid(depth: depth + 1) }
            return Array("[".utf8) + (count == 0 ? space() : Array(items.joined(separator: Array(",".utf8)))) + Array("]".utf8)
        default:
            let count = random.int(in: 0...4)
            let members = (0..<count).map { _ in space() + string() + space() + Array(":".utf8) + valid(depth: depth + 1) }
            return Array("{".utf8) + (count == 0 ? space() : Array(members.joined(separator: Array(",".utf8)))) + Array("}".utf8)
        }
    }

    private mutating func space() -> [UInt8] {
        guard random.int(in: 0...2) == 0 else { return [] }
        return (0..<random.int(in: 1...3)).map { _ in [0x20, 0x09, 0x0A, 0x0D][random.int(in: 0...3)] }
    }

    private mutating func digits(_ range: ClosedRange<Int>) -> String {
        String((0..<random.int(in: range)).map { _ in Character(String(random.int(in: 0...9))) })
    }

    private mutating func number() -> [UInt8] {
        var text = random.int(in: 0...3) == 0 ? "-" : ""
        switch random.int(in: 0...9) {
        case 0: text += "0"
        case 1: text += String(random.int(in: 1...9)) + digits(18...40)  // beyond Int
        default: text += String(random.int(in: 1...9)) + digits(0...6)
        }
        if random.int(in: 0...2) == 0 { text += "." + digits(1...6) }
        if random.int(in: 0...3) == 0 {
            text += ["e", "E"][random.int(in: 0...1)] + ["", "+", "-"][random.int(in: 0...2)]
            text += random.int(in: 0...5) == 0 ? String(random.int(in: 300...500)) : digits(1...3)
        }
        return Array(text.utf8)
    }

    private mutating func string() -> [UInt8] {
        let pieces = [
            "a", "Z", "id", "name", " ", "é", "✓", "😀", "\u{2028}", "\u{FEFF}", "\u{7F}", "/", "'",
            #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#, #"\u0000"#, #"\u001f"#, #"\u00E9"#,
            #"\ud83d\ude00"#, #"\uD800"#, #"\udfff"#, #"\uFFFF"#, #"\uabcd"#,
        ]
        let body = (0..<random.int(in: 0...6)).map { _ in pieces[random.int(in: 0...pieces.count - 1)] }.joined()
        return Array("\"\(body)\"".utf8)
    }

    // MARK: - Broken documents

    private static let insertions: [[UInt8]] = [
        ",", ":", "[", "]", "{", "}", "\"", "\\", "0", "1", "-", "+", ".", "e", "E", "x", "t", "n", "u", " ",
        "NaN", "Infinity", "-Infinity", "//", "/*x*/", "'", "0x", "\\u", "\\ud800", "\\x41", "\\U0041", "\u{A0}", "\u{FEFF}",
        "\u{2028}", "true", "null",
    ].map { Array($0.utf8) } + [[0x00], [0x01], [0x0B], [0x0C], [0x1F], [0x7F], [0x80], [0xC0], [0xFF], [0xED, 0xA0, 0x80]]

    mutating func mutate(_ document: [UInt8]) -> [UInt8] {
        guard !document.isEmpty else { return Self.insertions[random.int(in: 0...Self.insertions.count - 1)] }
        var bytes = document
        let at = random.int(in: 0...bytes.count - 1)
        switch random.int(in: 0...4) {
        case 0: bytes.removeSubrange(at...)  // truncated
        case 1: bytes.replaceSubrange(at...at, with: Self.insertions[random.int(in: 0...Self.insertions.count - 1)])
        case 2: bytes.insert(contentsOf: Self.insertions[random.int(in: 0...Self.insertions.count - 1)], at: at)
        case 3: bytes.remove(at: at)
        default:
            let end = min(bytes.count, at + random.int(in: 1...8))
            bytes.insert(contentsOf: bytes[at..<end], at: end)
        }
        return bytes
    }

    // MARK: - Hand-picked edge cases

    static func edgeCases() -> [String] {
        var cases = [
            // Numbers (RFC 8259 §6)
            "1.", "01", "-01", ".5", "1e", "1e+", "-", "+1", "1.e5", "0x10", "Infinity", "-Infinity", "NaN", "-0", "-0.0",
            "1E400", "-1e400", "1e-400", "123456789012345678901234567890", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "1e007", "0e0", "0.0e+00", String(repeating: "9", count: 400),
            #"{"jsonrpc": "2.0", "id": 1., "method": "tools/list"}"#, #"{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}"#,
            #"{"jsonrpc": "2.0", "id": 01, "method": "tools/list"}"#, #"{"jsonrpc": "2.0", "id": -0, "method": "tools/list"}"#,
            // Literals
            "true", "false", "null", "True", "FALSE", "Null", "nul", "nulll", "tru", "truee", "t", "undefined", "[true false]",
            // Structure
            "", " ", "[]", "{}", "[1,]", "[,1]", "[1,,2]", "{,}", #"{"a"}"#, #"{"a":}"#, #"{"a" 1}"#, "{1:1}", "{'a':1}",
            "{a:1}", "[1 2]", #"{"a":1 "b":2}"#, "[", "]", "{}}", "[]]", "[[]", "\"", "\"\"\"", "[] []", "{}{}", "1 2",
            "[1]//c", "/*c*/[1]", #"{"a":1,}"#, #"{"a":1}x"#, #"{"a":1,"a":2}"#, #"{"":0}"#,
            String(repeating: "[", count: 400) + String(repeating: "]", count: 400),
            String(repeating: #"{"a":"#, count: 300) + "1" + String(repeating: "}", count: 300),
            // Strings
            "\"\u{7F}\"", #""\/""#, #""\u0000""#, #""\uFFFF""#, #""\ud83d\ude00""#, #""\ud800""#, #""\udc00""#,
            #""\ud800\u0041""#, #""\udc00\ud800""#, #""\ud800\ud800\udc00""#, #""\ud800\uzzzz""#, #""\u00""#, #""\u+041""#,
            #""\u 041""#, #""\U0041""#, #""\x41""#, #""\'""#, #""\0""#, #""\""#, #""\u0x41""#, #""\uD83D\uDE00""#,
            // Whitespace
            " \t\r\n[ \t\r\n1 \t\r\n] \t\r\n", "\u{FEFF}[1]", "[1]\u{FEFF}", "\u{A0}1", "1\u{A0}", "\u{0C}1", "1\u{0B}",
            "[1\u{2028}]", "\u{3000}1", "[1\u{85}]", "[1]\u{0}",
        ]
        for byte in 0..<0x20 {
            cases.append("\"\(Character(Unicode.Scalar(UInt8(byte))))\"")  // raw control character: refused
            cases.append(String(format: "\"\\u%04X\"", byte))  // escaped: fine
        }
        for byte in 0x20..<0x7F where byte != 0x75 {  // every one-character escape, good and bad
            cases.append("\"\\\(Character(Unicode.Scalar(UInt8(byte))))\"")
        }
        for position in 0..<4 {  // each place of a \u escape holding a character that is not hex
            for bad in ["g", "G", "x", " ", "+", "-", "\""] {
                var hex = Array("00e9")
                hex[position] = Character(bad)
                cases.append("\"\\u\(String(hex))\"")
            }
        }
        return cases
    }

    /// Strings holding bytes that are not UTF-8, and some that are.
    static func byteCases() -> [[UInt8]] {
        let sequences: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0xA0], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80],
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80],
            [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xE2, 0x82], [0xFE], [0xFF],
        ]
        var cases: [[UInt8]] = []
        for sequence in sequences {
            let quoted: [UInt8] = [0x22] + sequence + [0x22]
            let inArray: [UInt8] = Array("[\"a".utf8) + sequence + Array("b\"]".utf8)
            cases += [quoted, inArray, sequence]
        }
        return cases
    }
}
