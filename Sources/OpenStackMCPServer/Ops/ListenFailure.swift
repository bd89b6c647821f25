import Foundation
import NIOCore

/// A listener that could not start, said in one line that names the flag to change.
///
/// NIO reports a failed bind as `bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`,
/// which names a system call, not the user's mistake.
public struct ListenFailure: Error, CustomStringConvertible {
    public let description: String

    /// Explains `error` from listening on `host:port`, set by `flag` (`--port`, `--metrics-port`).
    public init(_ error: any Error, host: String, port: Int, flag: String) {
        if let failure = error as? ListenFailure {
            self = failure
            return
        }
        let code = (error as? IOError)?.errnoCode
        switch code {
        case EADDRINUSE:
            description = "port \(port) on \(host) is already in use. Next step: stop the other server or choose another \(flag)"
        case EACCES:
            description = "port \(port) needs privileges this process does not have. Next step: choose a \(flag) above 1023"
        case EADDRNOTAVAIL:
            description = "\(host) is not an address of this machine. Next step: use --host 127.0.0.1, 0.0.0.0 or one of its addresses"
        default:
            let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\(error)"
            description = "cannot listen on \(host):\(port) (\(flag)): \(reason)"
        }
    }
}
