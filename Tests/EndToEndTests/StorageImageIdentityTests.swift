import Testing

/// The block storage, image and identity tool tests (nested suites in the files next to this
/// one) run one at a time: each starts a demo cloud and an MCP server, and the cores are shared
/// with the other suites, whose deadlines are short.
@Suite(.serialized) struct StorageImageIdentityTests {}
