import AsyncHTTPClient
import Foundation
import NIOCore

/// The local OAuth issuer of `scripts/oauth_issuer.py` (PyJWT), run in a virtualenv under
/// `.build/` that is made on first use, so a clean clone needs nothing installed beforehand.
final class OAuthIssuer: @unchecked Sendable {
    static let requirements = "PyJWT[crypto]==2.15.1"
    let process: Process
    let url: String

    private init(process: Process, url: String) {
        self.process = process
        self.url = url
    }

    /// Starts an issuer on an ephemeral loopback port.
    static func start() async throws -> OAuthIssuer {
        let python = try await PythonEnvironment.shared.python()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [BinaryProcess.packageRoot.appendingPathComponent("scripts/oauth_issuer.py").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the issuer's URL.
        let line = await Task.detached { () -> String in
            var data = Data()
            while !data.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            return String(decoding: data, as: UTF8.self)
        }.value
        guard let range = line.range(of: "issuer ready ") else {
            process.terminate()
            throw TestFailure("the OAuth issuer did not start: \(line)")
        }
        let url = String(line[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        return OAuthIssuer(process: process, url: url)
    }

    /// A token the issuer signs: `kind` is good, es256, expired, not-yet, wrong-aud, wrong-iss,
    /// bad-sig, hs256, unknown-kid or no-exp.
    func token(_ kind: String, audience: String, scope: String = "openstack:read", subject: String? = nil) async throws -> String {
        var components = URLComponents(string: url + "/token")!
        components.queryItems = [.init(name: "kind", value: kind), .init(name: "aud", value: audience), .init(name: "scope", value: scope)]
        if let subject { components.queryItems?.append(.init(name: "sub", value: subject)) }
        return try await get(components.string!)
    }

    func get(_ url: String) async throws -> String {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw TestFailure("issuer: HTTP \(response.status.code) for \(url)") }
        return String(buffer: body)
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }

    deinit { stop() }
}

/// One virtualenv for the test helpers, created once per test run.
actor PythonEnvironment {
    static let shared = PythonEnvironment()
    private var ready: Task<String, Error>?

    func python() async throws -> String {
        if let ready { return try await ready.value }
        let task = Task { try await OffPool.run { try Self.prepare() } }
        ready = task
        return try await task.value
    }

    private static func prepare() throws -> String {
        let venv = BinaryProcess.packageRoot.appendingPathComponent(".build/test-venv").path
        let python = venv + "/bin/python"
        if !FileManager.default.isExecutableFile(atPath: python) {
            try run("/usr/bin/env", ["python3", "-m", "venv", venv])
        }
        if (try? run(python, ["-c", "import jwt, cryptography; assert jwt.__version__ == '2.15.1'"])) == nil {
            try run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", OAuthIssuer.requirements])
        }
        return python
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("\(executable) \(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self).suffix(400))")
        }
        return process.terminationStatus
    }
}
