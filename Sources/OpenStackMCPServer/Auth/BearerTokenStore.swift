import Foundation
import Logging
import NIOConcurrencyHelpers

/// The static bearer tokens of `--auth-token-file`: one per line; blank lines and `#` comments
/// are skipped. Re-read on SIGHUP, so tokens rotate without a restart.
public final class BearerTokenStore: Sendable {
    public let path: String
    private let tokens: NIOLockedValueBox<[[UInt8]]>

    /// Reads the file; a file that cannot be read or holds no token stops the start.
    public init(path: String) throws {
        self.path = path
        self.tokens = NIOLockedValueBox(try Self.read(path))
    }

    /// How many tokens are accepted now.
    public var count: Int { tokens.withLockedValue { $0.count } }

    static func read(_ path: String) throws -> [[UInt8]] {
        let expanded = (path as NSString).expandingTildeInPath
        guard let text = try? String(contentsOfFile: expanded, encoding: .utf8) else {
            throw AuthSetupError(description: "cannot read --auth-token-file \(path). Next step: check the path and its permissions")
        }
        let tokens = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { Array($0.utf8) }
        guard !tokens.isEmpty else {
            throw AuthSetupError(description: "--auth-token-file \(path) holds no token. Next step: write one token per line")
        }
        return tokens
    }

    /// Re-reads the file. On failure the tokens in use stay, and the reason is logged.
    public func reload(logger: Logger) {
        do {
            let fresh = try Self.read(path)
            tokens.withLockedValue { $0 = fresh }
            logger.info("auth tokens reloaded", metadata: ["tokens": "\(fresh.count)"])
        } catch {
            logger.warning("auth tokens not reloaded; the previous ones stay in use", metadata: ["reason": "\(error)"])
        }
    }

    /// Whether `presented` is one of the tokens. Every token is compared in full, in time that
    /// depends only on the lengths, so the answer's timing does not reveal a matching prefix.
    func accepts(_ presented: String) -> Bool {
        let candidate = Array(presented.utf8)
        let current = tokens.withLockedValue { $0 }
        var matched: UInt8 = 0
        for token in current { matched |= Self.constantTimeEqual(candidate, token) ? 1 : 0 }
        return matched == 1
    }

    /// Whether two byte strings are equal, in time that depends only on their lengths.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        let length = max(a.count, b.count)
        for index in 0..<length {
            let left = index < a.count ? a[index] : 0
            let right = index < b.count ? b[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
