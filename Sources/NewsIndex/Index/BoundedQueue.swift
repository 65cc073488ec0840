#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking first-in-first-out queue of bounded size between one producing and one
/// consuming thread: the reader of files stays at most `capacity` items ahead of the
/// indexer, so memory stays bounded whatever the corpus.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private var items: [Element?] = []
    private var head = 0
    private var closed = false
    private var cancelled = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(capacity: Int) {
        self.capacity = max(1, capacity)
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
    func push(_ element: Element) -> Bool {
        locked {
            while items.count - head >= capacity && !cancelled { pthread_cond_wait(changed, mutex) }
            guard !cancelled else { return false }
            items.append(element)
            pthread_cond_broadcast(changed)
            return true
        }
    }

    /// The next item, waiting while the queue is empty; nil once it is closed and drained.
    func pop() -> Element? {
        locked {
            while head == items.count && !closed { pthread_cond_wait(changed, mutex) }
            guard head < items.count else { return nil }
            let element = items[head]
            items[head] = nil
            head += 1
            if head > 1024 && head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            pthread_cond_broadcast(changed)
            return element
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
}
