import ArgumentParser
import Foundation
import OpenStackTools

/// The command line, kept compatible with the Python seed (`--port 8000 --log-level INFO
/// --auth-url ... --username ... --password ... --json-response`).
struct Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openstack-mcp-server",
        abstract: "A read-only MCP server for OpenStack (Nova, Neutron, Cinder, Glance, Keystone, Placement, Heat, Octavia, Swift).",
        discussion: """
            Serves MCP over Streamable HTTP at http://HOST:PORT/openstack (SSE answers by default, JSON with \
            --json-response) or over stdio (--transport stdio). It only ever reads: every call to OpenStack is a \
            GET, apart from Keystone's token request.

            CREDENTIALS are found as openstacksdk finds them. --os-cloud NAME (or OS_CLOUD) picks a cloud from \
            clouds.yaml, read from OS_CLIENT_CONFIG_FILE, ./, ~/.config/openstack/ or /etc/openstack/ (first found), \
            with secure.yaml merged over it. Flags win over the OS_* variables of an openrc file (OS_AUTH_URL, \
            OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, OS_APPLICATION_CREDENTIAL_ID, OS_TOKEN, ...), which win \
            over clouds.yaml. Auth types: password, v3applicationcredential, token; scopes: project, domain, system.

            SEVERAL CLOUDS: repeat --os-cloud, or use --os-cloud all. Every tool then takes a cloud argument \
            (get_clouds lists them), and a region argument for clouds with several regions. Each cloud keeps \
            its own token and connections.

            ACCESS: on loopback (the default) the HTTP endpoint is open to this host. Anywhere else it needs \
            --auth-token-file (static bearer tokens, re-read on SIGHUP) or --oauth-issuer with --oauth-audience \
            (OAuth 2.1 access tokens; metadata at /.well-known/oauth-protected-resource), or it refuses to \
            start unless --allow-unauthenticated is given. /healthz and /readyz stay open; stdio needs no token.

            PER-CALLER IDENTITY: --identity caller makes each HTTP request read OpenStack as its caller, never as \
            the server: an application credential in the headers X-OpenStack-Application-Credential-ID and \
            X-OpenStack-Application-Credential-Secret, or an OAuth access token (--oauth-issuer) that Keystone's \
            federation (--federation-idp, --federation-protocol) exchanges, scoped to the project in \
            X-OpenStack-Project. Each caller gets their own token, catalog and tools (admin-only tools are hidden \
            from non-admins), at most --caller-max-calls calls at once, and a log line naming them. The server \
            then needs only the cloud's auth URL.

            LIMITS: --call-timeout bounds one tool call (all its OpenStack requests); a cross-service tool cut \
            short returns what it has, marked partial. --max-upstream-concurrency caps requests in flight to each \
            cloud; calls beyond it wait their turn, and one that cannot start in time gets "the cloud is busy; retry".

            SECRETS: prefer OS_PASSWORD, clouds.yaml/secure.yaml or --password-file to --password: a password on \
            the command line is visible to every user in `ps`. The configuration is never printed with its \
            secrets; --check-config shows it masked, then authenticates and reads the catalog.

            TOOLSETS: --toolsets picks the groups of tools offered (default: default, a small set for the \
            questions asked most; all: every tool). --tools adds single tools, --exclude-tools removes them. \
            Over HTTP the headers X-MCP-Toolsets and X-MCP-Tools narrow the set for one request. Tools of a \
            service that no configured cloud has are not offered.
            \(ToolFlags.overview)

            EXAMPLES
              openstack-mcp-server --demo
              source admin-openrc.sh && openstack-mcp-server --port 8000
              OS_CLOUD=prod openstack-mcp-server --check-config
              openstack-mcp-server --os-cloud prod --os-cloud staging --transport stdio
              openstack-mcp-server --host 0.0.0.0 --allowed-host mcp.example.com \\
                  --auth-token-file /etc/mcp/tokens
              openstack-mcp-server --identity caller --auth-url https://keystone.example.com:5000/v3 \\
                  --host 0.0.0.0 --allowed-host mcp.example.com
              openstack-mcp-server --transport stdio \\
                  --auth-url https://keystone.example.com:5000/v3 \\
                  --username admin --project-name admin --password-file ~/.os-password

            ENDPOINTS (HTTP)
              /openstack  MCP (POST; also GET and DELETE with --stateful); /mcp is
                          an alias that answers the same
              /healthz    200 while the process runs
              /readyz     200 when every cloud has a valid token and a catalog, else
                          503 with one line per cloud saying why
              /metrics    Prometheus text; also on --metrics-port, which serves only
                          these three paths and skips the Host and Origin checks
            """,
        version: BuildInfo.versionLine)

    @OptionGroup(title: "Server") var server: ServerFlags
    @OptionGroup(title: "Access to the HTTP endpoint (one is required off loopback)") var access: AccessFlags
    @OptionGroup(title: "Per-caller identity (shared servers)") var identity: IdentityFlags
    @OptionGroup(title: "Upstream limits") var upstream: UpstreamFlags
    @OptionGroup(title: "OpenStack credentials (flags win over OS_* variables)") var cloud: CloudFlags
    @OptionGroup(title: "Demo cloud") var demo: DemoFlags
    @OptionGroup(title: "Tools") var toolFlags: ToolFlags
    @OptionGroup(title: "Operations") var ops: OpsFlags
    @Flag(help: "Print the resolved configuration of each cloud (secrets masked), authenticate, read the catalog, report what is wrong, and exit (0 when all is well).")
    var checkConfig = false
}

