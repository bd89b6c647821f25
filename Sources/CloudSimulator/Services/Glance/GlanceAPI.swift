import Foundation

/// Glance (Image v2) under `/image`: discovery and images, with relative `next`/`first` links.
struct GlanceAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "image"

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        ["message": .string(message), "code": .string("\(status) \(reasonPhrase(status))"), "title": .string(reasonPhrase(status))]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool {
        segments.isEmpty || Array(segments) == ["versions"]
    }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        // Real Glance: no request id on its version lists or on keystonemiddleware's 401,
        // and errors are webob's HTML pages, not JSON.
        let path = Array(request.segments.dropFirst())
        if path.isEmpty || path == ["versions"] || reply.status == 401 {
            reply.removeHeaders(named: "x-openstack-request-id")
        }
        if reply.status == 401 {
            reply.body = .json(["message": "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required."])
        }
        reply.renderAsHTMLError()
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        switch path {
        case []:
            return Reply.json(versions(request), status: 300)
        case ["versions"]:
            return .json(versions(request))
        case ["v2", "images"]:
            return listImages(request)
        default:
            if let reply = sharingRoute(path, request) { return reply }
            if path.count == 3, path[0] == "v2", path[1] == "images" {
                guard let image = environment.data.image(id: path[2]), canSee(image, request) else {
                    return error(404, "No image found with ID \(path[2])", request)
                }
                return .json(render(image))
            }
            return error(404, "The resource could not be found.", request)
        }
    }

    private func versions(_ request: IncomingRequest) -> JSON {
        let values = (0...18).reversed().map { minor -> JSON in
            [
                "id": .string("v2.\(minor)"),
                "links": [["href": .string(request.baseURL + "/image/v2/"), "rel": "self"]],
                "status": minor == 18 ? "CURRENT" : "SUPPORTED",
            ]
        }
        return ["versions": .array(values)]
    }

    /// Whether the caller may see the image at all (by id).
    func canSee(_ image: DemoImage, _ request: IncomingRequest) -> Bool {
        request.isAdmin || image.visibility == "public" || image.visibility == "community" || image.owner == request.projectID
            || member(of: image, request) != nil
    }

    /// The caller's membership of a shared image, if it has one.
    func member(of image: DemoImage, _ request: IncomingRequest) -> DemoImageMember? {
        guard image.visibility == "shared" else { return nil }
        return environment.data.imageMembers.first { $0.imageID == image.id && $0.memberID == request.projectID }
    }

    /// Whether the image appears in a list for the `visibility` filter (nil = Glance's default listing).
    func listed(_ image: DemoImage, _ request: IncomingRequest, visibility: String?) -> Bool {
        switch visibility {
        case nil:
            // A shared image is listed to its members once they accept it.
            return request.isAdmin || image.visibility == "public" || image.owner == request.projectID
                || member(of: image, request)?.status == "accepted"
        case "all":
            return canSee(image, request)
        default:
            return image.visibility == visibility && canSee(image, request)
        }
    }

    func render(_ image: DemoImage) -> JSON {
        var body: JSON = [
            "status": .string(image.status),
            "name": .string(image.name),
            "tags": .strings(image.tags),
            "container_format": .str(image.containerFormat),
            "created_at": .string(Timestamp.format(image.createdAt, .seconds)),
            "disk_format": .str(image.diskFormat),
            "updated_at": .string(Timestamp.format(image.updatedAt, .seconds)),
            "visibility": .string(image.visibility),
            "self": .string("/v2/images/\(image.id)"),
            "min_disk": .int(image.minDisk),
            "protected": .bool(image.protected),
            "id": .string(image.id),
            "file": .string("/v2/images/\(image.id)/file"),
            "checksum": .str(image.checksum),
            "os_hash_algo": .str(image.osHashAlgo),
            "os_hash_value": .str(image.osHashValue),
            "os_hidden": .bool(image.osHidden),
            "owner": .string(image.owner),
            "size": .num(image.size),
            "min_ram": .int(image.minRAM),
            "schema": "/v2/schemas/image",
            "virtual_size": .num(image.virtualSize),
        ]
        for key in image.properties.keys.sorted() {
            body.set(key, .string(image.properties[key]!))
        }
        // As Glance answers with show_image_direct_url and show_multiple_locations on.
        let location = DemoCanaries.imageLocationURL(imageID: image.id)
        body.set("direct_url", .string(location))
        body.set("locations", .array([["url": .string(location), "metadata": [:]]]))
        body.set("source_url", .string(DemoCanaries.imageSourceURL(name: image.name)))
        return body
    }
}
