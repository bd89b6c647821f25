import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// No secret slips through: the demo cloud plants a canary wherever a real cloud keeps a secret
/// (`DemoCanaries`), and nothing the server says, in either era, nor any line it logs, at DEBUG and
/// in both formats, may hold one, plain, percent-encoded or inside base64. Every tool of the
/// registry is called at every detail level, so a new tool is covered with nothing to add.
@Suite struct CanaryTests {
    /// Each canary with the forms it could leak in.
    static let needles: [(canary: String, form: String)] = DemoCanaries.all.flatMap { canary in
        forms(of: canary).map { (canary, $0) }
    }

    /// The canary, percent-encoded, and its base64 at each of the three alignments it can have
    /// inside a longer encoded text: the groups that hold only canary bytes, which do not depend
    /// on what comes before or after.
    static func forms(of canary: String) -> [String] {
        let bytes = Array(canary.utf8)
        var forms = [canary, canary.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? canary]
        for offset in 0..<3 {
            let encoded = Array((Data(repeating: 0x41, count: offset) + Data(bytes)).base64EncodedString())
            let first = offset == 0 ? 0 : 4
            let end = (offset + bytes.count) / 3 * 4
            forms.append(String(encoded[first..<end]))
        }
        return forms
    }

    /// The canaries found in `text`, with the form each was found in.
    static func leaks(in text: String) -> [String] {
        needles.filter { text.contains($0.form) }.map { "\($0.canary) as \($0.form)" }
    }

    /// The arguments of every call: each tool with what it needs, at each of its detail levels.
    static func calls(client: MCPTestClient) async throws -> [(tool: String, arguments: JSONValue)] {
        var calls: [(String, JSONValue)] = []
        for entry in ToolRegistry.catalog {
            let schema = entry.definition.inputSchema.objectValue ?? [:]
            let base = try await RegistryDrivenTests.arguments(for: entry.definition.name, schema: schema, client: client)
            let levels: [String?] = schema["properties"]?["detail_level"] == nil ? [nil] : ["basic", "detailed", "full"]
            for level in levels {
                var arguments = base.objectValue ?? [:]
                if let level { arguments["detail_level"] = .string(level) }
                // Admins see user data and every project's resources.
                if schema["properties"]?["all_projects"] != nil { arguments["all_projects"] = true }
                calls.append((entry.definition.name, .object(arguments)))
            }
        }
        return calls
    }

    /// Resource URIs: each template with an ID from its show tool's list, and the catalogs.
    static func resourceURIs(client: MCPTestClient) async throws -> [String] {
        let templates = try await client.rpc("resources/templates/list")["result"]?["resourceTemplates"]?.arrayValue ?? []
        var uris = ["openstack://demo/catalog"]
        for template in templates {
            guard let type = template["name"]?.stringValue,
                let tool = ResourceCatalog.showTools.first(where: { $0.type == type })?.tool
            else { continue }
            let schema = ToolRegistry.catalog.first { $0.definition.name == tool }?.definition.inputSchema.objectValue ?? [:]
            let arguments = try await RegistryDrivenTests.arguments(for: tool, schema: schema, client: client)
            if let id = arguments["id"]?.stringValue { uris.append("openstack://demo/\(type)/\(id)") }
        }
        return uris
    }

    @Test func noCanaryInAnyAnswerOfEitherEra() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            #expect(!Self.needles.isEmpty && Self.forms(of: "osmcpcanary-x-0123456789").count == 5)
            var seen = 0
            var leaks: [String] = []
            func check(_ what: String, _ text: String) {
                seen += 1
                leaks += Self.leaks(in: text).map { "\(what): \($0)" }
            }
            for (tool, arguments) in try await Self.calls(client: client) {
                let params: JSONValue = ["name": .string(tool), "arguments": arguments]
                check("\(tool) \(arguments.compactText())", try await client.rpc("tools/call", params).compactText())
                check("\(tool) (2026-07-28) \(arguments.compactText())", try await client.modern("tools/call", params).body)
            }
            for uri in try await Self.resourceURIs(client: client) {
                check(uri, try await client.rpc("resources/read", ["uri": .string(uri)]).compactText())
                check("\(uri) (2026-07-28)", try await client.modern("resources/read", ["uri": .string(uri)]).body)
            }
            for method in ["tools/list", "resources/list", "resources/templates/list", "prompts/list"] {
                check(method, try await client.rpc(method).compactText())
            }
            let prompts = try await client.rpc("prompts/list")["result"]?["prompts"]?.arrayValue ?? []
            for prompt in prompts {
                let params: JSONValue = [
                    "name": prompt["name"] ?? "", "arguments": ["server": "web-01", "cloud": "demo"],
                ]
                check("prompt", try await client.rpc("prompts/get", params).compactText())
                check("prompt (2026-07-28)", try await client.modern("prompts/get", params).body)
            }
            #expect(seen > 400, "\(seen) answers read")
            #expect(leaks.isEmpty, "\(leaks.count) leaks:\n\(leaks.prefix(40).joined(separator: "\n"))")
            // The canaries are there to be leaked: the cloud did answer with them.
            let raw = try await harness.openstack.get(.compute, path: "/servers/detail", query: [URLQueryItem(name: "limit", value: "1")])
            #expect(raw.json.compactText().contains(DemoCanaries.userData.prefix(20)))
        }
    }

    @Test func noCanaryInAnyLogLineAtDebugInEitherFormat() async throws {
        try await withDemoCloud { cloud, _ in
            let authURL = (await cloud.authURL).absoluteString
            for format in ["text", "json"] {
                let (server, port) = try await BinaryProcess.againstDemo(
                    authURL: authURL, flags: ["--log-level", "debug", "--log-format", format, "--json-response", "--toolsets", "all"])
                defer { server.terminate() }
                let client = MCPTestClient(endpoint: "http://127.0.0.1:\(port)/openstack")
                let calls = try await Self.calls(client: client).filter { $0.arguments["detail_level"] != "basic" }
                for (tool, arguments) in calls {
                    _ = try await client.call(tool, arguments)
                }
                let log = server.errorOutput
                #expect(log.contains("upstream call"), "DEBUG lines are there")
                let leaks = Self.leaks(in: log)
                #expect(leaks.isEmpty, "\(format) log: \(leaks.prefix(20).joined(separator: "\n"))")
                server.terminate()
                _ = await server.waitForExit()
            }
        }
    }
}
