import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// What went wrong on the wire, in the words an operator uses.
///
/// The HTTP client's own error descriptions (`HTTPClientError.deadlineExceeded`,
/// `read(descriptor:pointer:size:)`, ...) never reach a user: each failure is named here.
enum TransportFailure: Equatable {
    /// The TCP (or TLS) connection could not be opened: refused, no route, name not found.
    case connect(String)
    /// The service reset the connection (RST).
    case reset
    /// The service closed the connection (FIN) without finishing its answer.
    case closed
    /// A deadline passed: connect, silence while reading, or the whole request.
    case connectTimeout, readTimeout, deadline
    case tls
    case tooLarge
    case cancelled
    case other(String)

    /// True when a GET may be sent again: the connection broke under a request the service had
    /// not answered, the everyday case of a pooled keep-alive connection a load balancer dropped.
    var isBrokenConnection: Bool { self == .reset || self == .closed }

    static func classify(_ error: Error) -> TransportFailure {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded: return .deadline
            case .readTimeout: return .readTimeout
            case .connectTimeout, .getConnectionFromPoolTimeout: return .connectTimeout
            case .remoteConnectionClosed: return .closed
            case .cancelled: return .cancelled
            case .bodyLengthMismatch: return .closed
            default: break
            }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNRESET, EPIPE: return .reset
            case ECONNREFUSED: return .connect("the connection was refused")
            case EHOSTUNREACH, ENETUNREACH: return .connect("there is no route to the host")
            case ETIMEDOUT: return .connectTimeout
            default: return .other(String(cString: strerror(error.errnoCode)).lowercased())
            }
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .connectTimeout
            case .eof, .ioOnClosedChannel, .outputClosed, .alreadyClosed: return .closed
            default: break
            }
        }
        if error is NIOTooManyBytesError { return .tooLarge }
        if error is CancellationError { return .cancelled }
        if error is NIOSSLError || error is NIOSSLExtraError { return .tls }
        let text = String(describing: error)
        if text.contains("SSL") { return .tls }
        // NIOPosix's connection errors (refused, DNS) are not visible from here by type.
        if text.contains("Connection refused") { return .connect("the connection was refused") }
        if text.contains("Connection reset") { return .reset }
        if text.contains("NIOConnectionError") || text.contains("resolve") {
            return .connect("the host name could not be resolved or reached")
        }
        return .other("the connection failed")
    }

    /// The sentence for an error message; `afterHead` says whether the status line had arrived.
    func sentence(afterHead: Bool, settings: HTTPSettings) -> String {
        switch self {
        case .connect(let reason): return "could not connect: \(reason)"
        case .reset:
            return afterHead
                ? "the connection was reset by the service in the middle of its answer"
                : "the connection was reset by the service before it answered"
        case .closed:
            return afterHead
                ? "the service closed the connection in the middle of its answer"
                : "the service closed the connection before it answered"
        case .connectTimeout:
            return "could not connect within \(settings.connectTimeout.components.seconds) s (--connect-timeout)"
        case .readTimeout:
            return "the service went silent for \(settings.readTimeout.components.seconds) s while answering (--timeout)"
        case .deadline: return "no answer before the deadline"
        case .tls: return "TLS failed"
        case .tooLarge: return "the answer was larger than the configured limit"
        case .cancelled: return "the call was cancelled"
        case .other(let reason): return reason
        }
    }
}
