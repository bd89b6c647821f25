import Foundation
import Testing

@testable import OpenStackKit

/// The Heat, Octavia and Swift api-ref samples decode into our models, and what the tools build
/// on them (failed parts, members that are down, pseudo-folders, stack names) reads right.
@Suite struct ExtraServiceSampleDecodingTests {
    typealias Samples = SampleDecodingTests

    static func file(_ path: String) throws -> JSONValue { try Samples.load(Samples.root.appendingPathComponent(path)) }

    /// The list sample and the show sample of one resource decode as `R`, list first.
    static func decodeAll<R: OpenStackResource>(_ type: R.Type, _ folder: String, list: String, show: String) throws -> [R] {
        try [list, show].flatMap { name in
            try Samples.decodeAny(R.self, Samples.root.appendingPathComponent("\(folder)/\(name)-response.json"))
        }
    }

    @Test func stacksResourcesAndEventsDecode() throws {
        let stacks = try Self.decodeAll(Stack.self, "heat", list: "stacks-list", show: "stack-show")
        #expect(stacks.map(\.name) == ["simple_stack", "simple_stack"])
        #expect(stacks.allSatisfy { $0.status == "CREATE_COMPLETE" && !$0.isFailed && $0.parentID == nil })
        #expect(stacks[0].showPath == "/stacks/simple_stack/3095aefc-09fb-4bc7-b1f0-f21a304e864c")

        let resources = try Self.decodeAll(StackResource.self, "heat", list: "resources-list", show: "resource-show")
        #expect(resources.map(\.name) == ["random_key_name", "random_key_name"])
        #expect(resources.allSatisfy { $0.type == "OS::Heat::RandomString" && $0.stackName == "mystack" })

        let events = try Self.decodeAll(StackEvent.self, "heat", list: "events-list", show: "event-show")
        let failed = events.filter { $0.status == "CREATE_FAILED" }
        #expect(events.count == 3 && failed.count == 1 && failed[0].resourceName == "port")
        #expect(failed[0].statusReason?.isEmpty == false)
    }

    @Test func aStackTemplateDecodesWithItsHiddenDefaultMasked() throws {
        let template = try StackTemplate(json: Self.file("heat/template-show-response.json"))
        #expect(template.version == "2013-05-23" && template.parameterNames == ["foo"])
        #expect(template.resourceTypes == ["random_key_name": "OS::Heat::RandomString"])
        // foo is hidden, and its default is the word "secret".
        #expect(template.secretParameters == ["foo"])
        let redacted = template.redacted
        #expect(redacted["parameters"]?["foo"]?["default"] == "***")
        #expect(redacted["parameters"]?["foo"]?["type"] == "string" && redacted["parameters"]?["foo"]?["hidden"] == true)
        #expect(redacted["resources"] == template.raw["resources"] && redacted["outputs"] == template.raw["outputs"])
        let stack = try Stack.list(from: Self.file("heat/stacks-list-response.json"))[0]
        #expect(StackTemplate.path(of: stack) == "/stacks/simple_stack/3095aefc-09fb-4bc7-b1f0-f21a304e864c/template")
    }

