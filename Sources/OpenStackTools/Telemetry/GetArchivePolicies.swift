import Foundation
import OpenStackKit

/// `get_archive_policies`: what Gnocchi keeps, at which granularities and for how long.
enum GetArchivePolicies {
    static var definition: ToolDefinition {
        ListTool<ArchivePolicy>(
            name: "get_archive_policies", title: "List archive policies",
            description: "List Gnocchi archive policies: granularities, points, retention, aggregations.",
            noun: "archive policy",
            searchFields: { [$0.name] },
            basic: { policy, _ in
                .compact([
                    ("name", .string(policy.name)),
                    ("archives", .array(policy.archives.map { archive in
                        .object(.compact([
                            ("granularity", .string(MeasureWindow.words(archive.granularity))), ("points", archive.points.json),
                            ("timespan", archive.timespan.map { .string(MeasureWindow.words($0)) }),
                        ]))
                    })),
                ])
            },
            detailed: { policy, _ in
                .compact([
                    ("aggregation_methods", .array(policy.aggregationMethods.map(JSONValue.string))),
                    ("back_window", policy.backWindow.json),
                ])
            }
        ).definition
    }
}
