import ArgumentParser
import NewsIndex
#if canImport(Glibc)
import Glibc
#endif

/// The `newsidx` command: parses arguments, runs a subcommand, and maps every outcome to
/// the documented exit status (0 success, 1 no match, 2 usage or input error, 3 failure,
/// 75 index busy).
@main
struct Newsidx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsidx",
        abstract: "Full-text search for news wire archives: BM25-ranked stories with highlighted snippets.",
        discussion: """
            The index lives in --index DIR, else $NEWSIDX_INDEX, else ./Index.
            Exit status: 0 success, 1 no match (search), 2 usage or input error, \
            3 failure (I/O, damaged index), 75 index busy (another writer holds it).
            """,
        version: "0.1.0",
        subcommands: [AddCommand.self, ReindexCommand.self, SearchCommand.self, ShowCommand.self, StatsCommand.self,
                      DupsCommand.self, RmCommand.self, RootsCommand.self, CompactCommand.self, CheckCommand.self,
                      ExtractCommand.self, ServeCommand.self]
    )

    static func main() {
        let status: Int32
        do {
            if let fault = FaultInjection.configurationError { throw CommandFailure.usage(fault) }
            if let search = SearchFastPath.parse(Array(CommandLine.arguments.dropFirst())) {
                try search.run()
            } else {
                var command = try parseAsRoot(SearchCommand.explicitFeedback(Array(CommandLine.arguments.dropFirst())))
                try command.run()
            }
            status = 0
        } catch let failure as CommandFailure {
            if let message = failure.message { Terminal.error(message) }
            status = failure.status.rawValue
        } catch let code as ExitCode {
            status = code.rawValue
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                status = 0
            } else {
                Terminal.standardError(fullMessage(for: error) + "\n")
                status = ExitStatus.usage.rawValue
            }
        }
        Glibc.exit(status)
    }
}
