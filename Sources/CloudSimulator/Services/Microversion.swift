import Foundation

/// A `major.minor` API microversion.
struct APIVersion: Comparable, Sendable, CustomStringConvertible {
    let major: Int
    let minor: Int

    init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `2.96`; `nil` for anything else.
    init?(parsing text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else { return nil }
        self.init(major, minor)
    }

    var description: String { "\(major).\(minor)" }

    static func < (lhs: APIVersion, rhs: APIVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}

/// Reads the requested microversion from `OpenStack-API-Version: <service> X.Y` (preferred)
/// or a legacy header, and checks it against the supported range.
struct MicroversionNegotiator: Sendable {
    enum Failure: Error {
        /// Malformed version string (400).
        case invalid(String)
        /// Outside the supported range (406).
        case unsupported(String)
    }

    let serviceType: String
    let legacyHeader: String?
    let minimum: APIVersion
    let maximum: APIVersion

    func negotiate(_ request: IncomingRequest) -> Result<APIVersion, Failure> {
        guard let requested = requested(request) else { return .success(minimum) }
        if requested.lowercased() == "latest" { return .success(maximum) }
        guard let version = APIVersion(parsing: requested) else {
            return .failure(.invalid("API Version String \(requested) is of invalid format. Must be of format MajorNum.MinorNum."))
        }
        guard version >= minimum, version <= maximum else {
            return .failure(.unsupported("Version \(version) is not supported by the API. Minimum is \(minimum) and maximum is \(maximum)."))
        }
        return .success(version)
    }

    /// The version string the client asked for, if any.
    func requested(_ request: IncomingRequest) -> String? {
        var requested: String?
        if let header = request.header("OpenStack-API-Version") {
            for entry in header.split(separator: ",") {
                let words = entry.split(separator: " ", omittingEmptySubsequences: true)
                if words.count == 2, words[0].lowercased() == serviceType {
                    requested = String(words[1])
                }
            }
        }
        if requested == nil, let legacyHeader, let legacy = request.header(legacyHeader) {
            requested = legacy.trimmingCharacters(in: .whitespaces)
        }
        return requested
    }
}