struct ServerFlags: ParsableArguments {
    // Unconditional, so that `--port -1` reaches the range check instead of "Missing value".
    @Option(parsing: .unconditional, help: "Port for HTTP (0 picks a free one).") var port: Int = 8000
    @Option(help: "Address to bind. Loopback by default; anything else also needs --allowed-host.")
    var host: String = "127.0.0.1"
    @Option(help: "DEBUG, INFO, WARNING, ERROR or CRITICAL (any case). Logs go to stderr.")
    var logLevel: String = "INFO"
    @Flag(help: "Answer with plain JSON bodies instead of SSE-framed messages.") var jsonResponse = false
    @Option(help: "http (Streamable HTTP at /openstack) or stdio.") var transport: Transport = .http
    @Flag(help: "Keep MCP sessions (Mcp-Session-Id, GET stream, DELETE) instead of stateless requests.")
    var stateful = false
    @Option(help: "Also accept this Host header (name or name:port); repeatable. Needed behind a proxy or on another interface.")
    var allowedHost: [String] = []
    @Option(help: "Also accept this browser Origin (scheme://name[:port]); repeatable.")
    var allowedOrigin: [String] = []
    @Option(help: "Largest request body, in bytes.") var maxBodyBytes: Int = 1 << 20
    @Option(help: "Largest answer text of a tool, in bytes; a longer list is cut at an item, with a cursor for the rest.")
    var maxResultBytes: Int = ToolSettings.defaultMaxResultBytes
    @Option(help: "Seconds allowed for one OpenStack call, retries included.") var timeout: Int = 60
    @Option(help: "Seconds allowed to open a connection to OpenStack.") var connectTimeout: Int = 5
    @Option(help: "Stateful mode: minutes before an idle session closes.") var sessionIdleMinutes: Int = 10
    @Option(help: "Stateful mode: most sessions at once.") var maxSessions: Int = 100

    enum Transport: String, ExpressibleByArgument, CaseIterable { case http, stdio }
}

struct CloudFlags: ParsableArguments {
    @Option(help: "A cloud of clouds.yaml (OS_CLOUD); repeatable to serve several; `all` for every cloud there.")
    var osCloud: [String] = []
    @Option(help: "Keystone URL, with or without /v3 (OS_AUTH_URL).") var authURL: String?
    @Option(help: "User name (OS_USERNAME).") var username: String?
    @Option(help: "Password (OS_PASSWORD). Visible in `ps` when given here: prefer OS_PASSWORD or --password-file.")
    var password: String?
    @Option(help: "Read the password from this file (first line).") var passwordFile: String?
    @Option(help: "Project name (OS_PROJECT_NAME).") var projectName: String?
    @Option(help: "Project ID (OS_PROJECT_ID).") var projectID: String?
    @Option(help: "User's domain (OS_USER_DOMAIN_NAME).") var userDomainName: String?
    @Option(help: "Project's domain (OS_PROJECT_DOMAIN_NAME).") var projectDomainName: String?
    @Option(help: "Region (OS_REGION_NAME); default: the first in the catalog.") var region: String?
    @Option(help: "Endpoint interface: public, internal or admin (OS_INTERFACE).") var interface: String?
    @Option(help: "CA bundle (PEM) that signed the cloud's certificates (OS_CACERT).") var cacert: String?
    @Flag(help: "Do not verify TLS certificates (OS_INSECURE). For labs only.") var insecure = false
    @Option(help: "Client certificate (PEM) for TLS client authentication (OS_CERT); may also hold the key.")
    var cert: String?
    @Option(help: "Private key (PEM) of --cert (OS_KEY).") var key: String?
}

struct DemoFlags: ParsableArguments {
    @Flag(help: "Serve the built-in demo clouds (simulated OpenStacks on loopback, named demo and demo2, each with RegionOne and RegionTwo); no credentials needed. Their Keystone takes user admin, password demo-admin-secret, project admin, so the openstack CLI can be pointed at them too.")
    var demo = false
    @Option(help: "Number of servers in the demo cloud (demo2 has half as many).") var demoServers: Int = 48
}
