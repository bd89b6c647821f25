import Foundation

/// Removes secrets from anything the server shows or logs.
///
/// Three nets, applied together:
/// - each resource's own inventory (`ResourceDeclaration.secretFields`), for secret fields whose
///   names do not say so (Glance's backend locations, Swift's TempURL and sync keys);
/// - name rules, case-insensitively, anywhere in a document: passwords, tokens, `adminPass`,
///   application-credential secrets, the auth fields of a volume's connection_info;
/// - value rules, on every string: the userinfo of a URL inside it is masked, and user data
///   (`user_data`, `OS-EXT-SRV-ATTR:user_data`) becomes a note of its size.
///
/// Free text cannot be masked by rule: a secret someone typed into a description or a server's
/// console output is shown as written.
public enum Redactor {
    public static let mask = "***"

    /// True when a key's value must never be shown.
    public static func isSecretKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        if harmlessKeys.contains(lower) { return false }
        if exactKeys.contains(lower) { return true }
        // Byte search: Foundation's `contains` goes through NSString on Linux, and this runs for
        // every key of every answer.
        let bytes = Array(lower.utf8)
        return secretFragments.contains { fragment in Self.contains(bytes, fragment) }
    }

    private static func contains(_ bytes: [UInt8], _ fragment: [UInt8]) -> Bool {
        guard bytes.count >= fragment.count else { return false }
        for start in 0...(bytes.count - fragment.count) where bytes[start] == fragment[0] {
            if bytes[start..<start + fragment.count].elementsEqual(fragment) { return true }
        }
        return false
    }

    private static let exactKeys: Set<String> = [
        "adminpass", "token", "secret", "auth_password", "auth_username", "x-auth-token",
        "x-subject-token", "private_key", "credential", "credentials",
    ]
    private static let harmlessKeys: Set<String> = ["password_expires_at", "token_expires_at", "secret_type"]
    private static let secretFragments = ["password", "passwd", "secret", "_token", "token_", "private_key", "api_key", "apikey"]
        .map { Array($0.utf8) }

    /// Returns a copy of `value` with every secret value replaced by `***`: the fields named in
    /// `fields` (lowercased; a resource's inventory), the name rules and the value rules.
    public static func redact(_ value: JSONValue, fields: Set<String> = []) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            result.reserveCapacity(members.count)
            for (key, member) in members {
                if member == .null {
                    result[key] = member
                } else if isUserData(key) {
                    result[key] = userDataNote(member)
                } else if isSecretKey(key) || (!fields.isEmpty && fields.contains(key.lowercased())) {
                    result[key] = .string(mask)
                } else {
                    result[key] = redact(member, fields: fields)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map { redact($0, fields: fields) })
        case .string(let text):
            return maskingURLUserinfo(text).map(JSONValue.string) ?? value
        default:
            return value
        }
    }

    /// Nova's user data (the base64 of what a server was created with, often a cloud-config with
    /// passwords in it), under any of its names.
    static func isUserData(_ key: String) -> Bool {
        let lower = key.lowercased()
        return lower == "user_data" || lower.hasSuffix(":user_data") || lower == "userdata"
    }

    /// What user data is shown as: that it exists and its size, never its content.
    static func userDataNote(_ value: JSONValue) -> JSONValue {
        guard case .string(let encoded) = value else { return .string(mask) }
        let bytes = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)?.count ?? encoded.utf8.count
        return .string("(user data present: \(bytes) bytes, not shown)")
    }

    /// The string with the userinfo of every URL in it (`scheme://user:secret@host`) replaced by
    /// `***`; nil when there is none, so most strings cost one scan and no copy.
    public static func maskingURLUserinfo(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while index + 2 < bytes.count {
                guard bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
                    bytes[index + 2] == UInt8(ascii: "/")
                else {
                    index += 1
                    continue
                }
                let start = index + 3
                var end = start
                var at: Int?
                // The authority ends at the path, query or fragment, or at what cannot be in a URL.
                while end < bytes.count, !Self.endsAuthority(bytes[end]) {
                    if bytes[end] == UInt8(ascii: "@") { at = end }
                    end += 1
                }
                if let at, at > start {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                    output.append(contentsOf: mask.utf8)
                    copied = at
                }
                index = end
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func endsAuthority(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), 0...0x20:
            return true
        default:
            return false
        }
    }

    /// Masks secret-looking query parameters and user info in a URL, for logs and errors.
    public static func redactURL(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        if components.password != nil { components.password = mask }
        if let items = components.queryItems {
            components.queryItems = items.map { isSecretKey($0.name) ? URLQueryItem(name: $0.name, value: mask) : $0 }
        }
        return components.string ?? url
    }

    /// Replaces every occurrence of the given secrets in free text.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where secret.count >= 4 {
            result = result.replacingOccurrences(of: secret, with: mask)
        }
        return result
    }
}
