import Foundation
import Testing

@testable import OpenStackKit

/// `Redactor.redactText`: what a console log's secrets look like, masked; what is no secret, kept.
@Suite struct TextRedactionTests {
    @Test(arguments: [
        ("export DB_PASSWORD=hunter2x", "hunter2x"),
        ("password: correct-horse", "correct-horse"),
        ("Password = 'quoted value'", "quoted value"),
        (#"{"admin_password": "s3cr3t!", "name": "web"}"#, "s3cr3t!"),
        (#"{"api_key":"k-123456"}"#, "k-123456"),
        ("mysql --password=rootpw --user=root", "rootpw"),
        ("X-Auth-Token: gabcdef0123456789", "gabcdef0123456789"),
        ("OS_TOKEN=abcdef0123", "abcdef0123"),
        ("client_secret=zzz999", "zzz999"),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG", "wJalrXUtnFEMI/K7MDENG"),
        ("key id AKIAIOSFODNN7EXAMPLE in use", "AKIAIOSFODNN7EXAMPLE"),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "eyJhbGciOiJIUzI1NiJ9"),
        ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="),
        ("fetch https://deploy:tok3n@git.example.com/repo", "tok3n"),
        ("token gAAAAABlZ2lXabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-abcdefgh", "gAAAAABlZ2lX"),
    ])
    func secretsWithAShapeAreMasked(line: String, secret: String) {
        let (text, masked) = Redactor.redactText("boot\n" + line + "\nlogin: ")
        #expect(!text.contains(secret), "\(text)")
        #expect(masked >= 1)
        #expect(text.hasPrefix("boot\n") && text.hasSuffix("\nlogin: "), "\(text)")
    }

    @Test func privateKeysGoWholeAndPublicKeysStay() {
        let log = """
            ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host
            -----BEGIN RSA PRIVATE KEY-----
            MIIEowIBAAKCAQEAsecretbody
            line2secret
            -----END RSA PRIVATE KEY-----
            after the key
            -----BEGIN OPENSSH PRIVATE KEY-----
            b3BlbnNzaC1rZXktdjEcut
            """
        let (text, masked) = Redactor.redactText(log)
        for secret in ["MIIEowIBAAKCAQEAsecretbody", "line2secret", "b3BlbnNzaC1rZXktdjEcut"] { #expect(!text.contains(secret), "\(text)") }
        #expect(text.contains("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host"))
        #expect(text.contains("after the key"))
        #expect(masked == 2)
    }

    @Test func cloudInitsGeneratedPasswordsAreMasked() {
        let log = "Set the following 'random' passwords\nroot:Xk29sPq1\nubuntu:Zz0pLm9\nCloud-init v. 24.1 finished"
        let (text, _) = Redactor.redactText(log)
        #expect(!text.contains("Xk29sPq1") && !text.contains("Zz0pLm9"), "\(text)")
        #expect(text.contains("root:***") && text.contains("ubuntu:***") && text.contains("Cloud-init v. 24.1 finished"), "\(text)")
    }

    @Test func ordinaryBootOutputIsLeftAlone() {
        let log = """
            [    0.000000] Linux version 6.8.0-45-generic
            cloud-init[512]: Cloud-init v. 24.1 running 'init'
            password_expires_at: 2026-01-01
            Accepted publickey for ubuntu from 10.0.0.1
            web-1 login: 
            """
        let (text, masked) = Redactor.redactText(log)
        #expect(text == log)
        #expect(masked == 0)
    }

    /// What the README says it cannot catch: a bare secret with no name or shape beside it.
    @Test func aBareSecretIsNotCaught() {
        #expect(Redactor.redactText("the code is hunter2").text.contains("hunter2"))
    }
}
