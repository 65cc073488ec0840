import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `--index DIR`, shared by every subcommand.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The index directory (default: $NEWSIDX_INDEX, else ./Index).", valueName: "DIR"))
    var index: String?

    /// The directory in force: the flag, else `NEWSIDX_INDEX`, else `./Index`.
    var directory: String { Self.directory(flag: index) }

    static func directory(flag: String?) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = getenv("NEWSIDX_INDEX"), env.pointee != 0 { return String(cString: env) }
        return "Index"
    }
}
