import Dispatch

/// A value computed on another thread, collected with `wait()`: lets a flush compress the
/// stored stories on the second core while it encodes the postings on this one.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { self.value = work() }
    }

    func wait() -> Value {
        done.wait()
        return value!
    }
}
