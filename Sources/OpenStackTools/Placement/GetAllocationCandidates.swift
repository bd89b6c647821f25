import Foundation
import OpenStackKit

/// `get_allocation_candidates`: which providers could take a request of resources and traits,
/// the question the scheduler asks Placement (admin).
enum GetAllocationCandidates {
    static let listOfStrings: JSONValue = ["type": "array", "items": ["type": "string"]]

    static var definition: ToolDefinition {
        ListTool<AllocationCandidate>(
            name: "get_allocation_candidates", title: "Ask Placement which providers could take a request",
            description:
                "Placement allocation candidates (admin): providers that could take these resources, traits, aggregates.",
            noun: "allocation candidate",
            extraProperties: [
                "resources": Schema.string("e.g. VCPU:2,MEMORY_MB:4096,DISK_GB:20"),
                "required": described(listOfStrings, "Traits; !TRAIT forbids"),
                "member_of": described(listOfStrings, "Aggregate UUIDs (any)"),
                "in_tree": Schema.string("Provider UUID"),
            ],
            required: ["resources"],
            request: request,
            searchFields: { candidate in candidate.providers.map(\.uuid) },
            lookups: { cloud, _ in Lookups(values: ["provider": (await ProviderArgument.names(cloud: cloud)).mapValues(JSONValue.string)]) },
            basic: { candidate, found in
                [
                    "candidate": .string(candidate.candidate),
                    "providers": .array(candidate.providers.map { provider in
                        .object(.compact([
                            ("uuid", .string(provider.uuid)), ("name", found.name("provider", provider.uuid).json),
                            ("resources", .object(provider.resources.mapValues(JSONValue.int))),
                        ]))
                    }),
                ]
            },
            detailed: { candidate, found in
                [
                    "providers": .array(candidate.providers.map { provider in
                        var capacity: [String: JSONValue] = [:]
                        for (name, value) in provider.capacity {
                            capacity[name] = ["capacity": .int(value.capacity), "used": .int(value.used), "free": .int(value.capacity - value.used)]
                        }
                        return .object(.compact([
                            ("uuid", .string(provider.uuid)), ("name", found.name("provider", provider.uuid).json),
                            ("resources", .object(provider.resources.mapValues(JSONValue.int))),
                            ("summary", .object(capacity)), ("traits", provider.traits.map { .array($0.map(JSONValue.string)) }),
                        ]))
                    })
                ]
            },
            prepare: { cloud, arguments, request in
                try await checkMicroversion(arguments, cloud: cloud)
                return request
            },
            lookupLevels: [.basic, .detailed],
            emptyExplanation: explanation
        ).definition
    }

    static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(var members) = schema else { return schema }
        members["description"] = .string(description)
        return .object(members)
    }

    /// The query Placement expects: `resources`, one `required` with the traits joined by commas,
    /// `member_of=in:` the aggregates, `in_tree`, and `limit`.
    static func request(_ arguments: ToolArguments) throws -> ListRequest {
        guard let resources = try arguments.string("resources")?.replacingOccurrences(of: " ", with: "") else {
            throw ToolArgumentError(argument: "resources", problem: "required: amounts per resource class, e.g. VCPU:2,MEMORY_MB:4096")
        }
        let pattern = #"^[A-Z0-9_]+:[0-9]+(,[A-Z0-9_]+:[0-9]+)*$"#
        guard resources.range(of: pattern, options: .regularExpression) != nil else {
            throw ToolArgumentError(
                argument: "resources", problem: "'\(resources)' is not CLASS:AMOUNT[,CLASS:AMOUNT...], e.g. VCPU:2,MEMORY_MB:4096,DISK_GB:20")
        }
        var request = try AllocationCandidate.declaration.request(arguments)
        request.query = [URLQueryItem(name: "resources", value: resources)]
        let required = try strings(arguments, "required")
        if !required.isEmpty { request.query.append(URLQueryItem(name: "required", value: required.joined(separator: ","))) }
        let aggregates = try strings(arguments, "member_of")
        if !aggregates.isEmpty {
            request.query.append(URLQueryItem(name: "member_of", value: aggregates.count == 1 ? aggregates[0] : "in:" + aggregates.joined(separator: ",")))
        }
        if let tree = try arguments.string("in_tree") { request.query.append(URLQueryItem(name: "in_tree", value: tree)) }
        // Placement caps the candidates itself (1.16+); the tool keeps the same cap.
        request.query.append(URLQueryItem(name: "limit", value: String(try arguments.int("limit", default: 100, range: 1...1000))))
        return request
    }

    /// A list argument: a JSON array of strings, or one comma-separated string.
    static func strings(_ arguments: ToolArguments, _ name: String) throws -> [String] {
        let values: [String]
        switch arguments.values[name] {
        case nil: return []
        case .string(let text)?: values = text.split(separator: ",").map(String.init)
        case .array(let items)?:
            values = try items.map { item in
                guard let text = item.stringValue, case .string = item else {
                    throw ToolArgumentError(argument: name, problem: "expected a list of strings")
                }
                return text
            }
        default: throw ToolArgumentError(argument: name, problem: "expected a list of strings")
        }
        return values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Forbidden traits need Placement 1.22 and `in_tree` 1.31: an older Placement gets an
    /// error that says so, not a request it would refuse.
    static func checkMicroversion(_ arguments: ToolArguments, cloud: OpenStackCloud) async throws {
        let endpoint = try await cloud.endpoint(.placement)
        var needs: [(String, Int)] = [("allocation candidates", 10)]
        if try strings(arguments, "required").contains(where: { $0.hasPrefix("!") }) { needs.append(("forbidden traits (!TRAIT)", 22)) }
        if !(try strings(arguments, "required")).isEmpty { needs.append(("required traits", 17)) }
        if !(try strings(arguments, "member_of")).isEmpty { needs.append(("member_of", 21)) }
        if try arguments.string("in_tree") != nil { needs.append(("in_tree", 31)) }
        needs.append(("limit", 16))
        for (what, minor) in needs where !endpoint.supports(1, minor) {
            throw OpenStackError(
                kind: .http, service: ServiceType.placement.projectName, method: "GET", url: "/allocation_candidates",
                message: "\(what) needs Placement microversion 1.\(minor); this cloud offers \(endpoint.microversion.map { "\($0)" } ?? "no microversions")",
                nextStep: "leave out that argument, or ask the operators to upgrade Placement")
        }
    }

    /// What an empty answer means, with the request in Placement's words.
    static func explanation(_ arguments: ToolArguments) -> String {
        var asked = ["resources=\((try? arguments.string("resources")) ?? "")"]
        if let required = try? strings(arguments, "required"), !required.isEmpty { asked.append("required=\(required.joined(separator: ","))") }
        if let aggregates = try? strings(arguments, "member_of"), !aggregates.isEmpty { asked.append("member_of=\(aggregates.joined(separator: ","))") }
        if let tree = try? arguments.string("in_tree") { asked.append("in_tree=\(tree)") }
        return "No resource provider satisfies this request (\(asked.joined(separator: "; "))): the scheduler would find no valid host for it. "
            + "Next: ask again without one constraint at a time to find the one that no provider meets, and compare with get_resource_provider_traits and get_resource_provider_inventories."
    }
}
