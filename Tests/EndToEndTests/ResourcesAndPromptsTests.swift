import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// MCP resources (`openstack://<cloud>/<type>/<id>`, discoverable through templates) and prompts.
@Suite struct ResourcesAndPromptsTests {
    @Test func resourcesAreDiscoverableAndReadable() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let initialize = try await client.initialize()
            #expect(initialize["result"]?["capabilities"]?["resources"] != nil)
            #expect(initialize["result"]?["capabilities"]?["prompts"] != nil)

            let templates = try await client.rpc("resources/templates/list")["result"]?["resourceTemplates"]?.arrayValue ?? []
            #expect(templates.contains { $0["uriTemplate"]?.stringValue == "openstack://{cloud}/server/{id}" })
            let listed = try await client.rpc("resources/list")["result"]?["resources"]?.arrayValue ?? []
            #expect(listed.compactMap { $0["uri"]?.stringValue } == ["openstack://demo/catalog"])

            let server = harness.cloud.data.servers[0]
            let read = try await client.rpc("resources/read", ["uri": .string("openstack://demo/server/\(server.id)")])
            let content = try #require(read["result"]?["contents"]?.arrayValue?.first)
            #expect(content["mimeType"]?.stringValue == "application/json")
            let document = try JSONValue.parse(Data((content["text"]?.stringValue ?? "").utf8))
            #expect(document["item"]?["id"]?.stringValue == server.id)
            #expect(document["item"]?["OS-EXT-SRV-ATTR:host"] != nil, "resources show the full object")

            let catalog = try await client.rpc("resources/read", ["uri": "openstack://demo/catalog"])
            #expect(catalog["result"]?["contents"]?.arrayValue?.first?["text"]?.stringValue?.contains("compute") == true)

            let missing = try await client.rpc("resources/read", ["uri": "openstack://demo/server/nope"])
            #expect(missing["error"]?["code"]?.intValue == -32002)
            let bad = try await client.rpc("resources/read", ["uri": "https://example.com/x"])
            #expect(bad["error"]?["code"]?.intValue == -32602)
        }
    }

    @Test func promptsRenderWithTheirArguments() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let prompts = try await client.rpc("prompts/list")["result"]?["prompts"]?.arrayValue ?? []
            #expect(Set(prompts.compactMap { $0["name"]?.stringValue })
                == ["cloud_health_report", "troubleshoot_instance", "capacity_report"])
            let rendered = try await client.rpc(
                "prompts/get", ["name": "troubleshoot_instance", "arguments": ["server": "web-0006", "cloud": "demo"]])
            let text = rendered["result"]?["messages"]?.arrayValue?.first?["content"]?["text"]?.stringValue ?? ""
            #expect(text.contains("web-0006") && text.contains("cloud=\"demo\""))
            #expect(text.contains("diagnose_instance") && text.contains("diagnose_connectivity"), "the prompt starts from the diagnosis tools")
            let missing = try await client.rpc("prompts/get", ["name": "troubleshoot_instance", "arguments": [:]])
            #expect(missing["error"]?["message"]?.stringValue?.contains("server") == true)
        }
    }
}
