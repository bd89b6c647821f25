import CloudSimulator
import Foundation
import OpenStackKit
import Testing

/// `get_stack_template`: the template a stack was made from, its hidden parameters' defaults masked.
@Suite struct StackTemplateTests {
    @Test func theTemplateByNameOrIDWithTheHiddenDefaultMasked() async throws {
        try await ServerHarness.run { harness in
            let client = harness.client()
            let listed = try await client.call("get_stacks", ["filter": "web-tier", "all_projects": true, "detail_level": "basic"])
            let web = try #require(listed.items.first { $0["stack_name"]?.stringValue == "web-tier" || $0["name"]?.stringValue == "web-tier" }, "\(listed.text)")
            let id = try #require(web["id"]?.stringValue)
            for key in ["web-tier", id] {
                let answer = try await client.call("get_stack_template", ["stack": .string(key)])
                #expect(!answer.isError, "\(answer.text)")
                let item = answer.structured["item"] ?? .null
                #expect(item["stack_id"]?.stringValue == id && item["stack_name"] == "web-tier")
                #expect(item["template_version"] == "2021-04-16")
                let template = item["template"] ?? .null
                #expect(template["parameters"]?["admin_password"]?["default"] == "***", "\(answer.text)")
                #expect(template["parameters"]?["admin_password"]?["hidden"] == true)
                #expect(template["parameters"]?["flavor"]?["default"] == "m1.small")
                #expect(item["masked_parameters"] == ["admin_password"])
                #expect(template["resources"]?.objectValue?.isEmpty == false)
                #expect(!answer.text.contains(DemoCanaries.stackTemplateDefault))
            }
            let missing = try await client.call("get_stack_template", ["stack": "no-such-stack"])
            #expect(missing.isError && missing.text.contains("no-such-stack"), "\(missing.text)")
        }
    }
}
