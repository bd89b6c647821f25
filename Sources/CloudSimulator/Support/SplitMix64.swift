/// SplitMix64: a tiny, fast, seedable pseudo-random generator (deterministic for a seed).
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0).
    public mutating func int(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A uniform integer in the closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(range.count)
    }

    /// A uniform double in `0..<1`.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// `true` with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(items.count)]
    }

    /// `count` lower-case hex digits.
    public mutating func hex(_ count: Int) -> String {
        var text = ""
        text.reserveCapacity(count)
        var bits: UInt64 = 0
        var remaining = 0
        for _ in 0..<count {
            if remaining == 0 {
                bits = next()
                remaining = 16
            }
            text.append(Self.digits[Int(bits & 0xF)])
            bits >>= 4
            remaining -= 1
        }
        return text
    }

    /// A random (version 4 shaped) UUID string.
    public mutating func uuid() -> String {
        let raw = Array(hex(32))
        let variant = Self.digits[8 + int(4)]
        return String(raw[0..<8]) + "-" + String(raw[8..<12]) + "-4" + String(raw[13..<16]) + "-"
            + String(variant) + String(raw[17..<20]) + "-" + String(raw[20..<32])
    }

    /// A MAC address in the OpenStack `fa:16:3e` range.
    public mutating func mac() -> String {
        "fa:16:3e:" + [hex(2), hex(2), hex(2)].joined(separator: ":")
    }

    private static let digits = Array("0123456789abcdef")
}

/// A stable 64-bit FNV-1a hash, used to derive ids (e.g. Nova `hostId`) from other values.
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}
