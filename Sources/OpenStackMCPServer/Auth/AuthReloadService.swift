import Logging
import ServiceLifecycle
import UnixSignals

/// Re-reads the bearer tokens (or the issuer's keys) on SIGHUP, for rotation without a restart.
struct AuthReloadService: Service {
    let authenticator: HTTPAuthenticator

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            await authenticator.reload()
        }
    }
}
