/// A parsed query string that remembers the raw encoding, so paging links can keep
/// the caller's other parameters exactly as sent.
struct QueryString: Sendable {
    /// One `name=value` pair (decoded) plus its raw text.
    struct Item: Sendable {
        let name: String
        let value: String
        let raw: String
    }

    let items: [Item]

    init(_ raw: String?) {
        guard let raw, !raw.isEmpty else {
            items = []
            return
        }
        items = raw.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            return Item(name: name, value: value, raw: String(part))
        }
    }

    private init(items: [Item]) {
        self.items = items
    }

    /// The first value for `name`.
    func first(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value for `name`, in order.
    func all(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// Whether `name` is present at all (even with an empty value).
    func has(_ name: String) -> Bool {
        items.contains { $0.name == name }
    }

    /// OpenStack-style truthiness of a flag such as `all_tenants` (`1`, `true`, `True`, empty = true).
    func flag(_ name: String) -> Bool {
        guard let value = first(name) else { return false }
        return !["0", "false", "no", "off"].contains(value.lowercased())
    }

    /// A copy where every `name` in `replacements` is set to the new value (appended when
    /// missing, in the order given) and every name in `removing` is dropped.
    func replacing(_ replacements: [(String, String)], removing: Set<String> = []) -> QueryString {
        let replaced = Set(replacements.map(\.0))
        var kept = items.filter { !replaced.contains($0.name) && !removing.contains($0.name) }
        for (name, value) in replacements {
            kept.append(Item(name: name, value: value, raw: Self.encode(name) + "=" + Self.encode(value)))
        }
        return QueryString(items: kept)
    }

    /// The query text (without `?`).
    var encoded: String {
        items.map(\.raw).joined(separator: "&")
    }

    /// Percent-encodes a query component (keeps unreserved characters plus `:` and `,`).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: ","):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Decodes `+` and `%XX` escapes.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
