import Logging

/// Wraps a log handler and drops the error Hummingbird logs when its accept loop is cancelled
/// (`Waiting on child channel: CancellationError()`), which is how a ``DemoCloud`` stops.
struct ShutdownNoiseFilter: LogHandler {
    var wrapped: any LogHandler

    /// A copy of `logger` whose handler filters the shutdown noise.
    static func wrap(_ logger: Logger) -> Logger {
        let handler = ShutdownNoiseFilter(wrapped: logger.handler)
        return Logger(label: logger.label) { _ in handler }
    }

    func log(event: LogEvent) {
        if event.message.description.hasPrefix("Waiting on child channel: CancellationError") { return }
        wrapped.log(event: event)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }
}
