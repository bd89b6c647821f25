import Foundation
import OpenStackKit

/// The columns of `get_secrets` and `get_secret`: metadata only, never a payload, with each
/// shown secret's access list summed up.
enum SecretColumns {
    /// ACLs are read one per secret (Barbican has no batch read): for the first this many
    /// shown secrets, this many at once.
    static let aclReads = 50
    static let aclConcurrency = 8

    static let lookups: @Sendable (OpenStackCloud, [Secret]) async -> Lookups = { cloud, secrets in
        let ids = Array(secrets.prefix(aclReads).map(\.id))
        var found = Lookups()
        found.values["acl"] = await BoundedConcurrency.map(ids, limit: aclConcurrency) { id in
            let acl = SecretACL(json: try await cloud.get(.keyManager, path: SecretACL.path(secret: id)).json)
            return ["project_access": .bool(acl.projectAccess), "users": .int(acl.users.count)] as JSONValue
        }
        return found
    }

    static let basic: @Sendable (Secret, Lookups) -> [String: JSONValue] = { secret, found in
        .compact([
            ("id", .string(secret.id)), ("name", secret.name.json), ("secret_type", secret.secretType.json),
            ("algorithm", secret.algorithm.json), ("bit_length", secret.bitLength.json), ("status", secret.status.json),
            ("expiration", secret.expiration.json), ("acl", found.values["acl"]?[secret.id]),
        ])
    }

    static let detailed: @Sendable (Secret, Lookups) -> [String: JSONValue] = { secret, _ in
        .compact([
            ("mode", secret.mode.json), ("creator_id", secret.creatorID.json), ("created", secret.createdAt.json),
            ("updated", secret.updatedAt.json),
            ("content_types", secret.contentTypes.isEmpty ? nil : .object(secret.contentTypes.mapValues(JSONValue.string))),
        ])
    }

    /// `full`: Barbican's object with the ACL summary.
    static let full: @Sendable (Secret, Lookups) -> JSONValue = { secret, found in
        var object = secret.raw.objectValue ?? [:]
        // Barbican names a secret only by its ref, which the Redactor masks as secret-looking.
        object["id"] = .string(secret.id)
        if let acl = found.values["acl"]?[secret.id] { object["acl"] = acl }
        return .object(object)
    }
}
