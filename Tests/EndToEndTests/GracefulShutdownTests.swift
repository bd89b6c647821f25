import Foundation
import Testing

/// SIGTERM with keep-alive connections open: a request already on its way is answered, never reset.
@Suite struct GracefulShutdownTests {
    @Test func aRequestOnAnIdleConnectionJustAfterSIGTERMIsAnsweredThenTheConnectionCloses() async throws {
        let port = try PlainHTTP.freePort()
        let server = try BinaryProcess(["--demo", "--json-response", "--port", String(port)])
        defer { server.terminate() }
        #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")
        let ping = #"{"jsonrpc":"2.0","id":7,"method":"ping"}"#
        let connection = try RawHTTPConnection(port: port)
        try connection.post("/openstack", body: ping)
        let first = try #require(connection.readAnswer())
        #expect(first.head.hasPrefix("HTTP/1.1 200"), "\(first.head)")
        #expect(!first.head.lowercased().contains("connection: close"), "keep-alive before shutdown")

        // The connection is idle when SIGTERM arrives, as a client's is between two calls.
        kill(server.process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(200))
        #expect((try? RawHTTPConnection(port: port)) == nil, "no new connection is accepted after SIGTERM")
        try connection.post("/openstack", body: ping)
        let second = try #require(connection.readAnswer(), "the request sent after SIGTERM was reset, not answered")
        #expect(second.head.hasPrefix("HTTP/1.1 200"), "\(second.head)")
        #expect(second.body.contains(#""id":7"#), "\(second.body)")
        #expect(second.head.lowercased().contains("connection: close"), "the answer tells the client not to reuse it")
        #expect(connection.readAnswer() == nil, "the server closes the connection after that answer")
        #expect(await server.waitForExit(.seconds(6)) == 0)
    }
}
