import Foundation
import Logging
import NIOConcurrencyHelpers
import OpenStackKit

#if canImport(Glibc)
    import Glibc
#endif

/// Serves MCP over stdin and stdout: one JSON-RPC message per line each way; logs go to stderr.
///
/// Requests run concurrently and are answered in the order they finish. Both eras are served
/// on the one stream: `initialize` is answered for legacy clients, and a request with a
/// 2026-07-28 `_meta` is served on its own. `notifications/cancelled` stops a running request,
/// which then gets no answer (spec 2026-07-28, basic/patterns/cancellation).
public struct StdioServer: Sendable {
    let engine: MCPEngine
    let logger: Logger
    let maxLineBytes: Int
    /// Most requests read ahead of their answers.
    let window: Int

    public init(engine: MCPEngine, logger: Logger, maxLineBytes: Int = 1 << 20, window: Int = 64) {
        self.engine = engine
        self.logger = logger
        self.maxLineBytes = maxLineBytes
        self.window = window
    }

    /// Runs until stdin closes, then finishes the requests in flight.
    public func run(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) async {
        // A client that closes its end of stdout must not kill the process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let reader = StdinLines(descriptor: input, maxLineBytes: maxLineBytes, window: window)
        let writer = StdoutWriter(descriptor: output)
        let inFlight = InFlightRequests()
        // A discarding group: a plain task group keeps every finished child until it is awaited,
        // which grew memory by about 0.4 KB a message over a long session.
        await withDiscardingTaskGroup { group in
            for await line in reader.lines {
                let bytes: Data
                switch line {
                case .message(let message):
                    bytes = message
                case .tooLong(let prefix):
                    // Answered with its id when its first bytes name one, so the request is not left waiting.
                    let error = RPCError.invalidRequest("a message longer than \(maxLineBytes) bytes")
                    writer.send(RPCWire.error(id: LeadingID.find(in: prefix), error), written: reader.release)
                    continue
                }
                switch IncomingMessage.classify(bytes) {
                case .invalid(let error, let id):
                    writer.send(RPCWire.error(id: id, error), written: reader.release)
                case .notification(let method, let params):
                    if method == "notifications/cancelled", let id = params["requestId"].flatMap(RPCID.init) {
                        inFlight.cancel(id)
                    }
                    reader.release()
                case .response:
                    reader.release()
                case .request(let request):
                    switch engine.era(of: request) {
                    case .failure(let error):
                        writer.send(RPCWire.error(id: request.id, error), written: reader.release)
                    case .success(let era):
                        let engine = self.engine
                        let started = inFlight.start(request.id) {
                            let progress: @Sendable ([UInt8]) -> Void = { if !Task.isCancelled { writer.send($0) } }
                            let answer = await engine.answer(request, era: era, progress: progress)
                            return Task.isCancelled ? nil : answer.bytes
                        }
                        guard let task = started else {
                            writer.send(
                                RPCWire.error(id: request.id, .invalidRequest("request id \(request.id) is already in flight")),
                                written: reader.release)
                            continue
                        }
                        group.addTask {
                            let bytes = await task.value
                            inFlight.finish(request.id)
                            if let bytes { writer.send(bytes, written: reader.release) } else { reader.release() }
                        }
                    }
                }
            }
        }
        await writer.flush()
    }
}

/// The requests being answered, by ID, so that `notifications/cancelled` can reach them.
final class InFlightRequests: Sendable {
    private let tasks = NIOLockedValueBox([RPCID: Task<[UInt8]?, Never>]())

    /// Starts `work` under `id`; nil when a request with that ID is still running.
    func start(_ id: RPCID, _ work: @escaping @Sendable () async -> [UInt8]?) -> Task<[UInt8]?, Never>? {
        tasks.withLockedValue { tasks in
            guard tasks[id] == nil else { return nil }
            let task = Task(operation: work)
            tasks[id] = task
            return task
        }
    }

    func cancel(_ id: RPCID) {
        tasks.withLockedValue { $0[id]?.cancel() }
    }

    func finish(_ id: RPCID) {
        _ = tasks.withLockedValue { $0.removeValue(forKey: id) }
    }
}
