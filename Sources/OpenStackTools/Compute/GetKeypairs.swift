import Foundation
import OpenStackKit

/// `get_keypairs`: a user's SSH and x509 keypairs.
enum GetKeypairs {
    static var definition: ToolDefinition {
        ListTool<Keypair>(
            name: "get_keypairs", title: "List compute keypairs",
            description:
                "List Nova keypairs (yours, or user_id's as admin): name, fingerprint, type.",
            noun: "keypair",
            searchFields: { [$0.name, $0.fingerprint] },
            basic: { keypair, _ in
                .compact([("name", .string(keypair.name)), ("fingerprint", keypair.fingerprint.json), ("type", keypair.type.json)])
            },
            detailed: { keypair, _ in .compact([("public_key", keypair.publicKey.json), ("user_id", keypair.userID.json)]) }
        ).definition
    }
}
