import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Keeps a keep-alive connection serving for a short window after shutdown begins.
///
/// At shutdown the HTTP server stops accepting and closes every connection that has no request in
/// progress. A client that sent its next request a moment earlier, still unread in the socket, would
/// see its connection reset instead of an answer. This handler holds the close of an idle
/// connection back for `window`: a request that arrives meanwhile is answered, with
/// `Connection: close` so that the client opens no further request on it, and the connection closes
/// once that answer is written. A connection busy at shutdown closes after its answer, as before.
final class LameDuckHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let window: TimeAmount
    private var inProgress = 0
    private var draining = false
    private var forwarded = false
    private var pending: Scheduled<Void>?

    init(window: TimeAmount) {
        self.window = window
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { inProgress += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where draining:
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            inProgress -= 1
            guard draining, inProgress == 0 else { return context.write(data, promise: promise) }
            // The answer that the window waited for: nothing else is owed on this connection.
            context.writeAndFlush(data, promise: promise)
            forwardQuiesce(context)
        default:
            context.write(data, promise: promise)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            return context.fireUserInboundEventTriggered(event)
        }
        draining = true
        if inProgress > 0 { return forwardQuiesce(context) }
        // Idle now: give a request already on its way the window to arrive before the close.
        let loop = context.eventLoop.assumeIsolatedUnsafeUnchecked()
        pending = loop.scheduleTask(in: window) { [self] in forwardQuiesce(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
    }

    /// Lets the connection's state handler close it now if idle, or after the answer in progress.
    private func forwardQuiesce(_ context: ChannelHandlerContext) {
        guard !forwarded, context.channel.isActive else { return }
        forwarded = true
        context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
    }
}
