import Foundation

/// One server-side filter of a resource, declared once: the argument's name, the query word the
/// API takes, its type and how its value is written. The list request, the JSON Schema entry and
/// the argument check all come from it.
public struct ResourceFilter: Sendable {
    /// The argument's type.
    public enum Kind: Sendable, Equatable {
        case string
        case boolean
        /// An integer from a closed set (e.g. `ip_version` 4 or 6).
        case integer([Int])
        /// A string from a closed set, matched without regard to case.
        case enumeration([String])
        /// An integer of at least this value and at most 2³¹−1 (the services keep 32-bit counts).
        case atLeast(Int)
        /// A regular expression, checked before it is sent: Nova answers an invalid pattern with
        /// an empty list, which a caller would take for "nothing matches".
        case regex
        /// An ISO 8601 date or time (UTC when no zone is given), sent as `2026-01-15T12:00:00Z`.
        case dateTime
    }

    /// How the argument's value becomes the query value.
    public enum Transform: Sendable, Equatable {
        case asGiven
        case uppercased
        case lowercased
        /// The allowed value that matches, in the spelling the API wants (`ipv6` → `IPv6`).
        case canonical
        /// The value put into a template, e.g. `ip_address=%@` (Neutron's `fixed_ips`).
        case template(String)
        /// `true` and `false` written as these words (Nova's `all_tenants` wants `True`).
        case words(true: String, false: String)
        /// Values written as the API wants them, `nil` meaning "send nothing" (Nova's `is_public`:
        /// `all` is `None`, the default `true` is not sent; a `minDisk` of 0 is not sent). Values
        /// not in the map are written as given; an enumeration's value is matched without regard
        /// to case first.
        case mapped([String: String?])
    }

    /// The tool argument, e.g. `external`.
    public let name: String
    /// The query word, e.g. `router:external`.
    public let upstream: String
    public let kind: Kind
    public let transform: Transform
    /// What the argument means; empty when its name says enough (a model reads every schema on
    /// every turn, so bare is better than repeated).
    public let description: String

    public init(_ name: String, upstream: String? = nil, kind: Kind, transform: Transform = .asGiven, _ description: String = "") {
        self.name = name
        self.upstream = upstream ?? name
        self.kind = kind
        self.transform = transform
        self.description = description
    }

    /// A string filter, e.g. `.string("network_id")`.
    public static func string(_ name: String, upstream: String? = nil, transform: Transform = .asGiven, _ description: String = "") -> Self {
        Self(name, upstream: upstream, kind: .string, transform: transform, description)
    }

    /// A boolean filter, written `true`/`false` unless `transform` says other words.
    public static func bool(_ name: String, upstream: String? = nil, transform: Transform = .asGiven, _ description: String = "") -> Self {
        Self(name, upstream: upstream, kind: .boolean, transform: transform, description)
    }

    /// A string from a closed set, e.g. `.enumeration("status", ["ACTIVE", "DOWN"], .uppercased)`.
    public static func enumeration(
        _ name: String, _ values: [String], _ transform: Transform = .asGiven, upstream: String? = nil, _ description: String = ""
    ) -> Self {
        Self(name, upstream: upstream, kind: .enumeration(values), transform: transform, description)
    }

    /// An integer from a closed set.
    public static func integer(_ name: String, _ values: [Int], upstream: String? = nil, _ description: String = "") -> Self {
        Self(name, upstream: upstream, kind: .integer(values), description)
    }

    /// An integer of at least `minimum`, e.g. `.atLeast("min_ram", 0, upstream: "minRam")`.
    public static func atLeast(
        _ name: String, _ minimum: Int, upstream: String? = nil, transform: Transform = .asGiven, _ description: String = ""
    ) -> Self {
        Self(name, upstream: upstream, kind: .atLeast(minimum), transform: transform, description)
    }

    /// Neutron's `ip_version`: 4 or 6.
    public static let ipVersion = integer("ip_version", [4, 6])

