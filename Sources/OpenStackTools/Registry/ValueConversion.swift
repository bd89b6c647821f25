import MCP
import OpenStackKit

extension Value {
    /// The MCP form of an OpenStack JSON value, built case by case (the SDK's decoder would run a
    /// data-URL regex on every string).
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .double(let value): self = .double(value)
        case .string(let value): self = .string(value)
        case .array(let items): self = .array(items.map(Value.init))
        case .object(let members): self = .object(members.mapValues(Value.init))
        }
    }
}

extension JSONValue {
    /// The OpenStack JSON form of an MCP value; nil when it holds binary data, which JSON text
    /// cannot hold without the SDK's data-URL encoding.
    public init?(_ value: MCP.Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .data: return nil
        case .array(let items):
            var converted: [JSONValue] = []
            converted.reserveCapacity(items.count)
            for item in items {
                guard let json = JSONValue(item) else { return nil }
                converted.append(json)
            }
            self = .array(converted)
        case .object(let members):
            var converted: [String: JSONValue] = [:]
            converted.reserveCapacity(members.count)
            for (key, member) in members {
                guard let json = JSONValue(member) else { return nil }
                converted[key] = json
            }
            self = .object(converted)
        }
    }
}
