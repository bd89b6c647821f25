import Foundation
import OpenStackTools
import Testing

/// `docs/tools.md` is generated from the registry; this fails when it is out of date.
@Suite struct ToolDocsTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/tools.md").standardized

    @Test func docsMatchTheRegistry() throws {
        let generated = ToolDocumentation.markdown()
        if ProcessInfo.processInfo.environment["DOCS_RECORD"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
            return
        }
        let current = try? String(contentsOf: Self.file, encoding: .utf8)
        #expect(current == generated, "docs/tools.md is stale: run DOCS_RECORD=1 swift test --filter ToolDocsTests")
    }
}
