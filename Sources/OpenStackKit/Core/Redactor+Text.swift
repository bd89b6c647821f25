import Foundation

extension Redactor {
    /// Free text (a server's console log) with the secrets that have a recognisable shape masked,
    /// and how many were masked.
    ///
    /// Masked: the value after a secret-sounding name (`password=…`, `db_password: …`,
    /// `"api_key": "…"`, `X-Auth-Token: …`), private key blocks (`-----BEGIN … PRIVATE KEY-----`
    /// to its end), AWS access key IDs, `Bearer`/`Basic` credentials, Keystone Fernet tokens, the
    /// userinfo of URLs and the `user:password` lines cloud-init prints after "Set the following
    /// 'random' passwords". Public keys (`ssh-rsa …`) are not secrets and stay.
    ///
    /// Not caught: a secret with no name or shape next to it (a bare password on a line of its
    /// own, a key split across lines or encoded), and names this list does not know.
    public static func redactText(_ text: String) -> (text: String, masked: Int) {
        var text = text
        var masked = 0
        for rule in TextRules.all {
            let (next, count) = rule.apply(to: text)
            text = next
            masked += count
        }
        if let unmasked = maskingURLUserinfo(text) {
            masked += 1
            text = unmasked
        }
        return (text, masked)
    }
}

/// One pattern of a secret in free text and what it becomes.
private struct TextRule: Sendable {
    let expression: NSRegularExpression
    /// The replacement of one match, from its capture groups; nil leaves it as it is.
    let replace: @Sendable ([String?]) -> String?

    init(_ pattern: String, options: NSRegularExpression.Options = [.caseInsensitive], replace: @escaping @Sendable ([String?]) -> String?) {
        // The patterns are literals of this file: a bad one is a bug, caught by the tests.
        expression = try! NSRegularExpression(pattern: pattern, options: options)
        self.replace = replace
    }

    func apply(to text: String) -> (String, Int) {
        let source = text as NSString
        var result = ""
        var copied = 0
        var count = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let groups = (0..<match.numberOfRanges).map { index -> String? in
                let range = match.range(at: index)
                return range.location == NSNotFound ? nil : source.substring(with: range)
            }
            guard let replacement = replace(groups), replacement != groups[0] else { continue }
            result += source.substring(with: NSRange(location: copied, length: match.range.location - copied))
            result += replacement
            copied = match.range.location + match.range.length
            count += 1
        }
        guard count > 0 else { return (text, 0) }
        result += source.substring(from: copied)
        return (result, count)
    }
}

private enum TextRules {
    static let mask = Redactor.mask
    /// Words that make a name secret-sounding, as in the key rules of ``Redactor``.
    static let secretName = #"[A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_.-]*"#

    static let all: [TextRule] = [
        // A whole private key, to its END line or, when the log was cut inside it, to the end.
        TextRule(
            #"-----BEGIN ([A-Z0-9 ]*PRIVATE KEY[A-Z ]*)-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|$)"#,
            options: []
        ) { groups in "-----BEGIN \(groups[1] ?? "PRIVATE KEY")----- \(mask) (private key removed)" },
        // "name": "value" (JSON, YAML flow).
        TextRule(#"("\#(secretName)"\s*:\s*)"(?:[^"\\]|\\.)*""#) { groups in
            (groups[1] ?? "") + "\"\(mask)\""
        },
        // Bearer and Basic credentials, before the name rule takes "Authorization: Bearer" as the value.
        TextRule(#"\b(Bearer|Basic)[ \t]+[A-Za-z0-9._~+/=-]{8,}"#) { groups in "\(groups[1] ?? "Bearer") \(mask)" },
        // name=value, name: value, name = 'value' on one line.
        TextRule(#"\b(\#(secretName))("?[ \t]*[=:][ \t]*)("[^"\n]*"|'[^'\n]*'|[^\s"',;]+)"#) { groups in
            guard let value = groups[3], !value.contains(mask), !isHarmless(groups[1] ?? "") else { return nil }
            return (groups[1] ?? "") + (groups[2] ?? "=") + mask
        },
        // AWS access key IDs.
        TextRule(#"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#, options: []) { _ in mask },
        // Keystone Fernet tokens.
        TextRule(#"\bgAAAAA[A-Za-z0-9_-]{60,}"#, options: []) { _ in mask },
        // cloud-init's chpasswd prints generated passwords as user:password under this line.
        TextRule(#"(Set the following 'random' passwords[^\n]*\n)((?:[^\s:]+:[^\s]+\n?)+)"#) { groups in
            let lines = (groups[2] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.firstIndex(of: ":").map { line[..<$0] + ":" + mask } ?? Substring(line)
            }
            return (groups[1] ?? "") + lines.joined(separator: "\n")
        },
    ]

    /// Names that sound secret but hold none.
    static func isHarmless(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix("_expires_at") || lower.hasSuffix("_type") || lower == "tokens"
            || lower.hasSuffix("authentication")
    }
}
