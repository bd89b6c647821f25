import Foundation

/// The template a Heat stack was made from (`GET /stacks/{name}/{id}/template`), HOT or CFN, as
/// Heat stored it.
///
/// A template can carry secrets in its parameters' defaults: ``redacted`` masks the default of
/// every parameter that is hidden (`hidden: true`, CFN's `NoEcho`) or named like a secret
/// (`db_password`, `api_key`, `admin_pass`), and applies ``Redactor`` to the rest.
public struct StackTemplate: Sendable {
    public let raw: JSONValue
    /// `heat_template_version` (HOT) or `AWSTemplateFormatVersion` (CFN).
    public let version: String?
    public let description: String?
    /// The parameters' names, sorted.
    public let parameterNames: [String]
    /// The parameters whose default is masked, sorted.
    public let secretParameters: [String]
    /// Each resource's type, by resource name.
    public let resourceTypes: [String: String]

    public init(json: JSONValue) throws {
        guard let document = json.objectValue else { throw ModelError.missing(field: "template", in: "StackTemplate") }
        raw = json
        version = json.text("heat_template_version") ?? json.text("AWSTemplateFormatVersion")
        description = json.text("description") ?? json.text("Description")
        let parameters = Self.parameters(of: document)
        parameterNames = parameters.keys.sorted()
        secretParameters = parameters.filter { Self.isSecret(name: $0.key, definition: $0.value) }.keys.sorted()
        let resources = (document["resources"] ?? document["Resources"])?.objectValue ?? [:]
        resourceTypes = resources.compactMapValues { $0.text("type") ?? $0.text("Type") }
    }

    /// The path of a stack's template.
    public static func path(of stack: Stack) -> String {
        ResourcePath("stacks").appending(stack.name).appending(stack.id).appending(literal: "template").description
    }

    /// The template with secret parameters' defaults masked and ``Redactor``'s rules applied.
    public var redacted: JSONValue {
        guard let document = raw.objectValue else { return Redactor.redact(raw) }
        var result: [String: JSONValue] = [:]
        for (key, value) in document {
            if Self.namedSections.contains(key), let entries = value.objectValue {
                // Names of resources and outputs are the author's words (a resource called
                // `token`), not secrets: only what each holds goes through the redactor.
                result[key] = .object(entries.mapValues { Redactor.redact($0) })
                continue
            }
            guard key == "parameters" || key == "Parameters", let parameters = value.objectValue else {
                result[key] = Redactor.redact(value)
                continue
            }
            // Each definition is kept (type, description, constraints); only a secret's default goes.
            var masked: [String: JSONValue] = [:]
            for (name, definition) in parameters {
                guard var members = definition.objectValue else {
                    masked[name] = Redactor.redact(definition)
                    continue
                }
                let secret = Self.isSecret(name: name, definition: definition)
                for (field, member) in members {
                    members[field] = secret && (field == "default" || field == "Default") ? .string(Redactor.mask) : Redactor.redact(member)
                }
                masked[name] = .object(members)
            }
            result[key] = .object(masked)
        }
        return .object(result)
    }

    /// Sections whose keys are names the author chose.
    static let namedSections: Set<String> = ["resources", "Resources", "outputs", "Outputs", "parameter_groups", "conditions", "Conditions"]

    static func parameters(of document: [String: JSONValue]) -> [String: JSONValue] {
        (document["parameters"] ?? document["Parameters"])?.objectValue ?? [:]
    }

    /// Hidden (`hidden: true`, `NoEcho: true`) or named like a secret.
    static func isSecret(name: String, definition: JSONValue) -> Bool {
        if definition["hidden"]?.boolValue == true || definition["NoEcho"]?.boolValue == true { return true }
        let lower = name.lowercased()
        return Redactor.isSecretKey(lower) || lower.hasSuffix("pass") || lower.hasSuffix("_key") || lower.hasSuffix("passphrase")
    }
}
