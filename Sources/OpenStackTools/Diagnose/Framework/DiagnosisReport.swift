import OpenStackKit

/// The one answer shape of every `diagnose_*` tool: findings most severe first, what was ruled
/// out, and what could not be checked.
struct DiagnosisReport: Sendable {
    /// What was diagnosed: `server`, `volume`, ... with its ID and name.
    var subject: (type: String, id: String, name: String?)
    var findings: [Finding] = []
    var checked: [(check: String, summary: String)] = []
    var unknown: [(check: String, reason: String)] = []

    init(subject: (type: String, id: String, name: String?)) {
        self.subject = subject
    }

    /// Findings by severity, causes before the symptoms they explain, then in the order found.
    var ordered: [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity < rhs.element.severity }
            if lhs.element.isSymptom != rhs.element.isSymptom { return !lhs.element.isSymptom }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Most evidence items one finding shows; the rest are counted, so answers stay small.
    static let evidencePerFinding = 12

    func result(cloud: String, region: String?) -> ToolResult {
        let findingsJSON = ordered.map { finding -> JSONValue in
            var shown = finding
            if shown.evidence.count > Self.evidencePerFinding {
                let more = shown.evidence.count - Self.evidencePerFinding
                shown.evidence = Array(shown.evidence.prefix(Self.evidencePerFinding))
                shown.summary += " (\(more) more evidence items not shown)"
            }
            return shown.json
        }
        var document: [String: JSONValue] = [
            "subject": .object(.compact([
                ("type", .string(subject.type)), ("id", .string(subject.id)), ("name", subject.name.map(JSONValue.string)),
            ])),
            "findings": .array(findingsJSON),
            "checked": .array(checked.map { ["check": .string($0.check), "summary": .string($0.summary)] }),
            "unknown": .array(unknown.map { ["check": .string($0.check), "reason": .string($0.reason)] }),
            "cloud": .string(cloud),
        ]
        if let region { document["region"] = .string(region) }
        if CallBudget.current?.isExhausted == true { document["partial"] = .bool(true) }
        return .structured(.object(document))
    }

    /// The output schema every diagnosis tool declares.
    static let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "subject": ["type": "object"],
            "findings": ["type": "array", "description": "Most severe first", "items": ["type": "object"]],
            "checked": ["type": "array", "description": "Ruled out", "items": ["type": "object"]],
            "unknown": ["type": "array", "description": "Could not check, and why", "items": ["type": "object"]],
            "cloud": ["type": "string"],
            "region": ["type": "string"],
        ],
        "required": ["subject", "findings", "checked", "unknown", "cloud"],
    ]
}
