import Foundation
import Testing

@testable import OpenStackKit

/// The api-ref samples of issue 23's Glance and Octavia reads decode, every one of them.
@Suite struct ImageAndOctaviaReadsSampleTests {
    typealias Samples = SampleDecodingTests

    static func decode<R: OpenStackResource>(_ type: R.Type, _ path: String) throws -> [R] {
        try Samples.decodeAny(R.self, Samples.root.appendingPathComponent(path))
    }

    @Test func imageMembersDecode() throws {
        let members = try Self.decode(ImageMember.self, "glance/image-members-list-response.json")
        #expect(members.map(\.memberID) == ["123456789", "987654321"])
        #expect(members.map(\.status) == ["pending", "accepted"] && members.allSatisfy { $0.imageID != nil && $0.createdAt != nil })
        // One member is an unwrapped object, as Glance shows it.
        let one = try ImageMember(json: Samples.load(Samples.root.appendingPathComponent("glance/image-member-details-response.json")))
        #expect(one.memberID == "8989447062e04a818baf9e073fd04fa7" && one.status == "pending")
        #expect(ImageMember.path(image: "a b") == "/images/a%20b/members")
    }

    @Test func imageTasksDecodeFromTheListAndEveryShow() throws {
        let tasks = try Self.decode(ImageTask.self, "glance/tasks-list-response.json")
        #expect(tasks.count == 2 && tasks.allSatisfy { $0.type == "import" && $0.status == "processing" && $0.owner != nil })
        for name in ["success", "processing", "failure"] {
            let task = try ImageTask(json: Samples.load(Samples.root.appendingPathComponent("glance/task-show-\(name)-response.json")))
            #expect(task.status == name, "\(name)")
            if name == "failure" { #expect(task.message?.isEmpty == false) }
            if name == "success" { #expect(task.imageID != nil) }
        }
    }

    @Test func imageStoresDecodeWithTheirStringFlags() throws {
        let stores = try Self.decode(ImageStore.self, "glance/stores-list-response.json")
        #expect(stores.map(\.id) == ["reliable", "fast", "cheap", "special"])
        #expect(stores.filter(\.isDefault).map(\.id) == ["fast"] && stores.filter(\.isReadOnly).map(\.id) == ["special"])
        let detailed = try Self.decode(ImageStore.self, "glance/stores-list-detail-response.json")
        #expect(detailed.count == 4 && detailed.filter(\.isDefault).map(\.id) == ["reliable"])
    }

    @Test func l7PoliciesAndRulesDecode() throws {
        let policies = try ["l7policies-list", "l7policy-show"].flatMap { try Self.decode(L7Policy.self, "octavia/\($0)-response.json") }
        #expect(policies.count == 2)
        #expect(policies.allSatisfy {
            $0.action == "REDIRECT_TO_URL" && $0.redirectURL == "http://www.example.com" && $0.redirectHTTPCode == 302
                && $0.position == 1 && $0.ruleIDs == ["efd6a3f8-73bf-47f0-8ae6-503ebda57372"] && $0.redirectPoolID == nil
        })
        let rules = try ["l7rules-list", "l7rule-show"].flatMap { try Self.decode(L7Rule.self, "octavia/\($0)-response.json") }
        #expect(rules.count == 2 && rules.allSatisfy { $0.type == "PATH" && $0.compareType == "REGEX" && $0.value == "/images*" && !$0.invert && $0.key == nil })
        #expect(L7Rule.path(policy: "p/1") == "/lbaas/l7policies/p%2F1/rules")
    }

    @Test func statsFlavorsProvidersAndZonesDecode() throws {
        let stats = try Self.decode(LoadBalancerStats.self, "octavia/loadbalancer-stats-response.json")
        #expect(stats.count == 1 && stats[0].bytesIn == 131_342_840 && stats[0].activeConnections == 97_258 && stats[0].requestErrors == 0)
        #expect(LoadBalancerStats.path(loadBalancer: "lb") == "/lbaas/loadbalancers/lb/stats")

        let flavors = try ["flavors-list", "flavor-show"].flatMap { try Self.decode(LoadBalancerFlavor.self, "octavia/\($0)-response.json") }
        #expect(flavors.count == 2 && flavors.allSatisfy { $0.name == "Basic" && $0.enabled == true && $0.flavorProfileID != nil })

        let providers = try Self.decode(LoadBalancerProvider.self, "octavia/provider-list-response.json")
        #expect(providers.map(\.name) == ["amphora", "octavia"] && providers.allSatisfy { $0.description != nil })

        let zones = try ["availabilityzone-list", "availabilityzone-show"].flatMap {
            try Self.decode(LoadBalancerAvailabilityZone.self, "octavia/\($0)-response.json")
        }
        #expect(zones.count == 2 && zones.allSatisfy { $0.name == "my_az" && $0.enabled == true && $0.profileID != nil })
    }

    @Test func quotasDecodeWithDefaultsLeftNull() throws {
        let listed = try Self.decode(LoadBalancerQuota.self, "octavia/quotas-list-response.json")
        #expect(listed.count == 1 && listed[0].projectID == "e3cd678b11784734bc366148aa37580e")
        #expect(listed[0].limits["loadbalancer"] == .some(5) && listed[0].limits["listener"] == .some(nil) && listed[0].limits["l7policy"] == .some(3))
        for name in ["quotas-show", "quotas-defaults"] {
            let quota = try Self.decode(LoadBalancerQuota.self, "octavia/\(name)-response.json")
            #expect(quota.count == 1 && quota[0].projectID == nil, "\(name)")
            #expect(LoadBalancerQuota.kinds.allSatisfy { quota[0].limits[$0] != .some(nil) }, "\(name): every kind has a value")
        }
    }
}
