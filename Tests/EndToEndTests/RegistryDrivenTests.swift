import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// Tests over every tool in the registry, so a new tool is covered without a list to keep.
@Suite struct RegistryDrivenTests {
    static let names = ToolRegistry.catalog.map(\.definition.name)

    @Test(arguments: Self.names) func theSchemaIsHonest(_ name: String) throws {
        let tool = try #require(ToolRegistry.catalog.first { $0.definition.name == name }?.definition)
        let schema = try #require(tool.inputSchema.objectValue)
        let properties = try #require(schema["properties"]?.objectValue)
        for case .string(let required) in schema["required"]?.arrayValue ?? [] {
            #expect(properties[required] != nil, "\(name): required \(required) is not a property")
        }
        #expect((properties["region"] != nil) == tool.cloudScoped, "\(name): cloud and region come from the registry's rule")
        if tool.cloudScoped { #expect(properties["cloud"] != nil) }
        for (key, property) in properties {
            #expect(property.objectValue?["type"] != nil, "\(name).\(key) has no type")
        }
        #expect(!tool.description.isEmpty && tool.description.count < 300, "\(name): \(tool.description.count) characters")
        #expect(tool.declaration["annotations"]?["readOnlyHint"] == true && tool.declaration["annotations"]?["openWorldHint"] == true)
    }

    /// The arguments a tool needs, each read from the first item of the list tool that names it
    /// (an ID, or a Swift name): `id` from the tool's own list, `server` from get_instances, ...
    static func arguments(for name: String, schema: [String: JSONValue], client: MCPTestClient) async throws -> JSONValue {
        let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var arguments: [String: JSONValue] = [:]
        for key in required {
            let (source, field): (String, String)
            switch key {
            case "resources":
                // Not read from a list: a request that the demo's hosts can hold.
                arguments[key] = "VCPU:1,MEMORY_MB:512"
                continue
            case "provider": (source, field) = ("get_resource_providers", "uuid")
            case "server" where name == "get_instance_console_log":
                // A running server: one never placed on a host has no console (409).
                let listed = try await client.call("get_instances", ["status": "ACTIVE", "limit": 1])
                arguments[key] = try #require(listed.items.first?["id"], "the demo has no ACTIVE server")
                continue
            case "server": (source, field) = ("get_instances", "id")
            case "stack": (source, field) = ("get_stacks", "id")
            case "pool": (source, field) = ("get_pools", "id")
            case "group": (source, field) = ("get_groups", "id")
            case "volume", "load_balancer": (source, field) = ("get_\(key)s", "id")
            case "container": (source, field) = ("get_containers", "name")
            case "floating_ip":
                // The floating IP that has port forwardings, as Neutron embeds them in each floating IP.
                let listed = try await client.call("get_floating_ips", ["limit": 1000, "detail_level": "full"])
                let forwarded = listed.items.first { $0["port_forwardings"]?.arrayValue?.isEmpty == false }
                arguments[key] = try #require(forwarded?["id"], "no floating IP has port forwardings")
                continue
            case "object": (source, field) = ("get_objects", "name")
            case "type": (source, field) = ("get_volume_types", "id")
            case "l7policy": (source, field) = ("get_l7_policies", "id")
            case "alarm": (source, field) = ("get_alarms", "id")
            case "metric": (source, field) = ("get_metrics", "id")
            case "query": (source, field) = ("get_zones", "name")
            case "image":
                // A shared image: Glance keeps members for those only.
                let listed = try await client.call("get_images", ["visibility": "shared", "limit": 1])
                arguments[key] = try #require(listed.items.first?["id"], "the demo has no shared image")
                continue
            case "flavor":
                // A private flavor: a public one has no access list.
                let listed = try await client.call("get_flavors", ["is_public": "false", "limit": 1])
                arguments[key] = try #require(listed.items.first?["id"], "the demo has no private flavor")
                continue
            default:
                let lists = ["describe_instance": "get_instances", "describe_stack": "get_stacks"]
                (source, field) = (lists[name] ?? name + "s", "id")
            }
            // The demo's stacks and shares belong to other projects; the admin lists them across projects.
            var query: [String: JSONValue] = ["limit": 1, "detail_level": "basic"]
            if source == "get_stacks" || source == "get_shares" { query["all_projects"] = true }
            if source == "get_objects" { query["container"] = arguments["container"] }
            let listed = try await client.call(source, .object(query))
            let value = try #require(listed.items.first?[field]?.stringValue, "\(source) listed nothing for \(name)")
            arguments[key] = .string(value)
        }
        return .object(arguments)
    }

    /// On a cloud large enough to overflow: every tool, at every detail level, with default
    /// arguments, answers without error, within the 50,000-character default, and with the same
    /// data in its text and its structured content.
    ///
    /// `REGISTRY_TEST_SERVERS=2000` runs it on the 2,000-server cloud of the benchmarks.
    @Test func everyToolFitsTheDefaultCapAtEveryLevel() async throws {
        let servers = ProcessInfo.processInfo.environment["REGISTRY_TEST_SERVERS"].flatMap { Int($0) } ?? 600
        try await ServerHarness.run(servers: servers) { harness in
            let client = harness.client()
            var largest: [(String, Int)] = []
            var atDefault: [(String, Int)] = []
            for entry in ToolRegistry.catalog {
                let name = entry.definition.name
                let schema = entry.definition.inputSchema
                let base = try await Self.arguments(
                    for: name, schema: schema.objectValue ?? [:], client: client)
                var most = 0
                let levels = schema.objectValue?["properties"]?.objectValue?["detail_level"] == nil ? [nil] : ["basic", "detailed", "full"]
                for level in levels {
                    var arguments = base.objectValue ?? [:]
                    if let level { arguments["detail_level"] = .string(level) }
                    let result = try await client.call(name, .object(arguments))
                    #expect(!result.isError, "\(name) \(level ?? ""): \(result.text.prefix(300))")
                    #expect(result.text.count <= ToolSettings.defaultMaxResultBytes, "\(name) \(level ?? ""): \(result.text.count)")
                    #expect(try JSONValue.parse(Data(result.text.utf8)) == result.structured, "\(name) \(level ?? "")")
                    if result.structured["truncated"] == .bool(true) {
                        #expect(result.structured["next_cursor"] != nil, "\(name): cut without a cursor")
                        #expect(result.structured["notes"]?.arrayValue?.first?.stringValue?.contains("cursor") == true)
                    }
                    most = max(most, result.text.count)
                    if level == nil || level == "detailed" { atDefault.append((name, result.text.count)) }
                }
                largest.append((name, most))
            }
            // The figures for the record (BENCHMARKS.md): the largest answer of each tool, at its
            // default arguments and at any level, in characters of the text block.
            func line(_ sizes: [(String, Int)]) -> String {
                sizes.sorted { $0.1 > $1.1 }.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            }
            print("answers at default arguments on \(servers) servers:", line(atDefault))
            print("largest answers at any level on \(servers) servers:", line(largest))
        }
    }

    @Test func closedVocabulariesAndBadRegexesAreRefusedBeforeAnyRequest() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            harness.cloud.resetRequestLog()
            let status = try await client.call("get_instances", ["status": "BROKEN"])
            #expect(status.isError && status.text.contains("allowed: ACTIVE"), "\(status.text)")
            let regex = try await client.call("get_instances", ["name": "web-(["])
            #expect(regex.isError && regex.text.contains("not a valid regular expression"), "\(regex.text)")
            let missing = try await client.call("get_instance_actions", [:])
            #expect(missing.isError && missing.text.contains("'server'"), "\(missing.text)")
            let type = try await client.call("get_volumes", ["limit": "many"])
            #expect(type.isError && type.text.contains("integer"))
            let compute = harness.cloud.requests().filter { $0.path.hasPrefix("/compute") || $0.path.hasPrefix("/volume") }
            #expect(compute.isEmpty, "nothing reached OpenStack: \(compute.map(\.path))")
        }
    }

    @Test func anEmptyAnswerSaysSoInWords() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let none = try await client.call("get_instances", ["status": "RESCUE", "host": "nowhere"])
            #expect(none.items.isEmpty && !none.isError)
            let note = none.structured["notes"]?.arrayValue?.first?.stringValue ?? ""
            #expect(note.contains("0 servers match host=nowhere, status=RESCUE"), "\(note)")
            #expect(note.contains("project admin (all_projects=false)") && note.contains("cloud demo"), "\(note)")
        }
    }

    /// LLM clients often send every optional field, blank: `"cloud": ""` is not a cloud and
    /// `"changes_since": ""` not a filter. Blank strings count as not given, for every tool, and
    /// the empty-answer note lists only what was given.
    @Test func blankOptionalStringsCountAsNotGiven() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            for entry in ToolRegistry.catalog {
                let schema = entry.definition.inputSchema.objectValue ?? [:]
                let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                let given = try await Self.arguments(for: entry.definition.name, schema: schema, client: client).objectValue ?? [:]
                var blanked = given
                for (key, property) in schema["properties"]?.objectValue ?? [:]
                where property["type"] == "string" && !required.contains(key) && given[key] == nil {
                    blanked[key] = key.count.isMultiple(of: 2) ? "" : "  "
                }
                let plain = try await client.call(entry.definition.name, .object(given))
                let blank = try await client.call(entry.definition.name, .object(blanked))
                #expect(blank.isError == plain.isError, "\(entry.definition.name): \(blank.text.prefix(300))")
            }
            var arguments: [String: JSONValue] = ["status": "RESCUE", "host": "nowhere"]
            for key in ["cloud", "region", "changes_since", "filter", "flavor", "image", "cursor", "detail_level", "name"] {
                arguments[key] = ""
            }
            let none = try await client.call("get_instances", .object(arguments))
            let note = none.structured["notes"]?.arrayValue?.first?.stringValue ?? ""
            #expect(note.hasPrefix("0 servers match host=nowhere, status=RESCUE in project"), "\(note)")
        }
    }

    @Test func attachmentsAndFloatingIPsNameTheirServers() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let servers = Dictionary(uniqueKeysWithValues: harness.cloud.data.servers.map { ($0.id, $0.name) })
            let volumes = try await client.call("get_volumes", ["all_projects": true, "limit": 200])
            let attached = volumes.items.flatMap { $0["attached_to"]?.arrayValue ?? [] }
            #expect(!attached.isEmpty)
            for attachment in attached {
                let id = attachment["server_id"]?.stringValue ?? ""
                #expect(attachment["server_name"]?.stringValue == servers[id], "\(attachment)")
            }
            let floating = try await client.call("get_floating_ips", ["limit": 200])
            let behind = floating.items.filter { $0["server_id"] != nil }
            #expect(!behind.isEmpty)
            for item in behind {
                #expect(item["server_name"]?.stringValue == servers[item["server_id"]?.stringValue ?? ""], "\(item)")
            }
        }
    }
}