    /// The JSON Schema of the argument.
    public var schema: JSONValue {
        var schema: [String: JSONValue]
        switch kind {
        case .string: schema = ["type": "string"]
        case .boolean: schema = ["type": "boolean"]
        case .integer(let values): schema = ["type": "integer", "enum": .array(values.map { .int($0) })]
        case .enumeration(let values): schema = ["type": "string", "enum": .array(values.map(JSONValue.string))]
        case .atLeast(let minimum): schema = ["type": "integer", "minimum": .int(minimum)]
        case .regex, .dateTime: schema = ["type": "string"]
        }
        if !description.isEmpty { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// The query item for an argument's value; nil when the value is null or a blank string, or
    /// when the transform sends nothing for it.
    public func query(for value: JSONValue) throws -> URLQueryItem? {
        guard let text = try text(of: value), let written = try written(text) else { return nil }
        return URLQueryItem(name: upstream, value: written)
    }

    private func text(of value: JSONValue) throws -> String? {
        switch (kind, value) {
        case (_, .null):
            return nil
        case (.boolean, .bool(let flag)):
            return String(flag)
        case (.boolean, .string(let word)) where ["true", "false"].contains(word.lowercased()):
            return word.lowercased()
        case (.boolean, _):
            throw ArgumentError(argument: name, problem: "expected true or false")
        case (.integer(let allowed), _):
            guard let number = Self.integer(value), allowed.contains(number) else {
                throw ArgumentError(argument: name, problem: "allowed: \(allowed.map(String.init).joined(separator: ", "))")
            }
            return String(number)
        case (.atLeast(let minimum), _):
            guard let number = Self.integer(value) else { throw ArgumentError(argument: name, problem: "expected an integer") }
            let range = minimum...Int(Int32.max)
            guard range.contains(number) else {
                throw ArgumentError(
                    argument: name, problem: "\(number) is out of range; allowed: \(range.lowerBound)–\(range.upperBound)")
            }
            return String(number)
        case (.string, .string(let text)), (.enumeration, .string(let text)), (.regex, .string(let text)),
            (.dateTime, .string(let text)):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            return try checked(trimmed)
        case (.string, _), (.enumeration, _), (.regex, _), (.dateTime, _):
            throw ArgumentError(argument: name, problem: "expected a string")
        }
    }

    private static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case .int(let int): return int
        case .double(let double): return Int(exactly: double)
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    /// A regex as given once it compiles; a date or time in the UTC form the API reads.
    private func checked(_ text: String) throws -> String {
        switch kind {
        case .regex:
            guard (try? NSRegularExpression(pattern: text)) != nil else {
                throw ArgumentError(
                    argument: name, problem: "'\(text)' is not a valid regular expression; escape special characters such as ( [ * + ?")
            }
            return text
        case .dateTime:
            guard let date = ISODate.parse(text) else {
                throw ArgumentError(
                    argument: name, problem: "'\(text)' is not an ISO 8601 date or time; use e.g. 2026-01-15 or 2026-01-15T12:00:00Z")
            }
            return ISODate.format(date)
        default:
            return text
        }
    }

    private func written(_ text: String) throws -> String? {
        if case .enumeration(let allowed) = kind, !allowed.contains(where: { $0.lowercased() == text.lowercased() }) {
            throw ArgumentError(argument: name, problem: "'\(text)' is not allowed; allowed: \(allowed.joined(separator: ", "))")
        }
        switch transform {
        case .asGiven: return text
        case .uppercased: return text.uppercased()
        case .lowercased: return text.lowercased()
        case .canonical:
            guard case .enumeration(let allowed) = kind else { return text }
            return allowed.first { $0.lowercased() == text.lowercased() } ?? text
        case .template(let template): return template.replacingOccurrences(of: "%@", with: text)
        case .words(let yes, let no): return text == "true" ? yes : no
        case .mapped(let map):
            var key = text
            if case .enumeration(let allowed) = kind { key = allowed.first { $0.lowercased() == text.lowercased() } ?? text }
            guard let mapped = map[key] else { return text }
            return mapped
        }
    }
}
