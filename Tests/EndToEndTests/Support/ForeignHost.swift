import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A listener on loopback that plays a host the catalog never named. It records every connection
/// and the bytes that came on it (plain HTTP or a TLS hello alike), answers 404 and closes.
final class ForeignHost: Sendable {
    let channel: any Channel
    let port: Int
    private let received: NIOLockedValueBox<[String]>

    private init(channel: any Channel, port: Int, received: NIOLockedValueBox<[String]>) {
        self.channel = channel
        self.port = port
        self.received = received
    }

    /// What came, one entry per connection: its first bytes (the request line and headers).
    var requests: [String] { received.withLockedValue { $0 } }

    static func start() async throws -> ForeignHost {
        let received = NIOLockedValueBox<[String]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Recorder(received: received)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw TestFailure("the foreign host has no port") }
        return ForeignHost(channel: channel, port: port, received: received)
    }

    func stop() async { try? await channel.close() }

    private final class Recorder: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let received: NIOLockedValueBox<[String]>
        private var index: Int?

        init(received: NIOLockedValueBox<[String]>) { self.received = received }

        func channelActive(context: ChannelHandlerContext) {
            index = received.withLockedValue { $0.append("(connected)"); return $0.count - 1 }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let bytes = unwrapInboundIn(data)
            if let index {
                received.withLockedValue { $0[index] = String(decoding: bytes.readableBytesView, as: UTF8.self) }
            }
            let answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: answer)), promise: nil)
            context.close(promise: nil)
        }
    }
}

/// Log records kept for a test to read (level, message and metadata), whatever the logger's label.
final class CapturedLogs: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let store = NIOLockedValueBox<[Entry]>([])

    var entries: [Entry] { store.withLockedValue { $0 } }

    /// A handler factory for `Logger(label:factory:)`.
    func handler(label: String) -> any LogHandler { Handler(logs: self) }

    fileprivate func add(_ entry: Entry) { store.withLockedValue { $0.append(entry) } }

    private struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            logs.add(Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
