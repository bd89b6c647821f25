import Foundation

/// Removes secrets from anything the server shows or logs.
///
/// Keys are matched by name, case-insensitively, anywhere in a document: passwords, tokens,
/// `adminPass`, application-credential secrets, and the auth fields of a volume's connection_info.
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

    /// Returns a copy of `value` with every secret value replaced by `***`.
    public static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                if isSecretKey(key), member != .null {
                    result[key] = .string(mask)
                } else {
                    result[key] = redact(member)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(redact))
        default:
            return value
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
