import Foundation
import OpenStackKit

/// The command line's part of configuration: the cloud flags as one settings layer, and the
/// clouds they select together with the OS_* variables and clouds.yaml.
struct CloudSetup {
    let flags: CloudFlags
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The clouds to serve, with their merged settings (see ``CloudSelection`` for the rules).
    func select() throws -> [SelectedCloud] {
        let selection = CloudSelection(
            flags: try settings(), flagsGiven: flagsGiven, requested: flags.osCloud, environment: environment,
            loadFiles: { [environment] in try Self.loadFiles(environment) })
        do {
            return try selection.select()
        } catch let error as OpenStackError {
            throw LaunchError(message: "\(error.message). Next step: \(error.nextStep)")
        }
    }

    /// clouds.yaml and secure.yaml from the standard places, with `~` taken from HOME.
    static func loadFiles(_ environment: [String: String]) throws -> CloudsFiles {
        try CloudsFiles.load(environment: environment, homeDirectory: environment["HOME"] ?? NSHomeDirectory())
    }

    /// True when any flag that describes a cloud was given.
    var flagsGiven: Bool {
        let texts: [String?] = [
            flags.authURL, flags.username, flags.password, flags.passwordFile, flags.projectName, flags.projectID,
            flags.userDomainName, flags.projectDomainName, flags.region, flags.interface, flags.cacert, flags.cert,
            flags.key,
        ]
        return texts.contains { $0 != nil } || flags.insecure
    }

    /// The flags as a settings layer; `--password-file` is read here.
    func settings() throws -> CloudSettings {
        var settings = CloudSettings()
        settings.authURL = flags.authURL
        settings.username = flags.username
        settings.password = flags.password
        if let path = flags.passwordFile {
            guard let text = try? String(contentsOfFile: (path as NSString).expandingTildeInPath, encoding: .utf8) else {
                throw LaunchError(message: "cannot read --password-file \(path). Next step: check the path and its permissions")
            }
            settings.password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
        }
        settings.projectName = flags.projectName
        settings.projectID = flags.projectID
        settings.userDomainName = flags.userDomainName
        settings.projectDomainName = flags.projectDomainName
        settings.region = flags.region
        settings.interface = flags.interface
        settings.cacert = flags.cacert
        settings.clientCertificate = flags.cert
        settings.clientKey = flags.key
        if flags.insecure { settings.insecure = true }
        return settings
    }

    /// A checked configuration, or one line naming the cloud and what to fix.
    static func resolve(_ cloud: SelectedCloud, http: HTTPSettings, several: Bool, credentials: Bool = true) throws -> CloudConfiguration {
        do {
            return try cloud.settings.resolve(name: cloud.name, http: http, credentials: credentials)
        } catch let error as OpenStackError {
            let prefix = several || cloud.name != "envvars" ? "cloud '\(cloud.name)': " : ""
            throw LaunchError(message: "\(prefix)\(error.message). Next step: \(error.nextStep)")
        }
    }
}
