import Foundation
import OpenStackKit
import Testing

/// The three nets of the redactor: a resource's inventory, the name rules and the value rules.
@Suite struct RedactorTests {
    @Test(arguments: [
        ("swift+https://glance:s3cret@swift.example.com:8080/v1/AUTH_x/img", "swift+https://***@swift.example.com:8080/v1/AUTH_x/img"),
        ("rbd://user@ceph/pool/img", "rbd://***@ceph/pool/img"),
        ("see http://a:b@h/x and ftp://c:d@e.f", "see http://***@h/x and ftp://***@e.f"),
        ("\"https://u:p@host\"", "\"https://***@host\""),
        ("https://host/path?next=https://u:p@other/", "https://host/path?next=https://***@other/"),
    ])
    func urlUserinfoIsMaskedInsideAnyString(_ text: String, _ masked: String) {
        #expect(Redactor.maskingURLUserinfo(text) == masked)
        #expect(Redactor.redact(["any": .string(text)]) == ["any": .string(masked)])
    }

    @Test(arguments: ["https://host/a@b", "mailto:a@b.c", "user@host", "no url here", "http://", "://@", "a://b"])
    func stringsWithoutUserinfoAreLeftAlone(_ text: String) {
        #expect(Redactor.maskingURLUserinfo(text) == nil)
    }

    @Test func userDataBecomesANoteOfItsSize() {
        let encoded = Data("#cloud-config\npassword: hunter2\n".utf8).base64EncodedString()
        let redacted = Redactor.redact(["OS-EXT-SRV-ATTR:user_data": .string(encoded), "user_data": .string(encoded)])
        #expect(redacted["OS-EXT-SRV-ATTR:user_data"] == "(user data present: 32 bytes, not shown)")
        #expect(redacted["user_data"] == "(user data present: 32 bytes, not shown)")
        #expect(Redactor.redact(["OS-EXT-SRV-ATTR:user_data": nil]) == ["OS-EXT-SRV-ATTR:user_data": nil])
    }

    @Test func theInventoryMasksFieldsWhoseNamesDoNotSaySecret() {
        let image: JSONValue = ["direct_url": "file:///var/lib/glance/images/x", "locations": [["url": "rbd://pool/x"]], "name": "cirros"]
        let redacted = Redactor.redact(image, fields: Image.secretFields)
        #expect(redacted["direct_url"] == "***" && redacted["locations"] == "***" && redacted["name"] == "cirros")
        #expect(Redactor.redact(image)["direct_url"] == "file:///var/lib/glance/images/x", "only the inventory names them")
        #expect(Server.secretFields.contains("adminpass") && VolumeAttachment.secretFields.contains("auth_password"))
    }

    @Test func swiftSecretHeadersAreMaskedInMetadata() {
        let account = ObjectStoreHeaders.account([
            "x-account-meta-temp-url-key": "k1", "x-account-meta-temp-url-key-2": "k2", "x-account-meta-color": "blue",
            "x-account-container-count": "3",
        ])
        #expect(account["metadata"] == ["temp-url-key": "***", "temp-url-key-2": "***", "color": "blue"])
        #expect(ObjectStoreHeaders.secretHeaders.contains("x-container-sync-key"))
    }

    @Test func nameRulesStayAsTheSecondNet() {
        let redacted = Redactor.redact(["connection_info": ["data": ["auth_password": "p", "target_portal": "10.0.0.1:3260"]]])
        #expect(redacted["connection_info"]?["data"]?["auth_password"] == "***")
        #expect(redacted["connection_info"]?["data"]?["target_portal"] == "10.0.0.1:3260")
    }
}
