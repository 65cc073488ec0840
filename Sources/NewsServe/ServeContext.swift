#if canImport(Glibc)
import Glibc
#endif
import NewsIndex

/// What every controller needs: the reader that follows commits (with the facet columns of
/// its segments), and today's date for relative dates (`NEWSIDX_TODAY` overrides it, as for `newsidx search`).
struct ServeContext: Sendable {
    let follower: IndexFollower
    var search: SearchService { SearchService(facetColumns: follower.facetColumns) }

    var today: StoryDate? {
        if let fixed = getenv("NEWSIDX_TODAY"), let date = StoryDate(iso: String(cString: fixed)) { return date }
        return StoryDate(daysSinceEpoch: Int(time(nil) / 86_400))
    }
}