    @Test func templateParametersNamedLikeSecretsAreMaskedInHOTAndCFN() throws {
        let hot: JSONValue = [
            "heat_template_version": "2021-04-16",
            "parameters": [
                "db_password": ["type": "string", "default": "pw1"], "admin_pass": ["type": "string", "default": "pw2"],
                "api_key": ["type": "string", "default": "pw3"], "key_name": ["type": "string", "default": "mykey"],
                "flavor": ["type": "string", "default": "m1.small"],
            ],
            "resources": [
                "s": ["type": "OS::Nova::Server", "properties": ["admin_pass": ["get_param": "admin_pass"]]],
                "token": ["type": "OS::Heat::RandomString", "properties": ["length": 32]],
            ],
            "outputs": ["token_value": ["value": ["get_attr": ["token", "value"]]]],
        ]
        let template = try StackTemplate(json: hot)
        #expect(template.secretParameters == ["admin_pass", "api_key", "db_password"])
        let text = template.redacted.compactText()
        for secret in ["pw1", "pw2", "pw3"] { #expect(!text.contains(secret), "\(text)") }
        #expect(text.contains("mykey") && text.contains("m1.small"))
        // A resource or output named like a secret keeps its body: the name is no secret.
        #expect(template.redacted["resources"]?["token"]?["type"] == "OS::Heat::RandomString")
        #expect(template.redacted["outputs"]?["token_value"] == hot["outputs"]?["token_value"])
        let cfn: JSONValue = [
            "AWSTemplateFormatVersion": "2010-09-09",
            "Parameters": ["DBRootPassword": ["Type": "String", "NoEcho": "true", "Default": "cfn-secret"], "InstanceType": ["Type": "String", "Default": "m1.small"]],
        ]
        let old = try StackTemplate(json: cfn)
        #expect(old.version == "2010-09-09" && old.secretParameters == ["DBRootPassword"])
        #expect(!old.redacted.compactText().contains("cfn-secret") && old.redacted.compactText().contains("m1.small"))
    }

    @Test func heatsVersionDocumentNamesV1() throws {
        let versions = try Self.file("heat/versions-list-response.json")["versions"]?.arrayValue ?? []
        #expect(versions.map { $0["id"]?.stringValue } == ["v1.0"])
    }

    @Test func loadBalancersAndTheirPartsDecode() throws {
        let balancers = try Self.decodeAll(LoadBalancer.self, "octavia", list: "loadbalancers-list", show: "loadbalancer-show")
        #expect(balancers.count == 2)
        #expect(balancers.map(\.provisioningStatus) == ["ACTIVE", "PENDING_CREATE"] && balancers.allSatisfy { $0.vipAddress != nil })
        #expect(balancers[0].listenerIDs == ["023f2e34-7806-443b-bfae-16c324569a3d"])

        let listeners = try Self.decodeAll(Listener.self, "octavia", list: "listeners-list", show: "listener-show")
        #expect(listeners.count == 2 && listeners[0].protocolName == "TERMINATED_HTTPS" && listeners[0].port == 443)
        #expect(listeners[0].loadBalancerIDs.count == 1 && listeners[0].defaultPoolID != nil)

        let pools = try Self.decodeAll(Pool.self, "octavia", list: "pools-list", show: "pool-show")
        #expect(pools.count == 2 && pools[0].algorithm == "ROUND_ROBIN" && pools[0].memberIDs.count == 1)

        let members = try Self.decodeAll(PoolMember.self, "octavia", list: "members-list", show: "member-show")
        #expect(members.count == 2 && members[0].address == "192.0.2.16" && members[0].port == 80)
        // NO_MONITOR is Octavia's "not watched", not down.
        #expect(members.filter(\.isDown).isEmpty)

        let monitors = try Self.decodeAll(HealthMonitor.self, "octavia", list: "healthmonitors-list", show: "healthmonitor-show")
        #expect(monitors.count == 2 && monitors[0].type == "HTTP" && monitors[0].urlPath == "/" && monitors[0].poolIDs.count == 1)

        let amphorae = try Self.decodeAll(Amphora.self, "octavia", list: "amphora-list", show: "amphora-show")
        #expect(amphorae.count == 3 && Set(amphorae.compactMap(\.role)) == ["MASTER", "BACKUP"])
        #expect(amphorae.allSatisfy { $0.computeID != nil && $0.status == "ALLOCATED" })
    }

    @Test func theStatusTreeSampleHasAMemberInError() throws {
        // The shape describe-as-a-tree answers mirror: listeners → pools → members, health monitor.
        let tree = try Self.file("octavia/loadbalancer-status-response.json")["statuses"]?["loadbalancer"]
        let members = tree?["listeners"]?.arrayValue?.first?["pools"]?.arrayValue?.first?["members"]?.arrayValue ?? []
        let decoded = try members.map(PoolMember.init(json:))
        #expect(decoded.count == 2 && decoded.filter(\.isDown).count == 1)
    }

    @Test func swiftListingsDecodeThroughTheirDeclarations() throws {
        let account = try Self.file("swift/account-containers-list-response.json")
        let containers = try StorageContainer.declaration.items(in: account).map(StorageContainer.init(json:))
        #expect(containers.map(\.name) == ["janeausten", "marktwain"])
        #expect(containers.map(\.objectCount) == [0, 1] && containers.map(\.bytes) == [0, 14])

        let listing = try Self.file("swift/objects-list-response.json")
        let objects = try StoredObject.declaration.items(in: listing).map(StoredObject.init(json:))
        #expect(objects.map(\.name) == ["goodbye", "helloworld"])
        #expect(objects.allSatisfy { $0.contentType == "application/octet-stream" && !$0.isFolder && $0.hash?.count == 32 })
        // A delimited listing's pseudo-folder is named by its subdir.
        let folders = try StoredObject.declaration.items(in: [["subdir": "logs/"]]).map(StoredObject.init(json:))
        #expect(folders.map(\.name) == ["logs/"] && folders[0].isFolder)
    }

    @Test func theAccountHeadersSampleGivesTotals() throws {
        let text = try String(contentsOf: Samples.root.appendingPathComponent("swift/account-containers-list-http-response-json.txt"), encoding: .utf8)
        var headers: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let account = ObjectStoreHeaders.account(headers)
        #expect(account["containers"] == 2 && account["objects"] == 1 && account["bytes_used"] == 14)
        #expect(account["metadata"]?["subject"] == "Literature" && account["quota_bytes"] == nil)
    }
}
