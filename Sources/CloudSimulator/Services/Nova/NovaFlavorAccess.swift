/// `GET /flavors/{id}/os-flavor-access`: the projects that may use a private flavor. Admin only
/// by Nova's default policy; a public flavor has no access list (404, Nova's words).
extension NovaAPI {
    func listFlavorAccess(_ request: IncomingRequest, flavorID: String) -> Reply {
        guard request.isAdmin else { return policyForbidden("os_compute_api:os-flavor-access", request) }
        guard let flavor = flavors[flavorID] else { return error(404, "Flavor \(flavorID) could not be found.", request) }
        guard !flavor.isPublic else { return error(404, "Access list not available for public flavors.", request) }
        let entries: [JSON] = flavor.projectAccess.map { ["flavor_id": .string(flavor.id), "tenant_id": .string($0)] }
        return .json(["flavor_access": .array(entries)])
    }
}
