import Foundation
import Testing

@testable import OpenStackKit

/// The read-only rule lets exactly one Nova action through: os-getConsoleOutput with an integer
/// length, on a server's action path. Everything else is refused before the network.
@Suite struct ConsoleActionGuardTests {
    static let action = "http://nova:8774/v2.1/servers/6b2c1f2e-0000-4000-8000-000000000001/action"

    static func post(_ url: String, _ body: String?) -> OutgoingRequest {
        OutgoingRequest(method: .POST, url: url, body: body.map { Data($0.utf8) })
    }

    @Test(arguments: [
        #"{"os-getConsoleOutput": {"length": 50}}"#,
        #"{"os-getConsoleOutput":{"length":1}}"#,
        #"  {"os-getConsoleOutput": {"length": 500}}  "#,
    ])
    func theConsoleActionPasses(body: String) throws {
        try OpenStackHTTPClient.checkReadOnly(Self.post(Self.action, body), service: "Nova")
        // With the project in the path, as older catalogs have it, and under a path prefix.
        try OpenStackHTTPClient.checkReadOnly(Self.post("http://h/compute/v2.1/p1/servers/x/action", body), service: "Nova")
        #expect(ConsoleOutput.body(lines: 7) == Data(#"{"os-getConsoleOutput": {"length": 7}}"#.utf8))
        try OpenStackHTTPClient.checkReadOnly(Self.post(Self.action, String(decoding: ConsoleOutput.body(lines: 7), as: UTF8.self)), service: "Nova")
    }

    @Test(arguments: [
        #"{"reboot": {"type": "HARD"}}"#,
        #"{"os-stop": null}"#,
        #"{"os-getConsoleOutput": {"length": 50}, "reboot": {"type": "SOFT"}}"#,
        #"{"os-getConsoleOutput": {"length": 50, "type": "x"}}"#,
        #"{"os-getConsoleOutput": {}}"#,
        #"{"os-getConsoleOutput": null}"#,
        #"{"os-getConsoleOutput": {"length": "50"}}"#,
        #"{"os-getConsoleOutput": {"length": 50.5}}"#,
        #"{"os-getConsoleOutput": {"length": true}}"#,
        #"{"os-getConsoleOutput": {"length": null}}"#,
        #"{"os-getConsoleOutput": {"length": 1}, "os-getConsoleOutput": {"length": 2}}"#,
        #"{"os-getConsoleOutput": {"length": 1, "length": 2}}"#,
        #"{"os-getVNCConsole": {"type": "novnc"}}"#,
        #"[{"os-getConsoleOutput": {"length": 50}}]"#,
        #"{"os-getConsoleOutput": {"length": 50}} {"reboot": {}}"#,
        "not json",
        "",
    ])
    func anyOtherBodyIsRefused(body: String) {
        #expect(throws: OpenStackError.self, "\(body)") {
            try OpenStackHTTPClient.checkReadOnly(Self.post(Self.action, body), service: "Nova")
        }
    }

    @Test(arguments: [
        "http://nova/v2.1/servers/x/action/extra",
        "http://nova/v2.1/servers//action",
        "http://nova/v2.1/servers/action",
        "http://nova/v2.1/os-volumes/x/action",
        "http://cinder/v3/p/volumes/x/action",
        "http://nova/v2.1/servers/x/actions",
        "http://nova/v2.1/servers/x/action?evil=1",
        "http://nova/v2.1/servers/x/action#frag",
        "http://nova/v2.1/servers",
        "http://nova/v2.1/servers/x",
    ])
    func anyOtherPathIsRefused(url: String) {
        #expect(throws: OpenStackError.self, "\(url)") {
            try OpenStackHTTPClient.checkReadOnly(Self.post(url, #"{"os-getConsoleOutput": {"length": 50}}"#), service: "Nova")
        }
    }

    @Test func aRefusedPostNeverReachesTheNetwork() async throws {
        // Port 9 on loopback: were the request sent, the error would be a transport failure.
        let client = try OpenStackHTTPClient(settings: HTTPSettings(connectTimeout: .seconds(2), readTimeout: .seconds(2), totalTimeout: .seconds(3)))
        defer { Task { await client.shutdown() } }
        for body in [#"{"reboot": {"type": "HARD"}}"#, #"{"os-getConsoleOutput": {"length": 5}, "x": 1}"#] {
            do {
                _ = try await client.send(Self.post("http://127.0.0.1:9/v2.1/servers/x/action", body), service: "Nova")
                Issue.record("a write was sent")
            } catch let error as OpenStackError {
                #expect(error.kind == .readOnly, "\(error)")
            }
        }
        do {
            _ = try await client.send(Self.post("http://127.0.0.1:9/v2.1/servers/x/action", #"{"os-getConsoleOutput": {"length": 5}}"#), service: "Nova")
            Issue.record("nothing listens on port 9")
        } catch let error as OpenStackError {
            #expect(error.kind != .readOnly, "the console action is let through to the transport: \(error)")
        }
    }
}
