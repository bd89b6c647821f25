import Foundation
import OpenStackKit

/// An argument that is missing, of the wrong type or out of range. It becomes an `isError` result
/// that names the argument and what is allowed. Declared in OpenStackKit, whose resource filters
/// throw it too.
public typealias ToolArgumentError = ArgumentError

/// The arguments of one tool call, with typed, validated access.
public struct ToolArguments: Sendable {
    /// The arguments given: a null or a blank string counts as not given, because LLM clients
    /// often send every optional field, empty (`"cloud": ""`).
    public let values: [String: JSONValue]

    public init(_ values: [String: JSONValue]?) {
        self.values = (values ?? [:]).filter { _, value in
            switch value {
            case .null: return false
            case .string(let text): return !text.allSatisfy(\.isWhitespace)
            default: return true
            }
        }
    }

    /// Rejects arguments the tool's schema does not declare.
    func checkKnown(_ allowed: Set<String>) throws {
        for key in values.keys.sorted() where !allowed.contains(key) {
            throw ToolArgumentError(
                argument: key, problem: "this tool has no such argument; allowed: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    public func string(_ name: String) throws -> String? {
        guard let value = values[name], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw ToolArgumentError(argument: name, problem: "expected a string")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    public func int(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value = values[name], value != .null else { return defaultValue }
        let number: Int?
        switch value {
        case .int(let int): number = int
        case .double(let double): number = Int(exactly: double)
        case .string(let text): number = Int(text)
        default: number = nil
        }
        guard let number else { throw ToolArgumentError(argument: name, problem: "expected an integer") }
        guard range.contains(number) else {
            throw ToolArgumentError(
                argument: name, problem: "\(number) is out of range; allowed: \(range.lowerBound)–\(range.upperBound)")
        }
        return number
    }

    public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let value = values[name], value != .null else { return defaultValue }
        switch value {
        case .bool(let bool): return bool
        case .string(let text) where ["true", "false"].contains(text.lowercased()): return text.lowercased() == "true"
        default: throw ToolArgumentError(argument: name, problem: "expected true or false")
        }
    }

    public func choice(_ name: String, allowed: [String], default defaultValue: String) throws -> String {
        guard let text = try string(name) else { return defaultValue }
        let lower = text.lowercased()
        guard let match = allowed.first(where: { $0.lowercased() == lower }) else {
            throw ToolArgumentError(argument: name, problem: "'\(text)' is not allowed; allowed: \(allowed.joined(separator: ", "))")
        }
        return match
    }
}

/// How much of each resource a list shows.
public enum DetailLevel: String, Sendable, CaseIterable {
    /// The columns of `openstack <thing> list`.
    case basic
    /// Adds what an operator needs next.
    case detailed
    /// The whole upstream object, secrets redacted.
    case full
}

extension ToolArguments {
    /// A regular-expression argument, checked before it is sent: Nova answers an invalid pattern
    /// with an empty list, which an agent would take for "no such servers".
    public func regex(_ name: String) throws -> String? {
        guard let pattern = try string(name) else { return nil }
        do {
            _ = try NSRegularExpression(pattern: pattern)
        } catch {
            throw ToolArgumentError(
                argument: name, problem: "'\(pattern)' is not a valid regular expression; escape special characters such as ( [ * + ?")
        }
        return pattern
    }
}
