import Foundation
import Hummingbird
import NIOCore

/// Reads a POST body up to the size limit. Over the limit, only the first few KB are kept, for
/// the request's id (``LeadingID``); the rest is never buffered (Hummingbird discards what is
/// left unread once the answer is written).
enum BoundedBody {
    enum Outcome {
        case whole(ByteBuffer)
        /// Over the limit: the body's first bytes.
        case tooLarge(prefix: [UInt8])
    }

    static func read(_ body: RequestBody, limit: Int) async -> Outcome {
        var collected = ByteBuffer()
        do {
            for try await chunk in body {
                guard collected.readableBytes + chunk.readableBytes <= limit else {
                    var chunk = chunk
                    collected.writeBuffer(&chunk)
                    return .tooLarge(prefix: Array(collected.readableBytesView.prefix(LeadingID.prefixBytes)))
                }
                var chunk = chunk
                collected.writeBuffer(&chunk)
            }
        } catch {
            // The client went away mid-body; it reads no answer, and this one costs nothing.
            return .tooLarge(prefix: Array(collected.readableBytesView.prefix(LeadingID.prefixBytes)))
        }
        return .whole(collected)
    }

    /// The first ``LeadingID/prefixBytes`` of a body already known to be too large (by its Content-Length).
    static func prefix(of body: RequestBody) async -> [UInt8] {
        var collected: [UInt8] = []
        do {
            for try await chunk in body {
                collected += chunk.readableBytesView.prefix(LeadingID.prefixBytes - collected.count)
                if collected.count >= LeadingID.prefixBytes { break }
            }
        } catch {
            // Whatever arrived is all there is to read the id from.
        }
        return collected
    }
}
