import Foundation
import OpenStackKit

extension ToolArguments {
    /// An ISO 8601 date or time argument: `2026-01-15`, `2026-01-15T12:00:00`, with optional
    /// fractional seconds and a `Z` or `+hh:mm` zone (UTC when none is given).
    public func date(_ name: String) throws -> Date? {
        guard let text = try string(name) else { return nil }
        guard let date = ISODate.parse(text) else {
            throw ToolArgumentError(
                argument: name, problem: "'\(text)' is not an ISO 8601 date or time; use e.g. 2026-01-15 or 2026-01-15T12:00:00Z")
        }
        return date
    }
}
