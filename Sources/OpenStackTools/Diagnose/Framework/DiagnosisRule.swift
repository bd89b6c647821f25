/// One deterministic check of a diagnosis, over facts already read. Rules never read the cloud
/// themselves: the diagnosis gathers the facts once, concurrently, and each rule only decides.
protocol DiagnosisRule<Facts>: Sendable {
    associatedtype Facts
    /// The check's stable name, as `checked` and `unknown` show it.
    var check: String { get }
    func evaluate(_ facts: Facts) -> RuleOutcome
}

/// What a rule decided.
enum RuleOutcome: Sendable, Equatable {
    /// Nothing wrong: what was ruled out, in words.
    case passed(String)
    /// One or more causes.
    case found([Finding])
    /// The check could not run: why (a 403 names the role it needs).
    case unknown(String)
    /// The check does not apply here (no volumes to check, no route needed).
    case notApplicable
}

extension DiagnosisReport {
    /// Runs every rule over the same facts and files each outcome.
    mutating func apply<Facts>(_ rules: [any DiagnosisRule<Facts>], to facts: Facts) {
        for rule in rules {
            switch rule.evaluate(facts) {
            case .passed(let summary): checked.append((rule.check, summary))
            case .found(let found): findings += found
            case .unknown(let reason): unknown.append((rule.check, reason))
            case .notApplicable: break
            }
        }
    }
}
