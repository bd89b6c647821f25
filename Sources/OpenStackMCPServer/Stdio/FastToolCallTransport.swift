import Foundation
import Logging
import MCP

/// Wraps a transport so that `tools/call` requests are answered by ``ToolCallFastPath`` and every
/// other message reaches the SDK server unchanged. Calls run concurrently, as the SDK runs them.
actor FastToolCallTransport: Transport {
    private let inner: any Transport
    private let fastPath: ToolCallFastPath
    nonisolated let logger: Logger

    init(wrapping inner: any Transport, fastPath: ToolCallFastPath, logger: Logger) {
        self.inner = inner
        self.fastPath = fastPath
        self.logger = logger
    }

    func connect() async throws { try await inner.connect() }

    func disconnect() async { await inner.disconnect() }

    func send(_ data: Data) async throws { try await inner.send(data) }

    func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        let upstream = inner
        let fastPath = fastPath
        let logger = logger
        return AsyncThrowingStream { continuation in
            let pump = Task {
                await withTaskGroup(of: Void.self) { calls in
                    do {
                        for try await message in await upstream.receive() {
                            guard ToolCallFastPath.mayBeToolCall(message) else {
                                continuation.yield(message)
                                continue
                            }
                            calls.addTask {
                                if let answer = await fastPath.answer(message) {
                                    do { try await upstream.send(answer) } catch {
                                        logger.warning("could not send a tool answer", metadata: ["error": "\(error)"])
                                    }
                                } else {
                                    continuation.yield(message)
                                }
                            }
                        }
                        await calls.waitForAll()
                        continuation.finish()
                    } catch {
                        await calls.waitForAll()
                        continuation.finish(throwing: error)
                    }
                }
            }
            continuation.onTermination = { _ in pump.cancel() }
        }
    }
}
