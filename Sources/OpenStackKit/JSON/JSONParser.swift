import Foundation

/// A small JSON parser straight into ``JSONValue``.
///
/// Decoding `JSONValue` through `Decodable` has to guess each value's type by trying to decode
/// it as Bool, Int, Double, String and array in turn, and every wrong guess throws. On a 2 MB
/// page of servers that is millions of thrown errors (and a debugger or test runner that records
/// throws makes each one costly). This reads each value once and throws only for bad input.
///
/// It accepts exactly RFC 8259's grammar, in UTF-8: no leading zeros, `+`, bare `.`, `NaN` or
/// `Infinity` in numbers, no control characters or unknown escapes in strings, only space, tab,
/// CR and LF as whitespace, no byte order mark, no trailing commas. Its own limits (RFC 8259 §9):
/// nesting deeper than 512 is refused; a number beyond `Int` is a `Double` (so 30 digits keep
/// about 17 of them, and `1e400` is an infinite `Double`, which the writer prints as `null`).
/// A `\u` escape of a lone surrogate is valid grammar that a Swift `String` cannot hold: it
/// becomes U+FFFD, as Go's `encoding/json` and WHATWG's UTF-8 encoder do (Python keeps the lone
/// code point; Rust's serde_json and Foundation refuse the document).
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    /// Set when an object repeats a member name (the last one is kept, as most parsers do).
    private(set) var sawDuplicateKey = false

    init(_ data: Data) { bytes = [UInt8](data) }

    static func parse(_ data: Data) throws -> JSONValue {
        try parseReportingDuplicates(data).value
    }

    /// The value, and whether any object in it repeated a member name.
    static func parseReportingDuplicates(_ data: Data) throws -> (value: JSONValue, duplicateKeys: Bool) {
        var parser = JSONParser(data)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return (value, parser.sawDuplicateKey)
    }

    private func error(_ problem: String) -> DecodingError {
        DecodingError.dataCorrupted(
            .init(codingPath: [], debugDescription: "The given data was not valid JSON: \(problem) at byte \(index)."))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private mutating func value() throws -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    private mutating func literal(_ word: String, _ result: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("unexpected character")
        }
        index += expected.count
        return result
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= 512 else { throw error("nesting too deep") }
    }

    private mutating func object() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            let member = try value()
            if members.updateValue(member, forKey: key) != nil { sawDuplicateKey = true }
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end in an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func array() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end in an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func string() throws -> String {
        index += 1
        // Most strings have no escapes: make them straight from the input bytes.
        let first = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            guard let text = String(validating: bytes[first..<index], as: UTF8.self) else { throw error("invalid UTF-8") }
            index += 1
            return text
        }
        var scalars: [UInt8] = []
        var start = first  // bytes[first..<index] are plain; the escape (or the end) is at index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: bytes[start..<index])
                index += 1
                guard let text = String(validating: scalars, as: UTF8.self) else { throw error("invalid UTF-8") }
                return text
            }
            if byte < 0x20 { throw error("control character in a string") }
            if byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: bytes[start..<index])
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"): scalars.append(contentsOf: try unicodeEscape())
                default: throw error("bad escape")
                }
                start = index
                continue
            }
            index += 1
        }
        throw error("unterminated string")
    }

    /// `\uXXXX`, with surrogate pairs, as UTF-8 bytes; a lone surrogate is U+FFFD.
    private mutating func unicodeEscape() throws -> [UInt8] {
        var code = try hex4()
        switch code {
        case 0xD800...0xDBFF:
            // A high surrogate pairs only with a `\uDC00`-`\uDFFF` right after it; anything else
            // (another escape included) is read on its own afterwards.
            let next = index
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                if let low = try? hex4(), (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    break
                }
                index = next
            }
            code = 0xFFFD
        case 0xDC00...0xDFFF:
            code = 0xFFFD
        default:
            break
        }
        // Every code left is a scalar: surrogates were paired or replaced above.
        return Array(String(Character(Unicode.Scalar(code)!)).utf8)
    }

    /// Exactly four hex digits (no sign, no `0x`).
    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("bad unicode escape") }
        var code: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("bad unicode escape")
            }
            code = code << 4 | UInt32(digit)
        }
        index += 4
        return code
    }

    private func isDigit(at position: Int) -> Bool {
        position < bytes.count && bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")
    }

    /// `[ minus ] int [ frac ] [ exp ]`, nothing more (RFC 8259 §6).
    private mutating func number() throws -> JSONValue {
        let start = index
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard isDigit(at: index) else {
            throw error(negative ? "a minus sign must be followed by a digit" : "unexpected character")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(at: index) { throw error("a number cannot have a leading zero") }
        } else {
            while isDigit(at: index) { index += 1 }
        }
        let integerEnd = index
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(at: index) else { throw error("a fraction needs a digit after '.'") }
            while isDigit(at: index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(at: index) else { throw error("an exponent needs a digit") }
            while isDigit(at: index) { index += 1 }
        }
        let digitsStart = negative ? start + 1 : start
        if index == integerEnd, integerEnd - digitsStart <= 18 {
            // Up to 18 digits always fit an Int: no text to make.
            var value = 0
            for byte in bytes[digitsStart..<integerEnd] { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            return .int(negative ? -value : value)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if index == integerEnd, let integer = Int(text) { return .int(integer) }
        // The text is valid grammar, which Double reads (out of range: ±infinity or zero).
        guard let double = Double(text) else { throw error("unreadable number") }
        // As the Decodable path does: `1.0` or `1e3` is an integer when it is a whole number that fits.
        if double.rounded() == double, abs(double) < 9.2e18 { return .int(Int(double)) }
        return .double(double)
    }
}
