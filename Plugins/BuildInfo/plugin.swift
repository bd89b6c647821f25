import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` (version, git commit, build date) before every build of the target.
///
/// A prebuild command runs on every `swift build`, so a plain build from a clean clone gets the
/// commit it was built from, with no release script involved. `scripts/build-info.sh` rewrites
/// the file only when its contents change, so an unchanged tree recompiles nothing.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let root = context.package.directoryURL
        var environment: [String: String] = [:]
        // Forwarded so a release (or a reproducible build) can pin the values.
        for name in ["SOURCE_DATE_EPOCH", "OPENSTACK_MCP_VERSION", "OPENSTACK_MCP_COMMIT", "PATH"] {
            if let value = ProcessInfo.processInfo.environment[name] { environment[name] = value }
        }
        return [
            .prebuildCommand(
                displayName: "Stamping version, commit and build date",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [root.appending(path: "scripts/build-info.sh").path, root.path, output.path],
                environment: environment,
                outputFilesDirectory: output)
        ]
    }
}
