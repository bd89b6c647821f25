import Foundation

/// A JSON document kept exactly as OpenStack sent it.
///
/// Tools use it for the `full` detail level, where the whole upstream object is shown, and for
/// reading fields whose shape changed between microversions.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses raw bytes; throws `DecodingError` on malformed JSON (trailing bytes included).
    ///
    /// A direct parser: decoding an enum with Codable tries each case in turn and throws on every
    /// miss, and JSONSerialization on Linux accepts trailing garbage and reads `1e3` as a double.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONParser.parse(data)
    }

    /// Parses one protocol message: like ``parse(_:)``, and also says whether an object repeated
    /// a member name, which a protocol layer must refuse (two readers could see two messages).
    public static func parseMessage(_ data: Data) throws -> (value: JSONValue, duplicateKeys: Bool) {
        try JSONParser.parseReportingDuplicates(data)
    }

    /// Member of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The string form of a scalar; numbers are rendered, so integer IDs (old Nova services) read as strings.
    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        default: return nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value): return Int(exactly: value)
        case .string(let value): return Int(value)
        default: return nil
        }
    }

    /// A number as a double (integers and numeric strings too).
    public var doubleValue: Double? {
        switch self {
        case .double(let value): return value
        case .int(let value): return Double(value)
        case .string(let value): return Double(value)
        default: return nil
        }
    }

    /// A boolean, also from the strings `"true"`/`"false"` that Cinder uses for `bootable`.
    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value):
            switch value.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: return nil
            }
        default: return nil
        }
    }

    public var isNull: Bool { self == .null }

    /// Compact JSON text with sorted keys, for logs and the text block of a tool result.
    public func compactText() -> String {
        String(decoding: JSONWriter.write(self), as: UTF8.self)
    }

    /// The bytes of ``compactText()``.
    public func compactBytes() -> [UInt8] { JSONWriter.write(self) }

    /// Appends the bytes of ``compactText()`` to `bytes`.
    public func write(into bytes: inout [UInt8]) { JSONWriter.write(self, into: &bytes) }

    /// The length in bytes of ``compactText()``.
    public var compactByteCount: Int { JSONWriter.write(self).count }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
