import CloudSimulator
import Foundation
import Testing

/// Hostile identity headers, seeded: each request gets its answer at once (401, 403 or 200 with
/// a JSON-RPC body), no secret comes back, and the server keeps serving a good caller.
@Suite struct CallerHeaderFuzzTests {
    static let alphabet = Array(#"abcXYZ019-_.:/\"'%{}[]<>;,=+ é✓"#)

    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func text(_ generator: inout Seeded, upTo length: Int) -> String {
        String((0..<Int.random(in: 0...length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }

    @Test(.timeLimit(.minutes(3))) func hostileIdentityHeadersAreAnsweredAndHarmless() async throws {
        try await CallerHarness.run { harness in
            var generator = Seeded(state: 20_261_205)
            var statuses: [Int: Int] = [:]
            for round in 0..<60 {
                var headers: [(String, String)] = []
                if Bool.random(using: &generator) {
                    headers.append(("X-OpenStack-Application-Credential-ID", Self.text(&generator, upTo: 80)))
                }
                if Bool.random(using: &generator) {
                    headers.append(("X-OpenStack-Application-Credential-Secret", Self.text(&generator, upTo: 200)))
                }
                if round % 5 == 0 { headers = CallerHarness.memberCredential }  // a good identity, odd project
                if Bool.random(using: &generator) { headers.append(("X-OpenStack-Project", Self.text(&generator, upTo: 40))) }
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    headers.append(("Authorization", "Bearer " + Self.text(&generator, upTo: 300)))
                }
                let response = try await harness.client(headers).send(
                    body: #"{"jsonrpc":"2.0","id":\#(round),"method":"tools/list"}"#)
                statuses[response.status, default: 0] += 1
                #expect([200, 401, 403].contains(response.status), "round \(round): \(response.status) \(response.body.prefix(200))")
                #expect(response.message != nil, "round \(round): a JSON-RPC body")
                if let secret = headers.first(where: { $0.0.hasSuffix("Secret") })?.1, secret.count > 8 {
                    #expect(!response.body.contains(secret), "round \(round): the secret came back")
                }
            }
            print("caller header fuzz: statuses \(statuses.sorted { $0.key < $1.key })")
            let good = try await harness.client(CallerHarness.memberCredential).call("get_instances", ["limit": 1])
            #expect(!good.isError)
        }
    }
}
