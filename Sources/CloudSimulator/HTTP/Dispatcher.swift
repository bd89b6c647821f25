import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Request context that keeps the channel, so a `.reset` fault can drop the connection.
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}

/// Entry point for every request: logging, faults, routing, authentication, common headers.
struct Dispatcher: HTTPResponder {
    typealias Context = SimulatorRequestContext

    let environment: ServiceEnvironment
    private let services: [String: any ServiceAPI]
    /// RegionTwo's services (under `/region-two/`), over RegionTwo's data; no Keystone, Cinder or Placement.
    private let regionTwoServices: [String: any ServiceAPI]
    private let scheme: String

    init(environment: ServiceEnvironment, regionTwo: ServiceEnvironment) {
        self.environment = environment
        self.scheme = environment.configuration.tls == nil ? "http" : "https"
        let all: [any ServiceAPI] = [
            KeystoneAPI(environment: environment), NovaAPI(environment: environment),
            NeutronAPI(environment: environment), CinderAPI(environment: environment),
            GlanceAPI(environment: environment), PlacementAPI(environment: environment),
            HeatAPI(environment: environment), OctaviaAPI(environment: environment), SwiftAPI(environment: environment),
            BarbicanAPI(environment: environment), IronicAPI(environment: environment),
            ManilaAPI(environment: environment), GnocchiAPI(environment: environment), AodhAPI(environment: environment),
            DesignateAPI(environment: environment),
        ]
        services = Dictionary(uniqueKeysWithValues: all.map { ($0.mount, $0) })
        let second: [any ServiceAPI] = [
            NovaAPI(environment: regionTwo), NeutronAPI(environment: regionTwo), GlanceAPI(environment: regionTwo),
        ]
        regionTwoServices = Dictionary(uniqueKeysWithValues: second.map { ($0.mount, $0) })
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let rawQuery = request.uri.query ?? ""
        let sequence = environment.state.beginRequest(
            method: request.method.rawValue, path: path, query: rawQuery,
            carriedAuthorization: request.headers[.authorization] != nil,
            tokenID: HTTPField.Name("X-Auth-Token").flatMap { request.headers[$0] })
        // Counted once per request, so that `times` and `skip` mean requests.
        let fault = environment.state.fault(for: path)
        do {
            let reply = try await process(request, context: context, fault: fault)
            environment.state.finishRequest(sequence, status: reply.status)
            return Self.render(reply, fault: fault, channel: context.channel)
        } catch {
            environment.state.finishRequest(sequence, status: 0)
            throw error
        }
    }

    private func process(_ request: Request, context: Context, fault: Fault?) async throws -> Reply {
        var request = request
        let method = request.method.rawValue
        let body = method == "POST" ? Array(buffer: try await request.collectBody(upTo: 1 << 20)) : []
        var segments = request.uri.path.split(separator: "/").map { QueryString.decode($0) }
        var baseURL = request.head.authority.map { scheme + "://" + $0 }
            ?? environment.state.boundURL?.absoluteString ?? "\(scheme)://127.0.0.1"
        var services = self.services
        if segments.first == DemoCloud.regionTwoMount {
            // RegionTwo: its own services and data; links keep the prefix through the base URL.
            segments.removeFirst()
            baseURL += "/" + DemoCloud.regionTwoMount
            services = regionTwoServices
        }
        var incoming = IncomingRequest(
            method: method, path: "/" + segments.joined(separator: "/"), segments: segments,
            rawQuery: request.uri.query ?? "", query: QueryString(request.uri.query), headers: request.headers,
            body: body, baseURL: baseURL, token: nil
        )
        let service = segments.first.flatMap { services[$0] }
        let requestID = "req-" + UUID().uuidString.lowercased()

        if let fault {
            switch fault {
            case .latency(let milliseconds):
                try await Task.sleep(for: .milliseconds(max(0, milliseconds)))
            case .hang:
                while environment.state.stillHanging(request.uri.path) {
                    try await Task.sleep(for: .milliseconds(50))
                }
            case .status(let code):
                let message = "Injected fault: the service answered \(code) \(reasonPhrase(code))."
                let reply = service.map { $0.error(code, message, incoming) }
                    ?? .json(FaultBody.keystone(status: code, message: message), status: code)
                return finish(reply, service: service, request: incoming, requestID: requestID)
            case .badJSON:
                let reply = Reply(status: 200, body: .text("{\"truncated\": [{\"id\": \"0b9c\", \"name\": "))
                return finish(reply, service: service, request: incoming, requestID: requestID)
            case .reset:
                await FaultDelivery.reset(context.channel)
                throw CancellationError()
            case .close:
                try? await context.channel.close()
                throw CancellationError()
            case .resetMidBody, .slowBody, .foreignLinks:
                break  // applied to the answer
            }
        }

        guard let service else {
            let reply = Reply.json(
                FaultBody.keystone(status: 404, message: "The resource could not be found."), status: 404)
            return finish(reply, service: nil, request: incoming, requestID: requestID)
        }
        let rest = segments.dropFirst()
        guard service.allows(method, rest) else {
            let reply = service.error(405, "The method \(method) is not allowed for this resource.", incoming)
            return finish(reply, service: service, request: incoming, requestID: requestID)
        }
        if !service.isPublic(rest, method: method) {
            guard let tokenID = incoming.header("X-Auth-Token"), let token = environment.state.validToken(tokenID, now: environment.now) else {
                let reply = Reply.json(FaultBody.unauthorized, status: 401)
                    .adding("WWW-Authenticate", "Keystone uri=\"\(incoming.baseURL)/identity\"")
                return finish(reply, service: service, request: incoming, requestID: requestID)
            }
            incoming.token = token
        }
        var reply = await service.handle(incoming, rest)
        if case .foreignLinks(let origin) = fault {
            reply = ForeignLinks.rewrite(reply, origin: origin, request: incoming, mount: service.mount)
        }
        return finish(reply, service: service, request: incoming, requestID: requestID)
    }

    private func finish(_ reply: Reply, service: (any ServiceAPI)?, request: IncomingRequest, requestID: String) -> Reply {
        var reply = reply
        reply.headers.append(("x-openstack-request-id", requestID))
        // After the request id, so that a service can drop it where the real one sends none.
        service?.decorate(&reply, for: request, requestID: requestID)
        return reply
    }

    private static func render(_ reply: Reply, fault: Fault?, channel: any Channel) -> Response {
        var fields = HTTPFields()
        var bytes: [UInt8] = []
        switch reply.body {
        case .json(let json):
            bytes = JSONWriter.bytes(json)
            fields[.contentType] = "application/json"
        case .text(let text):
            bytes = Array(text.utf8)
            if !reply.headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                fields[.contentType] = "application/json"
            }
        case .empty:
            break
        }
        for (name, value) in reply.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: fields,
            body: FaultDelivery.body(ByteBuffer(bytes: bytes), fault: fault, channel: channel)
        )
    }
}
