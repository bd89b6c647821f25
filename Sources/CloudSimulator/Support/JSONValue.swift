/// A JSON value whose objects keep their key order, so responses read like the OpenStack samples.
enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([JSONMember])

    /// A string, or `null` when the value is absent.
    static func str(_ value: String?) -> JSON {
        value.map { .string($0) } ?? .null
    }

    /// An integer, or `null` when the value is absent.
    static func num(_ value: Int?) -> JSON {
        value.map { .int($0) } ?? .null
    }

    /// An object with the dictionary's entries sorted by key (deterministic output).
    static func stringMap(_ map: [String: String]) -> JSON {
        .object(map.keys.sorted().map { JSONMember(key: $0, value: .string(map[$0]!)) })
    }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSON {
        .array(values.map { .string($0) })
    }

    /// The member named `key` when this is an object.
    subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Replaces the member named `key`, or appends it.
    mutating func set(_ key: String, _ value: JSON) {
        guard case .object(var members) = self else { return }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index] = JSONMember(key: key, value: value)
        } else {
            members.append(JSONMember(key: key, value: value))
        }
        self = .object(members)
    }

    /// Keeps only the members whose keys are in `keys` (Neutron `fields=`).
    func selecting(_ keys: Set<String>) -> JSON {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { keys.contains($0.key) })
    }

    /// The text of a string value, nil for anything else.
    var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The keys of an object, in order.
    var keys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.key)
    }

    /// The string form used to compare against query-string filters.
    var filterText: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .array, .object: return nil
        }
    }
}

/// One key/value pair of a JSON object.
struct JSONMember: Sendable, Equatable {
    let key: String
    let value: JSON
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByNilLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(nilLiteral: ()) { self = .null }
    init(floatLiteral value: Double) { self = .double(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(elements.map { JSONMember(key: $0.0, value: $0.1) })
    }
}
