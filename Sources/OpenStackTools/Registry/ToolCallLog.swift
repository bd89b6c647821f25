import Logging
import OpenStackKit

extension ToolRegistry {
    /// The one INFO line of a tool call, and its metrics.
    ///
    /// The line carries what an operator needs to follow the call into OpenStack's own logs: the
    /// cloud and region it read, how many upstream requests it made, and their request IDs. It
    /// never carries the arguments' values or the answer, which may hold names a user typed.
    func record(
        tool: String, arguments: ToolArguments, result: ToolResult, outcome: String,
        measurement: ToolCallMeasurement, tally: UpstreamTally, context: ToolContext
    ) {
        let answerBytes = result.textByteCount
        measurement.finish(outcome: outcome, answerBytes: answerBytes)
        let (cloud, region) = scope(of: result, arguments: arguments, clouds: context.clouds)
        let elapsed = measurement.elapsed
        let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        context.logger.info(
            "tool call",
            metadata: [
                "tool": .string(tool), "outcome": .string(outcome), "ms": .stringConvertible(Int(ms)),
                "cloud": .string(cloud), "region": .string(region),
                "upstream_requests": .stringConvertible(tally.requests),
                "request_ids": .array(tally.requestIDs.map { .string($0) }),
                "answer_bytes": .stringConvertible(answerBytes),
            ])
    }

    /// The cloud and region a call read: from its answer when it says (list and show answers
    /// do), else from its arguments, else the defaults. `-` when the region was never resolved.
    private func scope(of result: ToolResult, arguments: ToolArguments, clouds: CloudSet) -> (String, String) {
        let structured = result.structuredContent?.objectValue
        let cloud = structured?["cloud"]?.stringValue ?? arguments.values["cloud"]?.stringValue
            ?? clouds.clouds.first?.name ?? "-"
        let region = structured?["region"]?.stringValue ?? arguments.values["region"]?.stringValue
            ?? clouds.clouds.first(where: { $0.name == cloud })?.configuration.region ?? "-"
        return (cloud, region)
    }
}
