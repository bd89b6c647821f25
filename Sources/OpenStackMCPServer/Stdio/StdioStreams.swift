import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line of standard input, split on `\n`.
enum StdioLine: Sendable {
    case message(Data)
    /// A line longer than the limit; its bytes were dropped but for the first few KB, where its
    /// `id` may be read (``LeadingID``).
    case tooLong(prefix: [UInt8])
}

/// Reads standard input on a thread of its own (blocking reads never hold a Swift concurrency
/// thread) and yields it line by line. At most `window` lines are out at once: each must be
/// `release()`d when its answer is written, so a client that floods stdin waits instead of
/// growing the server's memory.
final class StdinLines: Sendable {
    private let permits: DispatchSemaphore
    let lines: AsyncStream<StdioLine>

    init(descriptor: Int32, maxLineBytes: Int, window: Int) {
        let permits = DispatchSemaphore(value: window)
        let (lines, continuation) = AsyncStream<StdioLine>.makeStream()
        self.permits = permits
        self.lines = lines
        let thread = Thread {
            Self.pump(descriptor: descriptor, maxLineBytes: maxLineBytes, permits: permits, into: continuation)
        }
        thread.name = "stdin"
        thread.start()
    }

    /// One line has been dealt with.
    func release() { permits.signal() }

    private static func pump(
        descriptor: Int32, maxLineBytes: Int, permits: DispatchSemaphore,
        into continuation: AsyncStream<StdioLine>.Continuation
    ) {
        var pending = Data()
        /// Set while the rest of an oversize line is skipped: the line's first bytes.
        var dropping: [UInt8]?
        var chunk = [UInt8](repeating: 0, count: 65536)
        func emit(_ line: StdioLine) {
            permits.wait()
            continuation.yield(line)
        }
        func finishLine(_ bytes: Data) {
            if let prefix = dropping {
                dropping = nil
                emit(.tooLong(prefix: prefix))
                return
            }
            var line = bytes
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            // A line that ends in the chunk that made it too long never reached the check below.
            if line.count > maxLineBytes {
                emit(.tooLong(prefix: Array(line.prefix(LeadingID.prefixBytes))))
                return
            }
            // Blank lines carry no message (some clients send them as keep-alives).
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { emit(.message(line)) }
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    waitUntilReady(descriptor, events: POLLIN)
                    continue
                }
                break
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where chunk[index] == UInt8(ascii: "\n") {
                if dropping == nil { pending.append(contentsOf: chunk[start..<index]) }
                finishLine(pending)
                pending.removeAll(keepingCapacity: true)
                start = index + 1
            }
            if dropping == nil { pending.append(contentsOf: chunk[start..<count]) }
            if pending.count > maxLineBytes {
                dropping = Array(pending.prefix(LeadingID.prefixBytes))
                pending.removeAll()
            }
        }
        // A last message without its newline still counts.
        if dropping != nil || !pending.isEmpty { finishLine(pending) }
        continuation.finish()
    }
}

/// Writes whole messages to standard output, one line each, in the order they are handed over.
/// One serial queue does every write, so two answers can never interleave mid-line.
final class StdoutWriter: Sendable {
    private let descriptor: Int32
    private let queue = DispatchQueue(label: "stdout")
    private let broken = NIOLockedValueBox(false)

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Queues one message; `written` runs once it is out (or dropped because stdout is closed).
    func send(_ message: [UInt8], written: @escaping @Sendable () -> Void = {}) {
        queue.async {
            self.writeLine(message)
            written()
        }
    }

    /// Waits until every queued message is written.
    func flush() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in queue.async { done.resume() } }
    }

    private func writeLine(_ message: [UInt8]) {
        guard !broken.withLockedValue({ $0 }) else { return }
        var bytes = message
        bytes.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    waitUntilReady(descriptor, events: POLLOUT)
                    continue
                }
                // The client closed its end: nothing more can be delivered.
                broken.withLockedValue { $0 = true }
                return
            }
            offset += count
        }
    }
}

/// Blocks until a descriptor that a parent left non-blocking can be read or written again.
private func waitUntilReady(_ descriptor: Int32, events: Int32) {
    var poller = pollfd(fd: descriptor, events: Int16(events), revents: 0)
    _ = poll(&poller, 1, -1)
}
