import Foundation
import Logging
import OpenStackKit

/// `--log-format json`: one JSON object per line on stderr, with a fixed `message` and the
/// data in fields of their own (`ts`, `level`, `logger`, then the metadata).
///
/// Whole numbers and booleans given as `.stringConvertible` are written as JSON numbers and
/// booleans, so a log pipeline can sum `ms` without parsing strings.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: JSONValue] = [
            "ts": .string(Self.timestamp()), "level": .string(event.level.rawValue), "logger": .string(label),
            "message": .string("\(event.message)"),
        ]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for (key, value) in merged where fields[key] == nil { fields[key] = Self.json(value) }
        LogLine.write(JSONValue.object(fields).compactText())
    }

    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: return .int(number)
            case let number as Double where number.isFinite: return .double(number)
            case let flag as Bool: return .bool(flag)
            default: return .string(convertible.description)
            }
        case .array(let values): return .array(values.map(json))
        case .dictionary(let entries): return .object(entries.mapValues(json))
        }
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// Writes whole lines to stderr, one writer at a time, so concurrent calls never interleave.
enum LogLine {
    private static let lock = NSLock()

    static func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.withLock { FileHandle.standardError.write(data) }
    }
}
