import CloudSimulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

enum SelfTest {
    static func check(_ condition: Bool, _ message: String) {
        print((condition ? "PASS " : "FAIL ") + message)
    }

    static func fetch(_ url: String, token: String? = nil, method: String = "GET", body: String? = nil, timeout: TimeInterval = 10, headers: [String: String] = [:]) async throws -> (Int, Data, HTTPURLResponse) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = timeout
        if let token { request.setValue(token, forHTTPHeaderField: "X-Auth-Token") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if let body { request.httpBody = Data(body.utf8); request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, data, http)
    }

    static func token(_ base: URL, user: String, password: String, project: String) async throws -> String {
        let body = #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(user)","domain":{"name":"Default"},"password":"\#(password)"}}},"scope":{"project":{"name":"\#(project)","domain":{"name":"Default"}}}}}"#
        let (_, _, http) = try await fetch(base.absoluteString + "/identity/v3/auth/tokens", method: "POST", body: body)
        return http.value(forHTTPHeaderField: "X-Subject-Token") ?? ""
    }

    static func run() async throws {
        let t0 = Date()
        let big = DemoData(configuration: .init(servers: 2000))
        print("generation 2000: \(Date().timeIntervalSince(t0))s; 10000:", { let t = Date(); _ = DemoData(configuration: .init(servers: 10000)); return Date().timeIntervalSince(t) }())
        let again = DemoData(configuration: .init(servers: 2000))
        check(big.servers.map(\.id) == again.servers.map(\.id) && big.volumes.map(\.id) == again.volumes.map(\.id), "deterministic")
        check(DemoData(configuration: .init(servers: 2000, seed: 7)).servers[0].id != big.servers[0].id, "seed changes data")
        // consistency
        var ok = true
        for volume in big.volumes {
            for a in volume.attachments {
                guard let s = big.server(id: a.serverID), s.volumesAttached.contains(where: { $0.volumeID == volume.id }), s.projectID == volume.projectID else { ok = false; continue }
            }
        }
        for s in big.servers { for v in s.volumesAttached { if big.volume(id: v.volumeID)?.attachments.contains(where: { $0.serverID == s.id }) != true { ok = false } } }
        check(ok, "attachments consistent")
        let errors = big.servers.filter { $0.status == "ERROR" }
        check(errors.count >= 3 && errors.allSatisfy { $0.fault != nil } && errors.contains { $0.host == "compute-3" }, "errors \(errors.count)")
        print("status mix", Dictionary(grouping: big.servers, by: \.status).mapValues(\.count), "bfv", big.servers.filter(\.isBootFromVolume).count, "bootable vols", big.volumes.filter(\.bootable).count, "/", big.volumes.count, "hosts", big.hypervisorHosts.count)

        try await withDemoCloud(.init(servers: 2000, tokenLifetime: 8)) { cloud, base in
            let b = base.absoluteString
            let auth = await cloud.authURL
            check(auth.absoluteString == b + "/identity/v3", "authURL \(auth)")
            let admin = try await token(base, user: "admin", password: DemoCloud.adminPassword, project: "admin")
            check(!admin.isEmpty, "token")
            // walk all servers
            var url: String? = b + "/compute/v2.1/servers/detail?all_tenants=1&limit=250"
            var ids: [String] = []
            var pages = 0
            let start = Date()
            while let next = url {
                let (status, data, _) = try await fetch(next, token: admin, headers: ["OpenStack-API-Version": "compute 2.96"])
                guard status == 200, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { check(false, "page \(status)"); break }
                ids += (json["servers"] as! [[String: Any]]).map { $0["id"] as! String }
                url = ((json["servers_links"] as? [[String: Any]])?.first?["href"] as? String)
                pages += 1
            }
            print("walked \(pages) pages in \(Date().timeIntervalSince(start))s")
            check(ids == cloud.data.servers.map(\.id), "walk matches data order (\(ids.count))")
            let t1 = Date()
            _ = try await fetch(b + "/compute/v2.1/servers/detail?all_tenants=1&limit=1000&marker=\(cloud.data.servers[900].id)", token: admin)
            print("1000-detail page: \(Date().timeIntervalSince(t1))s")
            let t2 = Date()
            _ = try await fetch(b + "/compute/v2.1/servers/detail?all_tenants=1&limit=50&marker=\(cloud.data.servers[1500].id)", token: admin)
            print("50-detail page: \(Date().timeIntervalSince(t2))s")

            // faults
            cloud.setFault(.status(503), forPathPrefix: "/compute")
            var (status, data, _) = try await fetch(b + "/compute/v2.1/servers", token: admin)
            check(status == 503 && String(decoding: data, as: UTF8.self).contains("serviceUnavailable"), "503 fault \(String(decoding: data, as: UTF8.self))")
            cloud.setFault(.badJSON, forPathPrefix: "/network/v2.0/networks")
            (status, data, _) = try await fetch(b + "/network/v2.0/networks", token: admin)
            check(status == 200 && (try? JSONSerialization.jsonObject(with: data)) == nil, "badJSON")
            cloud.setFault(.latency(milliseconds: 400), forPathPrefix: "/image")
            let t3 = Date()
            (status, _, _) = try await fetch(b + "/image/v2/images", token: admin)
            check(status == 200 && Date().timeIntervalSince(t3) >= 0.4, "latency \(Date().timeIntervalSince(t3))")
            cloud.setFault(.hang, forPathPrefix: "/volume")
            do { _ = try await fetch(b + "/volume/v3/volumes", token: admin, timeout: 1); check(false, "hang") } catch { check(true, "hang timed out: \(error)") }
            cloud.setFault(.reset, forPathPrefix: "/placement")
            do { let r = try await fetch(b + "/placement/resource_providers", token: admin, timeout: 3); check(false, "reset got \(r.0)") } catch { check(true, "reset: \(error)") }
            cloud.clearFaults()
            (status, _, _) = try await fetch(b + "/compute/v2.1/servers?limit=1", token: admin)
            check(status == 200, "cleared")
            (status, _, _) = try await fetch(b + "/volume/v3/volumes?limit=1", token: admin)
            check(status == 200, "volume after hang cleared")
            check(cloud.count(method: "POST", pathPrefix: "/identity/v3/auth/tokens") == 1, "count tokens")
            check(cloud.requests().contains { $0.path == "/volume/v3/volumes" && $0.status == 0 || $0.status == 200 }, "log has volume")
            print("log tail", cloud.requests().suffix(8).map { "\($0.method) \($0.path) \($0.query) \($0.status)" })
            check(cloud.requests().allSatisfy { $0.method == "GET" || $0.path.hasPrefix("/identity/v3/auth/tokens") }, "read-only")
            cloud.revokeAllTokens()
            (status, _, _) = try await fetch(b + "/compute/v2.1/servers?limit=1", token: admin)
            check(status == 401, "revoked \(status)")
            let fresh = try await token(base, user: "demo", password: DemoCloud.memberPassword, project: "demo")
            try await Task.sleep(for: .seconds(8.2))
            (status, _, _) = try await fetch(b + "/compute/v2.1/servers?limit=1", token: fresh)
            check(status == 401, "expired \(status)")
            cloud.resetRequestLog()
            check(cloud.requests().isEmpty, "reset log")
        }
        print("withDemoCloud returned")
    }
}
