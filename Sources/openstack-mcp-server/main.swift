import ArgumentParser
import Foundation

// One clear line for any bad input, never a stack trace or a usage dump.
do {
    var command = try Command.parseAsRoot()
    guard let runnable = command as? Command else { try command.run(); exit(0) }
    exit(try await Launcher(command: runnable).run())
} catch let error as LaunchError {
    FileHandle.standardError.write(Data("openstack-mcp-server: \(error.message)\n".utf8))
    exit(1)
} catch {
    let code = Command.exitCode(for: error)
    if code == .success {
        Command.exit(withError: error)
    }
    let message = Command.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    FileHandle.standardError.write(Data("openstack-mcp-server: \(message) (see --help)\n".utf8))
    exit(2)
}
