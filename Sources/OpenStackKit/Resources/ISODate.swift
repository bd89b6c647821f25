import Foundation

/// ISO 8601 parsing and the UTC form the compute API expects in its query strings.
public enum ISODate {
    /// `2026-01-15`, `2026-01-15T12:00:00` or with a space, with optional fractional seconds and a
    /// `Z` or `+hh:mm` zone (UTC when none is given).
    public static func parse(_ text: String) -> Date? {
        var candidate = text.replacingOccurrences(of: " ", with: "T")
        if candidate.count == 10 { candidate += "T00:00:00" }
        let hasZone = candidate.hasSuffix("Z") || candidate.dropFirst(19).contains { $0 == "+" || $0 == "-" }
        if !hasZone { candidate += "Z" }
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: candidate) { return date }
        }
        return nil
    }

    /// `2026-01-15T12:00:00Z`.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `2026-01-15T12:00:00` (UTC, no zone): the form os-simple-tenant-usage accepts.
    public static func formatNaive(_ date: Date) -> String {
        String(format(date).dropLast())
    }
}
