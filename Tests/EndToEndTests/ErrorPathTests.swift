import CloudSimulator
import Foundation
import OpenStackKit
import OpenStackTools
import Testing

/// Bad input and upstream failures give a clear error, quickly, and the server keeps serving.
@Suite struct ErrorPathTests {
    @Test func transportLevelRefusals() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let ping = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#

            let origin = try await client.send(body: ping, headers: [("Origin", "https://evil.example")])
            #expect(origin.status == 403)
            let host = try await client.send(body: ping, headers: [("Host", "evil.example:8000")])
            #expect(host.status == 421)
            let loopbackOrigin = try await client.send(body: ping, headers: [("Origin", "http://localhost:6274")])
            #expect(loopbackOrigin.status == 200)

            let huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + String(repeating: "x", count: 2 << 20) + "\"}}"
            let tooLarge = try await client.send(body: huge)
            #expect(tooLarge.status == 413)

            let malformed = try await client.send(body: "{not json")
            #expect(malformed.status == 400)
            #expect(malformed.message?["error"]?["code"]?.intValue == -32700)

            let put = try await client.send(method: .PUT, body: ping)
            #expect(put.status == 405)

            let unknown = try await client.rpc("tools/call", ["name": "delete_everything", "arguments": [:]])
            #expect(unknown["error"]?["code"]?.intValue == -32602)
            #expect(unknown["error"]?["message"]?.stringValue?.contains("tools/list") == true)
            #expect((unknown["error"]?["message"]?.stringValue?.count ?? 999) < 200, "short: no list of every tool")
            let typo = try await client.rpc("tools/call", ["name": "get_instnces", "arguments": [:]])
            #expect(typo["error"]?["message"]?.stringValue?.contains("did you mean get_instances") == true, "\(typo)")

