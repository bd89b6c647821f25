import Foundation
import Yams

/// clouds.yaml and secure.yaml, found and merged the way openstacksdk does it.
///
/// Each kind is looked for in order: the file named by `OS_CLIENT_CONFIG_FILE` (`OS_CLIENT_SECURE_FILE`
/// for secure.yaml), then `./`, `$XDG_CONFIG_HOME/openstack/`, `~/.config/openstack/` and
/// `/etc/openstack/`, each as `.yaml`, `.yml` and `.json`. The first file found wins; files are never
/// combined across places. secure.yaml is then deep-merged over clouds.yaml, so it can hold just
/// the secrets of clouds defined in clouds.yaml.
public struct CloudsFiles: Sendable {
    /// One `clouds:` entry: its name and its merged mapping (keys as written).
    public struct Entry: Sendable {
        public var name: String
        public var value: JSONValue
        /// The part that came from secure.yaml, to say where a setting came from.
        public var secureValue: JSONValue?
    }

    /// The clouds.yaml that was read, if any.
    public var cloudsPath: String?
    /// The secure.yaml that was read, if any.
    public var securePath: String?
    /// The clouds, in the order clouds.yaml lists them (then any only in secure.yaml).
    public var entries: [Entry]
    /// Every path looked at for clouds.yaml, in order, for messages.
    public var searchedPaths: [String]

    public init(cloudsPath: String? = nil, securePath: String? = nil, entries: [Entry] = [], searchedPaths: [String] = []) {
        self.cloudsPath = cloudsPath
        self.securePath = securePath
        self.entries = entries
        self.searchedPaths = searchedPaths
    }

    public var names: [String] { entries.map(\.name) }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The candidate paths for `clouds` or `secure`, best first.
    public static func searchPaths(
        kind: String, environment: [String: String], currentDirectory: String, homeDirectory: String,
        siteDirectory: String = "/etc/openstack"
    ) -> [String] {
        var folders = [currentDirectory]
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { folders.append(xdg + "/openstack") }
        folders.append(homeDirectory + "/.config/openstack")
        folders.append(siteDirectory)
        var paths: [String] = []
        for folder in folders {
            for suffix in ["yaml", "yml", "json"] {
                let path = "\(folder)/\(kind).\(suffix)"
                if !paths.contains(path) { paths.append(path) }
            }
        }
        return paths
    }

    /// Finds, reads and merges the files. A file named by an override variable must exist; a
    /// file that cannot be parsed is an error that names it.
    public static func load(
        environment: [String: String], currentDirectory: String = FileManager.default.currentDirectoryPath,
        homeDirectory: String = NSHomeDirectory(), siteDirectory: String = "/etc/openstack"
    ) throws -> CloudsFiles {
        let cloudsSearch = try candidates(
            kind: "clouds", override: "OS_CLIENT_CONFIG_FILE", environment: environment,
            folders: (currentDirectory, homeDirectory, siteDirectory))
        let secureSearch = try candidates(
            kind: "secure", override: "OS_CLIENT_SECURE_FILE", environment: environment,
            folders: (currentDirectory, homeDirectory, siteDirectory))
        let clouds = try firstReadable(cloudsSearch)
        let secure = try firstReadable(secureSearch)
        let cloudsDocument = clouds?.document ?? .object([:])
        let secureDocument = secure?.document ?? .object([:])
        let merged = cloudsDocument.deepMerged(with: secureDocument)

        var names = clouds?.cloudNames ?? []
        for name in secure?.cloudNames ?? [] where !names.contains(name) { names.append(name) }
        let entries = names.map { name in
            Entry(name: name, value: merged["clouds"]?[name] ?? .object([:]), secureValue: secureDocument["clouds"]?[name])
        }
        return CloudsFiles(cloudsPath: clouds?.path, securePath: secure?.path, entries: entries, searchedPaths: cloudsSearch)
    }

    private static func candidates(
        kind: String, override: String, environment: [String: String],
        folders: (current: String, home: String, site: String)
    ) throws -> [String] {
        var paths = searchPaths(
            kind: kind, environment: environment, currentDirectory: folders.current, homeDirectory: folders.home,
            siteDirectory: folders.site)
        if let named = environment[override], !named.isEmpty {
            let expanded = (named as NSString).expandingTildeInPath
            guard FileManager.default.fileExists(atPath: expanded) else {
                throw OpenStackError(
                    kind: .configuration, service: "configuration",
                    message: "\(override) names \(expanded), which does not exist",
                    nextStep: "fix \(override) or unset it to use the standard places")
            }
            paths.insert(expanded, at: 0)
        }
        return paths
    }

    private struct ReadFile {
        var path: String
        var document: JSONValue
        var cloudNames: [String]
    }

    /// The first file that exists and can be read; unreadable ones are skipped, as openstacksdk does.
    private static func firstReadable(_ paths: [String]) throws -> ReadFile? {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let node: Node?
            do {
                node = try Yams.compose(yaml: text)
            } catch {
                throw OpenStackError(
                    kind: .configuration, service: "configuration",
                    message: "\(path) is not valid YAML: \(String(describing: error).split(separator: "\n").joined(separator: " "))",
                    nextStep: "fix the file (indentation and colons are the usual culprits)")
            }
            guard let node else { return ReadFile(path: path, document: .object([:]), cloudNames: []) }
            guard case .mapping(let top) = node else {
                throw OpenStackError(
                    kind: .configuration, service: "configuration", message: "\(path) is not a mapping with a clouds: key",
                    nextStep: "start the file with `clouds:` and one entry per cloud")
            }
            var names: [String] = []
            if let clouds = top["clouds"], case .mapping(let mapping) = clouds {
                names = mapping.keys.compactMap(\.string)
            }
            return ReadFile(path: path, document: YAMLConversion.json(node), cloudNames: names)
        }
        return nil
    }
}

/// Turns a composed YAML tree into JSON values.
enum YAMLConversion {
    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            // Scalars stay text: `project_id: 0123` or `password: yes` mean exactly what is written.
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return !quoted && node.null != nil ? .null : .string(scalar.string)
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping { object[key.string ?? ""] = json(value) }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.map(json))
        case .alias:
            return .null
        }
    }
}

extension JSONValue {
    /// openstacksdk's merge: mappings merge key by key (recursively), anything else is replaced by `other`.
    public func deepMerged(with other: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let top) = other else { return other }
        for (key, value) in top {
            if case .object = value, let existing = base[key], case .object = existing {
                base[key] = existing.deepMerged(with: value)
            } else {
                base[key] = value
            }
        }
        return .object(base)
    }
}
