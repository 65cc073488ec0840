/// Splits a commit's merges between two threads so that each has about as many stories to
/// write: the largest first, each to the lane with fewer so far (a merge's time follows the
/// stories it writes). Each lane keeps its merges in their planned order.
struct MergeLanes: Equatable {
    /// Indices into the merges, per lane.
    private(set) var first: [Int] = []
    private(set) var second: [Int] = []

    init(sizes: [Int]) {
        var loads = (0, 0)
        for i in sizes.indices.sorted(by: { sizes[$0] > sizes[$1] }) {
            if loads.0 <= loads.1 {
                first.append(i)
                loads.0 += sizes[i]
            } else {
                second.append(i)
                loads.1 += sizes[i]
            }
        }
        first.sort()
        second.sort()
    }
}
