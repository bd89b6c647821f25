import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// Every tool that takes `detail_level`, at each level, through MCP over HTTP: one case per tool
/// of the registry, so a new tool is covered with no list to keep.
@Suite struct DetailLevelTests {
    static let names = ToolRegistry.catalog.map(\.definition).filter {
        $0.inputSchema["properties"]?["detail_level"] != nil
    }.map(\.name)

    /// A listed keypair has only the four fields `detailed` already shows; so have Octavia's
    /// flavors (five), availability zones (four) and providers (two), and Cinder's group types (five).
    static let fullMayEqualDetailed: Set<String> = [
        "get_keypairs", "get_load_balancer_flavors", "get_load_balancer_availability_zones", "get_load_balancer_providers",
        "get_group_types",
    ]

    @Test func everyToolWithLevelsIsCovered() {
        // The catalog has list and show tools of every service; an empty or tiny set means the
        // filter above broke, and the cases below would pass by testing nothing.
        #expect(Self.names.count >= 40, "\(Self.names)")
        #expect(Self.names.contains("get_instances") && Self.names.contains("get_ports") && Self.names.contains("get_users"))
    }

    @Test(arguments: Self.names) func answersAtEveryLevel(_ name: String) async throws {
        let definition = try #require(ToolRegistry.catalog.first { $0.definition.name == name }?.definition)
        let properties = definition.inputSchema["properties"]?.objectValue ?? [:]
        // Content, not the answer cap (RegistryDrivenTests checks that): room for every item.
        try await ServerHarness.run(servers: 60, maxResultBytes: 1 << 20) { harness in
            let client = harness.client()
            var base = try await RegistryDrivenTests.arguments(
                for: name, schema: definition.inputSchema.objectValue ?? [:], client: client
            ).objectValue ?? [:]
            if properties["all_projects"] != nil { base["all_projects"] = true }
            if properties["limit"] != nil { base["limit"] = 1000 }
            var sizes: [String: Int] = [:]
            var bodies: [String: JSONValue] = [:]
            for level in ["basic", "detailed", "full"] {
                var arguments = base
                arguments["detail_level"] = .string(level)
                let result = try await client.call(name, .object(arguments))
                #expect(!result.isError, "\(name) \(level): \(result.text.prefix(300))")
                #expect(try JSONValue.parse(Data(result.text.utf8)) == result.structured, "\(name) \(level)")
                #expect(result.structured["cloud"]?.stringValue == "demo")
                if let items = result.structured["items"]?.arrayValue {
                    #expect(!items.isEmpty, "\(name) \(level) returned nothing")
                    #expect(result.structured["count"]?.intValue == items.count)
                    #expect(result.structured["truncated"] == .bool(false))
                    bodies[level] = .array(items)
                } else {
                    let item = result.structured["item"]
                    #expect(item?.objectValue != nil, "\(name) \(level): neither items nor item")
                    bodies[level] = item ?? .null
                }
                sizes[level] = result.text.utf8.count
            }
            #expect(sizes["basic"]! < sizes["detailed"]!, "\(name): detailed should add fields \(sizes)")
            if !Self.fullMayEqualDetailed.contains(name) {
                #expect(bodies["detailed"] != bodies["full"], "\(name): full must not be detailed again")
            }
        }
    }
}
