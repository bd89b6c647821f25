import Foundation
import NIOConcurrencyHelpers
import OpenStackKit

/// Sends `notifications/progress` for one request that carried `_meta.progressToken`: one
/// notification per upstream answer, with a rising count, and none once the request is answered.
final class ProgressReporter: UpstreamObserver {
    private struct State {
        var completed = 0
        var finished = false
    }

    private let token: JSONValue
    private let emit: @Sendable ([UInt8]) -> Void
    private let state = NIOLockedValueBox(State())

    /// A reporter when `meta` asks for progress (a string or integer token), else nil.
    init?(meta: [String: JSONValue]?, emit: @escaping @Sendable ([UInt8]) -> Void) {
        guard let token = meta?["progressToken"], RPCID(token) != nil else { return nil }
        self.token = token
        self.emit = emit
    }

    func upstreamAnswered(service: String, method: String, path: String, status: Int) {
        state.withLockedValue { state in
            guard !state.finished else { return }
            state.completed += 1
            // Emitting under the lock keeps the notifications in the order of their counts.
            emit(
                RPCWire.notification(
                    method: "notifications/progress",
                    params: [
                        "progressToken": token, "progress": .int(state.completed),
                        "message": .string("\(service) \(method) \(path): \(status)"),
                    ]))
        }
    }

    /// No notification may follow the answer.
    func finish() {
        state.withLockedValue { $0.finished = true }
    }
}
