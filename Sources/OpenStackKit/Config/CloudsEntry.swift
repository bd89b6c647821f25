import Foundation

/// Reads one clouds.yaml entry into ``CloudSettings``, with openstacksdk's key rules.
///
/// Keys may use `-` or `_`. Auth settings live under `auth:`, but may also sit at the top of the
/// entry, where they win (as in openstacksdk). `tenant_*` are the old names of `project_*`.
/// `regions:` lists the cloud's regions (names, or `{name, values}` whose values apply when that
/// region is the one in use). `profile:` (vendor defaults) is not applied: the entry must be complete.
public enum CloudsEntry {
    /// The settings of `entry` for `region` (nil: the first region it lists), and notes for the user.
    public static func settings(from entry: JSONValue, cloud: String, region: String?) throws
        -> (settings: CloudSettings, notes: [String])
    {
        var top = normalized(entry).objectValue ?? [:]
        var notes: [String] = []
        let regions = try regionList(top["regions"], cloud: cloud)
        // A lone region_name acts as the cloud's only region.
        let names = regions.isEmpty ? (top["region_name"]?.scalarText).map { [$0] } ?? [] : regions.map(\.name)
        if let region, !names.isEmpty, !names.contains(region) {
            throw OpenStackError(
                kind: .configuration, service: "configuration",
                message: "region '\(region)' is not a region of cloud '\(cloud)'; its regions are \(names.joined(separator: ", "))",
                nextStep: "use one of those (region names are case-sensitive) in --region or OS_REGION_NAME")
        }
        let chosen = region ?? names.first
        if let chosen, let values = regions.first(where: { $0.name == chosen })?.values {
            // Per-region values override the entry for the region in use.
            top = JSONValue.object(top).deepMerged(with: normalized(values)).objectValue ?? top
        }
        if let profile = top["profile"]?.scalarText ?? top["cloud"]?.scalarText {
            notes.append("profile '\(profile)' is not applied (vendor profiles are not supported); only the entry's own settings are used")
        }

        let auth = top["auth"]?.objectValue ?? [:]
        func value(_ keys: String...) -> String? {
            for key in keys { if let text = top[key]?.scalarText { return text } }
            for key in keys { if let text = auth[key]?.scalarText { return text } }
            return nil
        }
        var settings = CloudSettings()
        settings.authURL = value("auth_url")
        settings.authType = top["auth_type"]?.scalarText
        settings.username = value("username", "user_name")
        settings.userID = value("user_id")
        settings.password = value("password")
        settings.projectName = value("project_name", "tenant_name")
        settings.projectID = value("project_id", "tenant_id")
        settings.userDomainName = value("user_domain_name") ?? value("default_domain_name")
        settings.userDomainID = value("user_domain_id") ?? value("default_domain_id")
        settings.projectDomainName = value("project_domain_name") ?? value("default_domain_name")
        settings.projectDomainID = value("project_domain_id") ?? value("default_domain_id")
        settings.domainName = value("domain_name")
        settings.domainID = value("domain_id")
        settings.systemScope = value("system_scope")
        settings.applicationCredentialID = value("application_credential_id")
        settings.applicationCredentialName = value("application_credential_name")
        settings.applicationCredentialSecret = value("application_credential_secret")
        settings.token = value("token", "auth_token")
        settings.region = chosen
        settings.regions = names.isEmpty ? nil : names
        settings.interface = top["interface"]?.scalarText ?? top["endpoint_type"]?.scalarText
        settings.identityAPIVersion = top["identity_api_version"]?.scalarText
        settings.cacert = top["cacert"]?.scalarText
        settings.clientCertificate = top["cert"]?.scalarText
        settings.clientKey = top["key"]?.scalarText
        if let verify = top["verify"] {
            if let flag = verify.boolValue {
                if !flag { settings.insecure = true }
            } else if let path = verify.scalarText, settings.cacert == nil {
                settings.cacert = path  // `verify: /path/ca.pem` is requests' spelling of a CA bundle
            }
        }
        if let insecure = top["insecure"]?.boolValue, insecure { settings.insecure = true }
        return (settings, notes)
    }

    struct Region {
        var name: String
        var values: JSONValue?
    }

    private static func regionList(_ value: JSONValue?, cloud: String) throws -> [Region] {
        guard let value, value != .null else { return [] }
        guard let items = value.arrayValue else {
            if let single = value.scalarText { return [Region(name: single)] }
            throw OpenStackError(
                kind: .configuration, service: "configuration", message: "regions of cloud '\(cloud)' is not a list",
                nextStep: "write regions: as a list of names, e.g. [RegionOne, RegionTwo]")
        }
        return try items.map { item in
            if let name = item.scalarText { return Region(name: name) }
            guard let name = item["name"]?.scalarText else {
                throw OpenStackError(
                    kind: .configuration, service: "configuration", message: "a region of cloud '\(cloud)' has no name",
                    nextStep: "give each entry of regions: a name")
            }
            return Region(name: name, values: item["values"])
        }
    }

    /// Keys with `-` become `_`, at every level (openstacksdk's normalize_keys).
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members { result[key.replacingOccurrences(of: "-", with: "_")] = normalized(member) }
            return .object(result)
        case .array(let items): return .array(items.map(normalized))
        default: return value
        }
    }
}

extension JSONValue {
    /// A scalar as text (`project_id: 0123` is read by YAML as a number, but means a string).
    var scalarText: String? {
        switch self {
        case .string(let text): return text.isEmpty ? nil : text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return String(flag)
        default: return nil
        }
    }
}
