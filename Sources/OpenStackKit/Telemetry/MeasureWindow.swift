import Foundation

/// How `get_measures` fits a read into its budget: the window and granularity it asks Gnocchi
/// for, and why, in words the answer repeats.
public struct MeasureWindow: Sendable, Equatable {
    public var start: Date
    public var stop: Date
    public var granularity: Double
    /// Why this granularity and window, for the answer's note.
    public var reason: String

    /// Picks the finest archive of `archives` (finest first) whose points over the window stay
    /// within `maxPoints` and whose retention still reaches back to `start` (from `now`). When none
    /// does, the coarsest archive that retains something is used and the window shortened to
    /// `maxPoints` of it, ending at `stop`. A `wanted` granularity must be one of the archives.
    public static func plan(
        archives: [ArchivePolicy.Archive], start: Date, stop: Date, now: Date, maxPoints: Int, wanted: Double?
    ) -> Result<MeasureWindow, PlanError> {
        guard stop > start else { return .failure(.emptyWindow) }
        guard !archives.isEmpty else { return .failure(.noArchives) }
        let span = stop.timeIntervalSince(start)
        func retains(_ archive: ArchivePolicy.Archive) -> Bool { (archive.timespan ?? .infinity) >= now.timeIntervalSince(start) }
        func points(_ granularity: Double) -> Int { Int((span / granularity).rounded(.up)) }
        if let wanted {
            guard let archive = archives.first(where: { $0.granularity == wanted }) else {
                return .failure(.unknownGranularity(archives.map(\.granularity)))
            }
            if points(wanted) <= maxPoints {
                let note = retains(archive) ? "" : "; this archive keeps only \(Self.words(archive.timespan ?? 0)), so earlier points are absent"
                return .success(MeasureWindow(start: start, stop: stop, granularity: wanted, reason: "granularity as asked\(note)"))
            }
            let shorter = stop.addingTimeInterval(-Double(maxPoints) * wanted)
            return .success(MeasureWindow(
                start: shorter, stop: stop, granularity: wanted,
                reason: "granularity as asked; the window was shortened to its last \(maxPoints) points to fit the budget"))
        }
        if let fit = archives.first(where: { points($0.granularity) <= maxPoints && retains($0) }) {
            let finer = archives.first { $0.granularity < fit.granularity }
            let why = finer.map { finer in
                points(finer.granularity) > maxPoints
                    ? "; \(Self.words(finer.granularity)) would be \(points(finer.granularity)) points, over the budget of \(maxPoints)"
                    : "; \(Self.words(finer.granularity)) is kept only for \(Self.words(finer.timespan ?? 0))"
            } ?? ""
            return .success(MeasureWindow(
                start: start, stop: stop, granularity: fit.granularity,
                reason: "the finest granularity that covers the window within \(maxPoints) points\(why)"))
        }
        let coarsest = archives[archives.count - 1]
        let shorter = max(start, stop.addingTimeInterval(-Double(maxPoints) * coarsest.granularity))
        return .success(MeasureWindow(
            start: shorter, stop: stop, granularity: coarsest.granularity,
            reason: "no granularity covers the whole window within \(maxPoints) points; the coarsest (\(Self.words(coarsest.granularity))) was used for the last \(maxPoints) points"))
    }

    /// Why no plan could be made.
    public enum PlanError: Error, Equatable {
        case emptyWindow, noArchives
        case unknownGranularity([Double])
    }

    /// `300` → `5 min`, `86400` → `1 day`.
    public static func words(_ seconds: Double) -> String {
        let value = Int(seconds)
        if value % 86_400 == 0 { return value == 86_400 ? "1 day" : "\(value / 86_400) days" }
        if value % 3600 == 0 { return "\(value / 3600) h" }
        if value % 60 == 0 { return "\(value / 60) min" }
        return "\(value) s"
    }
}
