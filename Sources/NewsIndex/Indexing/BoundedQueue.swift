#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A blocking first-in-first-out queue between one producing and one consuming thread,
/// bounded in items and in weight (bytes): the reader of files stays at most `capacity`
/// files and `maxWeight` bytes ahead of the indexer, so memory stays bounded whatever the
/// corpus. One item heavier than the bound still passes when the queue is empty.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private let maxWeight: Int
    private var weight = 0
    private var items: [(element: Element, weight: Int)?] = []
    private var head = 0
    private var closed = false
    private var cancelled = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(capacity: Int, maxWeight: Int = .max) {
        self.capacity = max(1, capacity)
        self.maxWeight = maxWeight
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        changed.deallocate()
    }

    private func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Adds an item, waiting while the queue is full; false when the consumer has cancelled.
    func push(_ element: Element, weight w: Int = 1) -> Bool {
        locked {
            while !cancelled && items.count > head
                    && (items.count - head >= capacity || weight + w > maxWeight) {
                pthread_cond_wait(changed, mutex)
            }
            guard !cancelled else { return false }
            items.append((element, w))
            weight += w
            pthread_cond_broadcast(changed)
            return true
        }
    }

    /// The next item, waiting while the queue is empty; nil once it is closed and drained.
    func pop() -> Element? {
        locked {
            while head == items.count && !closed { pthread_cond_wait(changed, mutex) }
            guard head < items.count, let entry = items[head] else { return nil }
            items[head] = nil
            weight -= entry.weight
            head += 1
            if head > 1024 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            pthread_cond_broadcast(changed)
            return entry.element
        }
    }

    /// The producer has no more items.
    func close() {
        locked {
            closed = true
            pthread_cond_broadcast(changed)
        }
    }

    /// The consumer wants no more items: a waiting or later `push` returns false.
    func cancel() {
        locked {
            cancelled = true
            pthread_cond_broadcast(changed)
        }
    }

    /// Runs `produce` on a thread of its own, pushing into a new queue, and hands each item to
    /// `consume` on this thread in order. When `consume` returns or throws, the producer is
    /// cancelled (its next `push` returns false) and waited for.
    static func handOver<E: Error>(
        capacity: Int, maxWeight: Int = .max, produce: @escaping @Sendable (BoundedQueue) -> Void,
        consume: (Element) throws(E) -> Void
    ) throws(E) {
        let queue = BoundedQueue(capacity: capacity, maxWeight: maxWeight)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            produce(queue)
            queue.close()
        }
        defer {
            queue.cancel()
            while queue.pop() != nil {}
            done.wait()
        }
        while let item = queue.pop() { try consume(item) }
    }
}
