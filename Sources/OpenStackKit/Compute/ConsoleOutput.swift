import Foundation

/// The tail of a server's console log (`POST /servers/{id}/action` with `os-getConsoleOutput`).
///
/// Nova offers no GET for it; the action reads the log and changes nothing, and the read-only rule
/// lets exactly this body through (``OpenStackHTTPClient``). The text is raw guest output: it can
/// hold anything the guest printed, secrets included.
public struct ConsoleOutput: Sendable {
    /// The most lines one call may ask for.
    public static let maximumLines = 500

    public let raw: JSONValue
    /// The console text as Nova returned it.
    public let output: String

    public init(json: JSONValue) throws {
        raw = json
        guard let output = json["output"]?.stringValue else { throw ModelError.missing(field: "output", in: "ConsoleOutput") }
        self.output = output
    }

    /// The lines of the output, without the empty string after a final newline.
    public var lines: [String] { Self.lines(of: output) }

    /// The lines of a console text (`\r\n` or `\n`), without the empty string after a final newline.
    public static func lines(of text: String) -> [String] {
        // "\r\n" is one Character in Swift, not "\r" then "\n".
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The action's path for a server ID, the ID encoded as one segment.
    public static func path(serverID: String) -> String {
        ResourcePath("servers").appending(serverID).appending(literal: "action").description
    }

    /// The action's body: exactly what the read-only rule allows.
    public static func body(lines: Int) -> Data {
        Data(#"{"os-getConsoleOutput": {"length": \#(lines)}}"#.utf8)
    }
}

extension OpenStackCloud {
    /// The last `lines` lines (1…``ConsoleOutput/maximumLines``) of a server's console.
    public func consoleOutput(serverID: String, lines: Int) async throws -> ConsoleOutput {
        let lines = min(max(lines, 1), ConsoleOutput.maximumLines)
        let endpoint = try await endpoint(.compute)
        let url = endpoint.baseURL + ConsoleOutput.path(serverID: serverID)
        let raw = try await send(
            service: .compute, url: url, headers: endpoint.versionHeaders, method: .POST, body: ConsoleOutput.body(lines: lines))
        guard raw.isSuccess else {
            throw OpenStackError(
                kind: .http, service: ServiceType.compute.projectName, method: "POST", url: Redactor.redactURL(url),
                status: raw.status, message: ErrorBody.parse(raw.body) ?? "HTTP \(raw.status)", requestID: raw.requestID)
        }
        do {
            return try ConsoleOutput(json: try JSONValue.parse(raw.body))
        } catch {
            throw OpenStackError(
                kind: .decoding, service: ServiceType.compute.projectName, method: "POST", url: Redactor.redactURL(url),
                status: raw.status, message: "the answer is not a console output", requestID: raw.requestID)
        }
    }
}
