import OpenStackKit

/// How bad a finding is; findings are shown most severe first.
enum Severity: String, Sendable, Comparable, CaseIterable {
    case error, warning, info

    static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
}

/// One fact that shows a cause: which resource, which field, what value.
struct Evidence: Sendable, Equatable {
    var type: String
    var id: String?
    var name: String?
    var field: String
    var value: JSONValue

    init(_ type: String, id: String?, name: String? = nil, field: String, value: JSONValue) {
        self.type = type
        self.id = id
        self.name = name?.isEmpty == true ? nil : name  // Neutron's unnamed ports have "" for a name
        self.field = field
        self.value = value
    }

    var json: JSONValue {
        .object(.compact([
            ("type", .string(type)), ("id", id.map(JSONValue.string)), ("name", name.map(JSONValue.string)),
            ("field", .string(field)), ("value", value),
        ]))
    }
}

/// A cause found by a rule, in OpenStack's terms, with its evidence and what to do next.
struct Finding: Sendable, Equatable {
    var severity: Severity
    /// Stable, for agents and tests: `no_host_with_trait`, `security_group_blocks`, ...
    var code: String
    /// One sentence naming the cause.
    var summary: String
    var evidence: [Evidence]
    /// What a person checks next, with the `openstack` command that shows it.
    var nextStep: String
    /// A symptom (the server is in ERROR) sorts after the causes of the same severity that
    /// explain it (no host has the trait), so the top finding is the most specific one.
    var isSymptom = false

    var json: JSONValue {
        .object([
            "severity": .string(severity.rawValue), "code": .string(code), "summary": .string(summary),
            "evidence": .array(evidence.map(\.json)), "next_step": .string(nextStep),
        ])
    }
}
