internal import CZlib

/// Decompresses gzip (and zlib) data in memory, refusing to expand past a limit so that a
/// small hostile file cannot exhaust memory. Concatenated gzip members are all read, as
/// `gunzip` reads them.
struct GzipDecoder {
    var limit: Int

    enum Failure: Error, Equatable {
        case damaged
        case tooLarge
    }

    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    func decompress(_ input: [UInt8]) -> Result<[UInt8], Failure> {
        var stream = z_stream()
        // 15 + 32: the largest window, gzip or zlib header detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.damaged)
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        return input.withUnsafeBufferPointer { source -> Result<[UInt8], Failure> in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= limit else { return .failure(.tooLarge) }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow; trailing zero padding is allowed.
                    let rest = Int(stream.avail_in)
                    let tail = UnsafeBufferPointer(rebasing: source[(source.count - rest)...])
                    if rest == 0 || tail.allSatisfy({ $0 == 0 }) { return .success(output) }
                    guard inflateReset(&stream) == Z_OK else { return .failure(.damaged) }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(.damaged)  // truncated: input ended inside the stream
                default:
                    return .failure(.damaged)
                }
            }
        }
    }
}
