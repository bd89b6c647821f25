import Logging

/// How log lines are written: `--log-format text` (swift-log's stream format) or `json`.
public enum LogFormat: String, CaseIterable, Sendable {
    case text, json
}

/// The process's logging backend. Everything goes to stderr: on stdio, stdout is the protocol's.
public enum LogSetup {
    /// Metadata prefixes of the libraries' own DEBUG lines: AsyncHTTPClient's connection
    /// scheduling (`ahc-`), ServiceLifecycle's service dumps (`sl-`) and Hummingbird's (`hb.`).
    /// They describe connections and tasks, not calls, and would drown the server's own lines.
    static let transportPrefixes = ["ahc-", "sl-", "hb."]

    /// Bootstraps swift-log once for the process.
    public static func bootstrap(format: LogFormat, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            switch format {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return QuietTransport(inner: handler)
            case .json:
                return QuietTransport(inner: JSONLogHandler(label: label, level: level))
            }
        }
    }
}

/// Drops the transport libraries' DEBUG and TRACE lines; passes everything else on.
struct QuietTransport: LogHandler {
    var inner: any LogHandler

    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }
    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }
    var metadataProvider: Logger.MetadataProvider? {
        get { inner.metadataProvider }
        set { inner.metadataProvider = newValue }
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        // Libraries set their keys on the logger (a connection's logger) or on the line.
        let isTransport = { (key: String) in LogSetup.transportPrefixes.contains { key.hasPrefix($0) } }
        if event.level < .info, inner.metadata.keys.contains(where: isTransport)
            || event.metadata?.keys.contains(where: isTransport) == true
        {
            return
        }
        inner.log(event: event)
    }
}
