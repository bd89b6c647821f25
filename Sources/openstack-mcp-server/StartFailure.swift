import Foundation
import Logging
import OpenStackMCPServer

/// The one line that says why the server did not start (or stopped): plain text, or with
/// `--log-format json` one JSON object like every other line on stderr.
enum StartFailure {
    static func report(_ message: String, arguments: [String] = CommandLine.arguments) {
        guard requestsJSON(arguments) else {
            FileHandle.standardError.write(Data("openstack-mcp-server: \(message)\n".utf8))
            return
        }
        // Its own handler: the failure may come before logging was set up (a bad --log-level).
        let logger = Logger(label: "openstack-mcp-server") { JSONLogHandler(label: $0, level: .trace) }
        logger.critical("cannot start", metadata: ["error": "\(message)"])
    }

    /// Whether the command line asks for JSON logs. Read from the words themselves, since the
    /// failure may be that the command line did not parse.
    static func requestsJSON(_ arguments: [String]) -> Bool {
        var json = false
        for (index, word) in arguments.enumerated() {
            if word == "--log-format", index + 1 < arguments.count {
                json = arguments[index + 1] == "json"
            } else if word.hasPrefix("--log-format=") {
                json = word.dropFirst("--log-format=".count) == "json"
            }
        }
        return json
    }
}
