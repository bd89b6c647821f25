import Foundation
import Testing

@testable import OpenStackKit

/// Error bodies as the real services send them (captured from the services of the recipe in
/// scripts/real-openstack): the message a user sees must be OpenStack's own sentence.
@Suite struct ErrorBodyTests {
    @Test(arguments: [
        // Glance answers with webob's HTML page, not JSON.
        ("<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID 00000000-0000-4000-8000-00000000dead<br /><br />\n\n\n\n </body>\n</html>",
         "No image found with ID 00000000-0000-4000-8000-00000000dead"),
        ("{\"badRequest\": {\"code\": 400, \"message\": \"Invalid filters project_id are found in query options.\"}}",
         "Invalid filters project_id are found in query options."),
        ("{\"computeFault\": {\"code\": 406, \"message\": \"Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104.\"}}",
         "Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104."),
        ("{\"error\": {\"code\": 403, \"message\": \"You are not authorized to perform the requested action: identity:list_services.\", \"title\": \"Forbidden\"}}",
         "You are not authorized to perform the requested action: identity:list_services."),
        // Ironic 39 wraps its fault as JSON text (here: drivers asked for with a project-scoped token).
        ("{\"error_message\": \"{\\\"faultcode\\\": \\\"Server\\\", \\\"faultstring\\\": \\\"\\\\\\\"baremetal:driver:get\\\\\\\" requires a scope of ['system'], request was made with project scope.\\\", \\\"debuginfo\\\": null}\"}",
         "\"baremetal:driver:get\" requires a scope of ['system'], request was made with project scope."),
        // Heat 27: the policy refusal is in error.message, not in the title or the explanation.
        ("{\"code\": 403, \"title\": \"Forbidden\", \"explanation\": \"Access was denied to this resource.\", \"error\": {\"type\": \"Forbidden\", \"traceback\": null, \"message\": \"You are not authorized to use stacks:global_index.\"}}",
         "You are not authorized to use stacks:global_index."),
        // Octavia 19, Aodh 23 and Gnocchi 4.7.
        ("{\"faultcode\": \"Client\", \"faultstring\": \"Load Balancer 00000000-0000-4000-8000-00000000dead not found.\", \"debuginfo\": null}",
         "Load Balancer 00000000-0000-4000-8000-00000000dead not found."),
        ("{\"error_message\": {\"faultcode\": \"Client\", \"faultstring\": \"Alarm 00000000-0000-4000-8000-00000000dead not found\", \"debuginfo\": null}}",
         "Alarm 00000000-0000-4000-8000-00000000dead not found"),
        ("{\"code\": 404, \"title\": \"Not Found\", \"description\": \"Metric 00000000-0000-4000-8000-00000000dead does not exist\"}",
         "Metric 00000000-0000-4000-8000-00000000dead does not exist"),
        // Barbican 23: the description, or the title where the description is empty (an unknown path).
        ("{\"code\": 404, \"title\": \"Not Found\", \"description\": \"Secrets container not found.\"}", "Secrets container not found."),
        ("{\"code\": 404, \"title\": \"Not Found\", \"description\": \"\"}", "Not Found"),
    ])
    func theMessageIsOpenStacksOwn(body: String, message: String) {
        #expect(ErrorBody.parse(Data(body.utf8)) == message)
    }
}
