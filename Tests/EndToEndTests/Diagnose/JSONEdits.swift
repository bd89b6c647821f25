import OpenStackKit

extension JSONValue {
    /// A copy of this object with `changes` set (tests build variants of one fixture).
    func with(_ changes: [String: JSONValue]) -> JSONValue {
        guard case .object(var members) = self else { return self }
        for (key, value) in changes { members[key] = value }
        return .object(members)
    }
}
