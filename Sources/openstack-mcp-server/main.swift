import ArgumentParser
import Foundation
import Logging
import OpenStackMCPServer

// Before the first task starts: Swift concurrency runs on SwiftNIO's event loops.
EventLoopConcurrency.install()

// One clear line for any bad input, never a stack trace or a usage dump.
do {
    var command = try Command.parseAsRoot()
    guard let runnable = command as? Command else { try command.run(); exit(0) }
    exit(try await Launcher(command: runnable).run())
} catch let error as LaunchError {
    StartFailure.report(error.message)
    exit(1)
} catch {
    let code = Command.exitCode(for: error)
    if code == .success {
        Command.exit(withError: error)
    }
    let message = Command.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    StartFailure.report("\(message) (see --help)")
    exit(2)
}
