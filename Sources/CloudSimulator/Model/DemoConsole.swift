import Foundation

/// What a demo server's console printed: a kernel boot, cloud-init and a login prompt, derived
/// from the server, with the secrets a real console can show (a password cloud-init echoes, a
/// private key a script printed, an API token and chpasswd's generated password) as canaries.
enum DemoConsole {
    static func log(for server: DemoServer) -> [String] {
        let address = server.addresses.first { $0.type == "fixed" }?.address ?? "0.0.0.0"
        return [
            "[    0.000000] Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075) #45-Ubuntu SMP",
            "[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0",
            "[    0.412345] Hypervisor detected: KVM",
            "[    1.204511] EXT4-fs (vda1): mounted filesystem with ordered data mode.",
            "[    3.118021] cloud-init[512]: Cloud-init v. 24.1 running 'init' at Mon, 01 Dec 2025 08:00:00 +0000.",
            "ci-info: | eth0 | True | \(address) | 255.255.255.0 | global | \(server.id.prefix(8)) |",
            "[    4.902117] cloud-init[640]: Generating public/private ed25519 key pair.",
            "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDdemoPublicKeyOnly \(server.name)@demo",
            "[    5.231009] cloud-init[702]: export DB_PASSWORD=\(DemoCanaries.consolePassword)",
            "[    5.301212] cloud-init[702]: curl -H 'X-Auth-Token: \(DemoCanaries.consoleToken)' http://169.254.169.254/",
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ \(DemoCanaries.consolePrivateKey)",
            "-----END OPENSSH PRIVATE KEY-----",
            "Set the following 'random' passwords",
            "root:\(DemoCanaries.consoleRandomPassword)",
            "[    6.004411] cloud-init[702]: Cloud-init v. 24.1 finished. Up 6.00 seconds",
            "",
            "Ubuntu 24.04.1 LTS \(server.name) ttyS0",
            "",
            "\(server.name) login: ",
        ]
    }
}
