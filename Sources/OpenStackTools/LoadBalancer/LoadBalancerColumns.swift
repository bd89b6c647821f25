import Foundation
import OpenStackKit

/// Columns that Octavia's tools share.
enum LoadBalancerColumns {
    static func statusColumns(_ provisioning: String?, _ operating: String?) -> [String: JSONValue] {
        .compact([("provisioning_status", provisioning.json), ("operating_status", operating.json)])
    }
}
