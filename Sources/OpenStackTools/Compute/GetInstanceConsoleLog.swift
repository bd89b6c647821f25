import Foundation
import OpenStackKit

/// `get_instance_console_log`: the last lines of a server's console (Nova's os-getConsoleOutput
/// action, the one POST besides Keystone's that the read-only rule allows), with secret-shaped
/// values masked. A guest prints what it likes, so the tool sits in its own toolset.
enum GetInstanceConsoleLog {
    static let defaultLines = 50

    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_instance_console_log", title: "Show a server's console log",
            description:
                "The last lines of a server's console log (boot messages, cloud-init), with password, key and token patterns masked.",
            inputSchema: Schema.object(
                [
                    "server": Schema.string("Server ID or name"),
                    "lines": [
                        "type": "integer", "minimum": 1, "maximum": .int(ConsoleOutput.maximumLines),
                        "default": .int(defaultLines),
                    ],
                ], required: ["server"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            guard let key = try arguments.string("server") else {
                throw ToolArgumentError(argument: "server", problem: "required: the server's ID or exact name")
            }
            let lines = try arguments.int("lines", default: defaultLines, range: 1...ConsoleOutput.maximumLines)
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let serverID = try await GetInstance.serverID(key, cloud: cloud)
            let console = try await cloud.consoleOutput(serverID: serverID, lines: lines)
            let (text, masked) = Redactor.redactText(console.output)
            let shown = ConsoleOutput.lines(of: text).suffix(lines)
            var notes: [String] = []
            if shown.isEmpty { notes.append("The console log of server \(serverID) is empty.") }
            if masked > 0 { notes.append("\(masked) secret-looking value(s) masked as ***; other secrets a guest printed may remain.") }
            let item: JSONValue = .object([
                "server_id": .string(serverID), "lines_requested": .int(lines), "line_count": .int(shown.count),
                "lines": .array(shown.map(JSONValue.string)), "masked": .int(masked),
            ])
            return ShowOutput.result(item: item, cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
        }
    }
}
