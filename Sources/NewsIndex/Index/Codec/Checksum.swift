internal import CZlib

/// CRC-32 (IEEE 802.3, reflected, as zlib computes it): guards every segment section,
/// deletion file and manifest against torn writes and bit rot.
enum CRC32 {
    /// zlib's implementation, which sums several bytes a step: checking and merging segments
    /// sum whole files.
    static func checksum(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        var c = UInt(seed)
        var rest = bytes
        while let base = rest.baseAddress, !rest.isEmpty {
            let n = min(rest.count, Int(UInt32.max >> 1))
            c = crc32(c, base.assumingMemoryBound(to: UInt8.self), UInt32(n))
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
        }
        return UInt32(truncatingIfNeeded: c)
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