            // Still serving after all of that.
            let tools = try await client.listTools()
            #expect(tools.contains { $0["name"]?.stringValue == "get_instances" })
        }
    }

    @Test func badArgumentsNameTheArgumentAndTheAllowedValues() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let cases: [(JSONValue, String)] = [
                (["limit": 0], "limit"), (["limit": 5000], "1–1000"), (["detail_level": "everything"], "basic, detailed, full"),
                (["colour": "blue"], "colour"), (["limit": "many"], "integer"), (["cursor": "garbage!!"], "cursor"),
                (["all_projects": "maybe"], "all_projects"), (["cloud": "nope"], "demo"),
            ]
            for (arguments, expected) in cases {
                let result = try await client.call("get_instances", arguments)
                #expect(result.isError, "\(arguments.compactText())")
                #expect(result.text.contains(expected), "\(arguments.compactText()): \(result.text)")
                #expect(result.structured == .null)
            }
        }
    }

    @Test func anUpstreamFailureIsAnErrorWithTheRequestAndNextStep() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            _ = try await client.call("get_networks", ["limit": 1])
            harness.cloud.setFault(.status(500), forPathPrefix: "/compute/v2.1/servers")
            let failed = try await client.call("get_instances")
            #expect(failed.isError)
            #expect(failed.text.contains("Nova GET"))
            #expect(failed.text.contains("HTTP 500"))
            #expect(failed.text.contains("request id req-"))
            #expect(failed.text.contains("Next step"))
            harness.cloud.clearFaults()
            #expect(try await !client.call("get_instances").isError)
        }
    }

    @Test func aListThisCloudDoesNotServeSaysSo() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            // A Neutron without the trunk extension answers 404 on the collection (seen on the real rig).
            harness.cloud.setFault(.status(404), forPathPrefix: "/network/v2.0/trunks")
            let trunks = try await client.call("get_trunks")
            #expect(trunks.isError)
            #expect(trunks.text.contains("the Neutron extension that serves /trunks is not enabled on this cloud"), "\(trunks.text)")
            #expect(trunks.text.contains("openstack extension list --network"), "\(trunks.text)")
            // One missing item is still "not found", not a missing API.
            let port = try await client.call("get_port", ["id": "no-such-port"])
            #expect(port.isError && !port.text.contains("extension"), "\(port.text)")
        }
    }

    @Test func anIDCannotLeaveItsPathSegment() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            _ = try await client.call("get_networks", ["limit": 1])  // token and discovery first
            harness.cloud.resetRequestLog()
            for key in ["../subnets", "..", "x/../../subnets", "a?b=c"] {
                let result = try await client.call("get_network", ["id": .string(key)])
                #expect(result.isError && result.text.contains("no network has the ID or name"), "\(key): \(result.text)")
            }
            // Every request stayed on the networks collection, the key as one encoded segment: the
            // demo cloud saw no path with more segments, no bare `..` and no query taken from the key.
            let requests = harness.cloud.requests()
            #expect(requests.count == 8, "an ID read and a name search per key: \(requests.map(\.path))")
            for request in requests {
                let rest = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(4)
                #expect(request.path.hasPrefix("/network/v2.0/networks") && rest.count <= 1, "\(request.path)")
                #expect(!rest.contains("..") && !request.query.contains("b=c"), "\(request.path)?\(request.query)")
            }
        }
    }

    @Test func aHangingServiceTimesOutWithinTheDeadline() async throws {
        let deadlines = HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(2), totalTimeout: .seconds(3))
        try await ServerHarness.run(http: deadlines) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            _ = try await client.call("get_volumes", ["limit": 1])  // discovery done: one deadline applies
            harness.cloud.setFault(.hang, forPathPrefix: "/volume")
            let started = ContinuousClock.now
            let result = try await client.call("get_volumes")
            let elapsed = ContinuousClock.now - started
            #expect(result.isError)
            #expect(result.text.contains("Cinder"))
            #expect(result.text.lowercased().contains("deadline") || result.text.lowercased().contains("time"))
            // The read deadline is 2 s; allow for a loaded machine, but far below "forever".
            #expect(elapsed < .seconds(20), "took \(elapsed)")
            harness.cloud.clearFaults()
        }
    }

    @Test func aMemberGetsAClearErrorForAdminToolsAndOnlyItsProject() async throws {
        try await ServerHarness.run(user: DemoCloud.memberUser, password: DemoCloud.memberPassword, project: DemoCloud.memberProject) { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            let services = try await client.call("get_compute_services")
            #expect(services.isError)
            #expect(services.text.contains("HTTP 403"))
            #expect(services.text.contains("admin"))
            // Neutron answers a non-admin an empty agent list (as the real one does); the tool says why.
            let agents = try await client.call("get_network_agents")
            #expect(agents.isError)
            #expect(agents.text.contains("admin role"), "\(agents.text)")
            // Cinder ignores all_tenants for a non-admin (as the real one does): the tool refuses instead.
            let everyVolume = try await client.call("get_volumes", ["all_projects": true])
            #expect(everyVolume.isError)
            #expect(everyVolume.text.contains("admin role"), "\(everyVolume.text)")
            let servers = try await client.call("get_instances", ["limit": 1000])
            let project = harness.cloud.data.projects.first { $0.name == DemoCloud.memberProject }!.id
            // By name, a member searches its own project (Nova refuses all_tenants to it).
            if let own = harness.cloud.data.servers.first(where: { $0.projectID == project }) {
                let shown = try await client.call("get_instance", ["id": .string(own.id), "detail_level": "basic"])
                let byName = try await client.call("get_instance", ["id": .string(own.name), "detail_level": "basic"])
                #expect(!byName.isError || byName.text.contains("are named"), "\(byName.text)")
                if !byName.isError { #expect(byName.structured["item"]?["id"] == shown.structured["item"]?["id"]) }
            }
            #expect(Set(servers.items.compactMap { $0["id"]?.stringValue })
                == Set(harness.cloud.data.servers.filter { $0.projectID == project }.map(\.id)))
            let catalog = try await client.call("get_services")
            #expect(!catalog.isError)
            #expect(catalog.structured["notes"] != nil, "falls back to the token's catalog and says so")
        }
    }

    @Test func onlyGetsReachTheCloudApartFromTheTokenPost() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            defer { Task { await client.shutdown() } }
            harness.cloud.resetRequestLog()
            // Every tool of the registry, with the arguments it needs, at its largest level.
            for entry in ToolRegistry.catalog {
                let schema = entry.definition.inputSchema.objectValue ?? [:]
                var arguments = try await RegistryDrivenTests.arguments(for: entry.definition.name, schema: schema, client: client)
                    .objectValue ?? [:]
                if schema["properties"]?["detail_level"] != nil { arguments["detail_level"] = "full" }
                _ = try await client.call(entry.definition.name, .object(arguments))
            }
            harness.cloud.revokeAllTokens()
            _ = try await client.call("get_instances")
            let log = harness.cloud.requests()
            #expect(log.count > ToolRegistry.catalog.count)
            // HEAD reads Swift's metadata; nothing else but the token POST and the console action
            // may be sent. The demo Nova answers any action but os-getConsoleOutput with 404 (and a
            // malformed one with 400), so a 200 proves the body was the console's.
            let consoleActions = log.filter { $0.method == "POST" && Self.isServerAction($0.path) }
            let writes = log.filter {
                !["GET", "HEAD"].contains($0.method) && !($0.method == "POST" && $0.path == "/identity/v3/auth/tokens")
                    && !consoleActions.contains($0)
            }
            #expect(log.contains { $0.method == "HEAD" }, "get_object and get_object_store_account read with HEAD")
            #expect(writes.isEmpty, "\(writes)")
            #expect(consoleActions.count == 1, "get_instance_console_log asks once: \(consoleActions)")
            #expect(consoleActions.allSatisfy { $0.status == 200 }, "\(consoleActions)")
        }
    }

    /// `/compute/v2.1/servers/{id}/action`.
    static func isServerAction(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        return segments.count == 5 && segments[0] == "compute" && segments[2] == "servers" && segments[4] == "action"
    }
}
