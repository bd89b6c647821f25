import CloudSimulator
import Foundation
import Testing

/// The built `openstack-mcp-server` binary, run as a child process with pipes.
final class BinaryProcess: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../..").standardized

    static var binaryPath: String {
        get throws {
            for folder in [".build/debug", ".build/release"] {
                let path = packageRoot.appendingPathComponent(folder).appendingPathComponent("openstack-mcp-server").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
            throw TestFailure("openstack-mcp-server is not built; run `swift build` before `swift test`")
        }
    }

    let process = Process()
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    private let lock = NSLock()
    private var stderrText = ""
    private var stdoutBuffer = Data()
    /// Set at end of file on stdout: after an exit, output may still be in the pipe until then.
    private var stdoutClosed = false

    init(_ arguments: [String], environment: [String: String] = [:], currentDirectory: URL? = nil) throws {
        process.executableURL = URL(fileURLWithPath: try Self.binaryPath)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OS_") }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.stderrText += String(decoding: data, as: UTF8.self) }
        }
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            if data.isEmpty {
                handle.readabilityHandler = nil
                self.lock.withLock { self.stdoutClosed = true }
                return
            }
            self.lock.withLock { self.stdoutBuffer.append(data) }
        }
        try process.run()
    }

    var errorOutput: String { lock.withLock { stderrText } }
    var standardOutput: String { lock.withLock { String(decoding: stdoutBuffer, as: UTF8.self) } }

    func write(_ line: String) {
        stdin.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits until `condition` holds on (stdout, stderr) or the timeout passes.
    func waitFor(_ timeout: Duration = .seconds(20), _ condition: (String, String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(standardOutput, errorOutput) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition(standardOutput, errorOutput)
    }

    /// Waits for exit; returns the status, or nil if it is still running at the timeout.
    func waitForExit(_ timeout: Duration = .seconds(20)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { return nil }
        // The exit can come before the last of stdout is read (a long --help was cut short).
        let drained = ContinuousClock.now + .seconds(20)  // ends at EOF; long only on a loaded machine
        while !lock.withLock({ stdoutClosed }) && ContinuousClock.now < drained { try? await Task.sleep(for: .milliseconds(10)) }
        return process.terminationStatus
    }

    func terminate() {
        if process.isRunning { process.terminate() }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

extension BinaryProcess {
    /// The server binary on a free port, signed in to a demo cloud as its admin, with `flags`; it
    /// is returned once it listens.
    static func againstDemo(authURL: String, flags: [String]) async throws -> (server: BinaryProcess, port: Int) {
        let port = try PlainHTTP.freePort()
        let server = try BinaryProcess(
            ["--port", String(port)] + flags,
            environment: [
                "OS_AUTH_URL": authURL, "OS_USERNAME": DemoCloud.adminUser, "OS_PASSWORD": DemoCloud.adminPassword,
                "OS_PROJECT_NAME": DemoCloud.adminProject,
            ])
        #expect(await server.waitFor { _, err in err.contains("listening on") }, "\(server.errorOutput)")
        return (server, port)
    }
}

extension BinaryProcess {
    /// Runs the binary to its end with stdout in a file, and returns its exit status and stdout.
    /// For short commands like `--help`: a pipe's end of file can be held back by another child
    /// spawned at the same moment (tests run in parallel), which cut a long help text short.
    static func output(of arguments: [String], timeout: Duration = .seconds(30)) async throws -> (status: Int32, stdout: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("binary-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binaryPath)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("OS_") }
        process.standardOutput = try FileHandle(forWritingTo: file)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            process.terminate()
            throw TestFailure("\(arguments) still running after \(timeout)")
        }
        return (process.terminationStatus, String(decoding: try Data(contentsOf: file), as: UTF8.self))
    }
}
