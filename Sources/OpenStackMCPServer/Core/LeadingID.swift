import Foundation
import OpenStackKit

/// The `id` of a message too long to parse, read from its first bytes, so that its refusal
/// reaches the request that is waiting for it (with `id: null` the client never gets an answer).
///
/// A forgiving scan of the top-level object's members, in order, up to the end of the prefix:
/// `{"jsonrpc":"2.0","id":7,"method":…,"params":{…huge…}}` gives 7. It gives nil when the `id`
/// comes after a member the prefix cuts off, when the `id` is not a string or an integer, or
/// when the prefix names `id` twice.
enum LeadingID {
    /// How much of an oversize message is read to find its id.
    static let prefixBytes = 4096

    static func find<Bytes: Collection<UInt8>>(in prefix: Bytes) -> RPCID? {
        var scanner = MemberScanner(bytes: Array(prefix.prefix(prefixBytes)))
        return scanner.topLevelID()
    }
}

private struct MemberScanner {
    let bytes: [UInt8]
    var index = 0

    mutating func topLevelID() -> RPCID? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var found: RPCID?
        while true {
            skipSpace()
            guard let keyToken = stringToken(), case .string(let key)? = try? JSONValue.parse(Data(keyToken)) else {
                return found
            }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return found }
            skipSpace()
            if key == "id" {
                // Two ids: which one the sender meant is anyone's guess (a whole message is refused for it).
                guard found == nil, let token = scalarToken(), let value = try? JSONValue.parse(Data(token)) else {
                    return nil
                }
                found = RPCID(value)
                if found == nil { return nil }
            } else if !skipValue() {
                return found
            }
            skipSpace()
            guard take(UInt8(ascii: ",")) else { return found }
        }
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A whole string token, quotes included; nil when the prefix ends inside it.
    private mutating func stringToken() -> ArraySlice<UInt8>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "\\"): end += 2
            case UInt8(ascii: "\""):
                let token = bytes[index...end]
                index = end + 1
                return token
            default: end += 1
            }
        }
        return nil
    }

    /// A string, or a number or literal that something follows within the prefix (else it may be cut short).
    private mutating func scalarToken() -> ArraySlice<UInt8>? {
        if let string = stringToken() { return string }
        let start = index
        while index < bytes.count, Self.isScalarByte(bytes[index]) { index += 1 }
        guard index > start, index < bytes.count else { return nil }
        return bytes[start..<index]
    }

    private static func isScalarByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return true
        default: return false
        }
    }

    /// Steps over one value; false when the prefix ends first (or the text is not JSON).
    private mutating func skipValue() -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return stringToken() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard stringToken() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default: break
                }
                index += 1
            }
            return false
        default:
            return scalarToken() != nil
        }
    }
}
