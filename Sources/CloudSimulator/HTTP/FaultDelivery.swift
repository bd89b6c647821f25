#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Hummingbird
import NIOCore

/// The faults that act on the wire: a reset connection, and answers cut or slowed mid-body.
enum FaultDelivery {
    /// Closes with a TCP RST (SO_LINGER 0), as a load balancer that drops an idle connection does.
    static func reset(_ channel: any Channel) async {
        if let provider = channel as? any SocketOptionProvider {
            try? await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }

    /// The body as the fault sends it: whole for every other fault.
    static func body(_ bytes: ByteBuffer, fault: Fault?, channel: any Channel) -> ResponseBody {
        switch fault {
        case .resetMidBody:
            return ResponseBody(contentLength: bytes.readableBytes) { writer in
                try await writer.write(bytes.getSlice(at: bytes.readerIndex, length: bytes.readableBytes / 2) ?? ByteBuffer())
                // Let the head and the first half reach the client before the reset.
                try await Task.sleep(for: .milliseconds(150))
                await reset(channel)
                throw CancellationError()
            }
        case .slowBody(let pause):
            return ResponseBody(contentLength: bytes.readableBytes) { writer in
                var rest = bytes
                let piece = max(1, rest.readableBytes / 10 + 1)
                while rest.readableBytes > 0 {
                    try await Task.sleep(for: .milliseconds(max(0, pause)))
                    try await writer.write(rest.readSlice(length: min(piece, rest.readableBytes))!)
                }
                try await writer.finish(nil)
            }
        default:
            return ResponseBody(byteBuffer: bytes)
        }
    }
}
