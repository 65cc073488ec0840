/// Values by byte strings (a word as written, a class name), looked up without making an
/// array of the key: by the key's xxh64, with the key kept to tell collisions apart. With a
/// limit, it is emptied when it holds that many values.
struct BytesKeyedCache<Value> {
    private var entries: [UInt64: (key: [UInt8], value: Value)] = [:]
    private let limit: Int?

    init(limit: Int? = nil) {
        self.limit = limit
    }

    /// The value for `key`, made by `make` and kept when it is not known yet.
    mutating func value(for key: UnsafeBufferPointer<UInt8>, orMake make: () -> Value) -> Value {
        let hash = ContentHash.xxh64(UnsafeRawBufferPointer(key))
        if let known = entries[hash], known.key.elementsEqual(key) { return known.value }
        let value = make()
        if let limit, entries.count >= limit { entries.removeAll(keepingCapacity: true) }
        entries[hash] = (Array(key), value)
        return value
    }
}
