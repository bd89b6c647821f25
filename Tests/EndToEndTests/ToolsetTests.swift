import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// Toolsets: what `--toolsets`, `--tools` and `--exclude-tools` offer, how the HTTP headers
/// narrow it per request (never widen), and the tools hidden when no cloud has their service.
@Suite struct ToolsetTests {
    static let seedTools = [
        "get_instances", "get_volumes", "get_networks", "get_images", "get_compute_services", "get_network_agents",
        "get_volume_services", "get_services",
    ]

    /// The tool names `tools/list` shows for a binary started with `flags`.
    static func listed(_ flags: [String]) async throws -> [String] {
        let server = try BinaryProcess(["--demo", "--transport", "stdio", "--log-level", "error"] + flags)
        defer { server.terminate() }
        server.write(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
        #expect(await server.waitFor { out, _ in out.contains("\n") }, "\(server.errorOutput)")
        let answer = try JSONValue.parse(Data(server.standardOutput.split(separator: "\n")[0].utf8))
        return answer["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    @Test func theDefaultSurfaceIsSmallAndHoldsTheSeedTools() async throws {
        let names = try await Self.listed([])
        #expect(names.count <= 25 && names.count >= 10)
        #expect((Self.seedTools + ["describe_instance", "cloud_overview"]).allSatisfy(names.contains), "\(names)")
        #expect(names == ToolSelection.members(of: "default", in: ToolRegistry.catalog))
    }

    @Test func flagsChooseToolsetsAddAndRemoveTools() async throws {
        let network = try await Self.listed(["--toolsets", "network"])
        #expect(network == ToolSelection.members(of: "network", in: ToolRegistry.catalog))
        #expect(network.allSatisfy { !$0.contains("volume") } && network.contains("get_trunks"))
        let mixed = try await Self.listed(["--toolsets", "compute,image", "--tools", "get_volumes", "--exclude-tools", "get_usage"])
        #expect(mixed.contains("get_volumes") && mixed.contains("get_image") && !mixed.contains("get_usage"))
        #expect(!mixed.contains("get_networks"))
        let all = try await Self.listed(["--toolsets", "all"])
        #expect(all.count == ToolRegistry.catalog.count)
        // Every service toolset stays under Cursor's 40-tool cut.
        for set in Toolset.allCases {
            #expect((ToolSelection.members(of: set.rawValue, in: ToolRegistry.catalog)?.count ?? 99) < 40, "\(set)")
        }
    }

    @Test func unknownNamesStopTheServerWithOneLineThatSuggests() async throws {
        let run = try BinaryProcess(["--demo", "--tools", "get_instnaces"])
        #expect(await run.waitForExit() == 1)
        let lines = run.errorOutput.split(separator: "\n")
        #expect(lines.count == 1, "\(run.errorOutput)")
        #expect(run.errorOutput.contains("did you mean get_instances"))
        let bad = try BinaryProcess(["--demo", "--toolsets", "everything"])
        #expect(await bad.waitForExit() == 1)
        #expect(bad.errorOutput.contains("toolsets: default, all, compute"))
    }

    @Test func headersNarrowPerRequestAndNeverWiden() async throws {
        let offered = Set(try ToolSelection().resolve(in: ToolRegistry.catalog))
        try await ServerHarness.run(enabledTools: offered) { harness in
            let client = harness.client()
            let narrowed = try await client.send(
                body: #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
                headers: [("X-MCP-Toolsets", "storage"), ("X-MCP-Tools", "get_instances, get_usage")])
            let names = Set(narrowed.message?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
            let storageOffered = Set(ToolSelection.members(of: "storage", in: ToolRegistry.catalog)!).intersection(offered)
            #expect(names == storageOffered.union(["get_instances"]), "get_usage is not offered, so no header can add it")
            let outside = try await client.send(
                body: #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_networks","arguments":{}}}"#,
                headers: [("X-MCP-Toolsets", "storage")])
            #expect(outside.message?["error"]?["code"]?.intValue == -32602, "\(outside.body)")
            let inside = try await client.send(
                body: #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_volumes","arguments":{"limit":1}}}"#,
                headers: [("X-MCP-Toolsets", "storage")])
            #expect(inside.message?["result"]?["structuredContent"]?["count"]?.intValue == 1, "\(inside.body.prefix(200))")
            let unknown = try await client.send(
                body: #"{"jsonrpc":"2.0","id":4,"method":"tools/list"}"#, headers: [("X-MCP-Toolsets", "stroage")])
            #expect(unknown.status == 400 && unknown.message?["error"]?["code"]?.intValue == -32602)
            // Modern lists narrowed by headers are private to the caller.
            let modern = try await client.modern("tools/list", [:], headers: [("X-MCP-Toolsets", "image")])
            #expect(modern.message?["result"]?["cacheScope"] == "private")
            let images = Set(ToolSelection.members(of: "image", in: ToolRegistry.catalog)!).intersection(offered)
            #expect(modern.message?["result"]?["tools"]?.arrayValue?.count == images.count)
        }
    }

    /// The binary reads the services from Keystone's catalog: a cloud without the six services of
    /// issue 24 offers none of their tools, even with `--toolsets all`.
    @Test func servicesMissingFromTheCatalogHideTheirTools() async throws {
        var configuration = DemoCloudConfiguration()
        configuration.catalogOmits = ["dns", "key-manager", "baremetal", "shared-file-system", "sharev2", "metric", "alarming"]
        try await withDemoCloud(configuration) { cloud, _ in
            let (server, port) = try await BinaryProcess.againstDemo(
                authURL: (await cloud.authURL).absoluteString, flags: ["--toolsets", "all", "--json-response"])
            defer { server.terminate() }
            let names = Set(try await MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack").listTools().compactMap { $0["name"]?.stringValue })
            let hidden = Set(["dns", "key-manager", "baremetal", "shared-file-system", "metric", "alarming"].flatMap {
                ToolSelection.members(of: $0, in: ToolRegistry.catalog)!
            })
            #expect(hidden.count == 32)
            #expect(names.isDisjoint(with: hidden), "\(names.intersection(hidden).sorted())")
            #expect(names.count == ToolRegistry.catalog.count - hidden.count, "every other service is in the catalog")
        }
    }

    @Test func toolsOfServicesNoCloudHasAreNotOffered() async throws {
        try await ServerHarness.run(services: [.identity, .compute]) { harness in
            let names = try await harness.client().listTools().compactMap { $0["name"]?.stringValue }
            #expect(names.contains("get_instances") && names.contains("get_projects") && names.contains("get_clouds"))
            #expect(!names.contains("get_networks") && !names.contains("get_volumes") && !names.contains("get_images"))
            #expect(!names.contains("get_resource_providers"))
        }
    }
}
