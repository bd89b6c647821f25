import Foundation

/// Everything needed to talk to one cloud.
public struct CloudConfiguration: Sendable {
    /// The name shown to users (`cloud` in tool results), e.g. the clouds.yaml entry or "default".
    public var name: String
    public var auth: AuthConfiguration
    /// Region to use; nil means the first region in the catalog that offers a service.
    public var region: String?
    /// Endpoint interface: public, internal or admin.
    public var interface: String
    public var http: HTTPSettings
    /// Regions the configuration lists (clouds.yaml `regions`); empty when it lists none.
    public var regions: [String] = []

    public init(name: String, auth: AuthConfiguration, region: String? = nil, interface: String = "public", http: HTTPSettings = .init()) {
        self.name = name
        self.auth = auth
        self.region = region
        self.interface = interface
        self.http = http
    }
}
